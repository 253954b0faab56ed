import {
  ZChangePasswordInput,
  ZLoginInput,
  ZMe,
  ZRegisterInput,
  ZSession,
} from '@shipshape/domain';
import { z } from 'zod';
import { changePassword } from '../auth/change-password';
import { getMe } from '../auth/get-me';
import { logIn } from '../auth/log-in';
import { logOut, logOutEverywhere } from '../auth/log-out';
import { refreshSession } from '../auth/refresh-session';
import { registerUser } from '../auth/register-user';
import { authedProcedure, publicProcedure, router } from '../trpc';

const ZNoInput = z.strictObject({}).optional();
const ZOk = z.object({ ok: z.literal(true) });

// Auth services take the context itself: they read and write the refresh cookie.
export const authRouter = router({
  register: publicProcedure
    .input(ZRegisterInput)
    .output(ZSession)
    .mutation(({ ctx, input }) => registerUser({ ctx, input })),

  login: publicProcedure
    .input(ZLoginInput)
    .output(ZSession)
    .mutation(({ ctx, input }) => logIn({ ctx, input })),

  /** Rotates the refresh cookie; see refreshSession for reuse and theft. */
  refresh: publicProcedure
    .input(ZNoInput)
    .output(ZSession)
    .mutation(({ ctx }) => refreshSession({ ctx })),

  logout: publicProcedure
    .input(ZNoInput)
    .output(ZOk)
    .mutation(({ ctx }) => logOut({ ctx })),

  /** Ends every session of the caller, access tokens included, at once. */
  logoutAll: authedProcedure
    .input(ZNoInput)
    .output(ZOk)
    .mutation(({ ctx }) => logOutEverywhere({ ctx, user: ctx.user })),

  me: authedProcedure
    .input(ZNoInput)
    .output(ZMe)
    .query(({ ctx }) => getMe({ db: ctx.db, user: ctx.user })),

  /** Changes the password, ends every other session, and starts a fresh one. */
  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .output(ZSession)
    .mutation(({ ctx, input }) => changePassword({ ctx, user: ctx.user, input })),
});
