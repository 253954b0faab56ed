import { z } from 'zod';

/** Every id in Shipshape is a UUID (v7, time-ordered). */
export const ZId = z.uuid({ message: 'must be a valid id' });

/** Emails are trimmed and lower-cased before they are stored or compared. */
export const ZEmail = z
  .string()
  .trim()
  .max(320, 'must be at most 320 characters')
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }));

export const ZRole = z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);
export type TRole = z.infer<typeof ZRole>;

/** The version a client last read; updates naming an older one are refused. */
export const ZExpectedVersion = z.number().int().min(1).max(2_147_483_647);

export const ZCursor = z.string().max(200).optional();
export const ZPageSize = z.number().int().min(1).max(100).default(50);

export const ZSlug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'may contain only a-z, 0-9 and single hyphens');

/** Turns a name into a URL slug: "Fraud Detection v2!" → "fraud-detection-v2". */
export function slugFromName(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `x-${slug || 'item'}`;
}
