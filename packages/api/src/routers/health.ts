import { z } from 'zod';
import { publicProcedure, router } from '../trpc';

export const healthRouter = router({
  ping: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.object({ ok: z.literal(true), time: z.string() }))
    .query(() => ({ ok: true as const, time: new Date().toISOString() })),
});
