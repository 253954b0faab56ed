import { z } from 'zod';
import { ZId, ZUserText } from './common';

/** What a token may do: `read` calls queries, `write` calls mutations. */
export const ZApiTokenScope = z.enum(['read', 'write']);
export type TApiTokenScope = z.infer<typeof ZApiTokenScope>;

export const ZApiTokenCreateInput = z.strictObject({
  workspaceId: ZId,
  name: ZUserText(100, { min: 1 }),
  scopes: z
    .array(ZApiTokenScope)
    .min(1, 'needs at least one scope')
    .max(2)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'must not repeat a scope'),
  /** Never expires when left out. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TApiTokenCreateInput = z.infer<typeof ZApiTokenCreateInput>;

export const ZApiTokenListInput = z.strictObject({ workspaceId: ZId });
export const ZApiTokenRef = z.strictObject({ id: ZId });

/** A token as listed: never the token itself, only its last four characters. */
export const ZApiToken = z.object({
  id: ZId,
  workspaceId: ZId,
  name: z.string(),
  scopes: z.array(ZApiTokenScope),
  lastFour: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

/** The answer of `apiToken.create`: the token, shown this once. */
export const ZApiTokenCreated = z.object({ id: ZId, token: z.string() });
