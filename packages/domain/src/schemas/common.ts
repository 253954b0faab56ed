import { z } from 'zod';
import { ZRole } from './enums';

/** Every id in Shipshape is a UUID (v7, time-ordered). */
export const ZId = z.uuid({ message: 'must be a valid id' });

/** Emails are trimmed and lower-cased before they are stored or compared. */
export const ZEmail = z
  .string()
  .trim()
  .max(320, 'must be at most 320 characters')
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }));

export { ZRole };
export type TRole = z.infer<typeof ZRole>;

/** The version a client last read; updates naming an older one are refused. */
export const ZExpectedVersion = z.number().int().min(1).max(2_147_483_647);

/**
 * What a versioned write names: the row, by its id under `idKey`, and the version
 * the client last read. `.extend` it with the fields the write changes.
 */
export function ZVersionedRef<TIdKey extends string>(idKey: TIdKey) {
  const shape = { [idKey]: ZId, expectedVersion: ZExpectedVersion };
  return z.strictObject(
    shape as { [K in TIdKey]: typeof ZId } & { expectedVersion: typeof ZExpectedVersion },
  );
}

/**
 * A page cursor as clients send it back: the `nextCursor` of the previous page,
 * an id or an opaque base64url token. Its shape is checked here; what it points
 * at is checked where it is decoded (pagination.ts, lessons/cursor.ts), and a
 * cursor that does not decode is a 400 there too.
 */
export const ZCursor = z
  .string()
  .max(200, 'is not a valid cursor')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid cursor')
  .optional();

// Postgres refuses NUL in text, and no person types the other C0 controls (or
// DEL); tab, line feed and carriage return are text like any other.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether text holds no character the database or a reader would choke on. */
export function isStorableText(text: string): boolean {
  return !CONTROL_CHARACTERS.test(text);
}

/**
 * The one primitive for text a person writes (names, titles, notes, comments):
 * at most `max` characters, trimmed unless `trim: false`, at least `min`
 * (1 says "is required"), and free of NUL and other control characters.
 */
export function ZUserText(max: number, options: { min?: number; trim?: boolean } = {}) {
  const { min = 0, trim = true } = options;
  let text = z.string();
  if (trim) text = text.trim();
  if (min > 0)
    text = text.min(min, min === 1 ? 'is required' : `must be at least ${min} characters`);
  return text
    .max(max, `must be at most ${max} characters`)
    .refine(isStorableText, 'must not contain control characters such as NUL');
}

/** The years a date may fall in: what Postgres and JavaScript both hold, and
 * what the web app's date fields allow (apps/web/lib/date-input.ts). */
export const DATE_LIMITS = { minYear: 1900, maxYear: 9999 } as const;
const MIN_INSTANT = new Date(Date.UTC(DATE_LIMITS.minYear, 0, 1));
const MAX_INSTANT = new Date(Date.UTC(DATE_LIMITS.maxYear + 1, 0, 1) - 1);
const DATE_RANGE_MESSAGE = `must be in the years ${DATE_LIMITS.minYear} to ${DATE_LIMITS.maxYear}`;

/** A calendar date, as people pick due dates: 2027-01-31, in the years above. */
export const ZCalendarDate = z.iso
  .date({ message: 'must be a date like 2027-01-31' })
  .refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= DATE_LIMITS.minYear && year <= DATE_LIMITS.maxYear;
  }, DATE_RANGE_MESSAGE);

/** An instant: an ISO 8601 string, epoch milliseconds or a Date, in the years above. */
export const ZInstant = z
  .union([z.string().max(64), z.number(), z.date()], { message: 'must be a date and time' })
  .pipe(
    z.coerce
      .date<string | number | Date>({
        message: 'must be a date and time like 2027-01-31T12:00:00Z',
      })
      .min(MIN_INSTANT, DATE_RANGE_MESSAGE)
      .max(MAX_INSTANT, DATE_RANGE_MESSAGE),
  );

/** Whether an instant lies in the years dates may fall in (see `DATE_LIMITS`). */
export function isInDateRange(date: Date): boolean {
  const time = date.getTime();
  return time >= MIN_INSTANT.getTime() && time <= MAX_INSTANT.getTime();
}
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
