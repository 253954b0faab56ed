import { z } from 'zod';
import { ZEmail, ZId, ZRole, ZUserText } from './common';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 cost grows with input; longer passphrases gain nothing. */
export const PASSWORD_MAX_LENGTH = 256;

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const ZPersonName = ZUserText(200, { min: 1 });

export const ZRegisterInput = z.strictObject({
  email: ZEmail,
  password: ZPassword,
  name: ZPersonName,
});
export type TRegisterInput = z.infer<typeof ZRegisterInput>;

export const ZLoginInput = z.strictObject({
  email: ZEmail,
  // Any length is accepted at login so old passwords still fail the same way.
  password: z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
});

export const ZChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
  newPassword: ZPassword,
});

export const ZPublicUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
});
export type TPublicUser = z.infer<typeof ZPublicUser>;

export const ZSession = z.object({
  accessToken: z.string(),
  user: ZPublicUser,
});

export const ZMe = ZPublicUser.extend({
  workspaces: z.array(z.object({ id: ZId, name: z.string(), slug: z.string(), role: ZRole })),
});

/**
 * Why a password is too weak, or null. Checked beside the length rules
 * because it needs the account's email and name.
 */
export function passwordWeakness(password: string, email: string, name: string): string | null {
  const lower = password.toLowerCase();
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) {
    return 'must not contain your email address';
  }
  for (const part of name.toLowerCase().split(/\s+/)) {
    if (part.length >= 3 && lower.includes(part)) return 'must not contain your name';
  }
  if (new Set(password).size < 4) return 'must use more than three different characters';
  return null;
}
