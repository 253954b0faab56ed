/**
 * ISO 8601 calendar dates and date-times, as people type them into spreadsheets:
 * `2024-05-01`, `2024-05-01T13:45`, `2024-05-01 13:45:30.5`, `2024-05-01T13:45:30Z`,
 * `2024-05-01T13:45:30+02:00` (also `+0200` and `+02`). A space may stand for the `T`.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const MS_PER_MINUTE = 60_000;

/**
 * Parses an ISO 8601 date or date-time strictly, or returns null.
 *
 * `Date.parse` is not used because engines differ and accept nonsense (V8 turns 2024-02-30
 * into 1 March and reads "May 5" as a date). Text without a zone is read as UTC, never as the
 * local time zone, so the browser and the server get the same instant from the same text; a
 * date without a time is UTC midnight. Fractions of a second beyond milliseconds are dropped.
 */
export function parseIsoDateTime(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const parts = [year, month, day, hour, minute, second].map(Number);
  const [y = NaN, mo = NaN, d = NaN, h = NaN, mi = NaN, s = NaN] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const offsetMinutes = zone === undefined ? 0 : parseZoneOffset(zone);
  if (offsetMinutes === null) return null;
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return new Date(date.getTime() - offsetMinutes * MS_PER_MINUTE);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Minutes east of UTC for `Z`, `+02`, `+0200` or `+02:00`; null when out of range. */
function parseZoneOffset(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
