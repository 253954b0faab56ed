import { parseIsoDateTime } from '../kpi/iso-date-time';

const MS_PER_DAY = 86_400_000;

/**
 * The UTC calendar day of a date, as whole days since 1970-01-01, or null when unreadable.
 *
 * Due dates are calendar dates (`@db.Date`): Prisma hands them over as UTC midnight and JSON
 * carries them as ISO strings (`2024-05-01` or `2024-05-01T00:00:00.000Z`). Strings are read
 * strictly, and without a zone as UTC, so the browser and the server agree on the day.
 */
export function utcDayNumber(date: Date | string): number | null {
  const parsed = typeof date === 'string' ? parseIsoDateTime(date) : date;
  if (parsed === null) return null;
  const ms = parsed.getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
}
