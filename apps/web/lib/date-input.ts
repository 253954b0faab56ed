// What a date field may save: a whole, real date in years the API and
// Postgres store (a browser's date input happily reports "0002-12-20" while
// the year is still being typed).

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const DATE = /^(\d{4,6})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?$/;

/**
 * Why the value of an `<input type="date">` (or `datetime-local`) cannot be
 * saved, or null when it can. `badInput` is the input's `validity.badInput`:
 * true while some but not all of its parts are filled in. An empty value
 * (no date) is fine.
 */
export function dateInputError(value: string, badInput = false): string | null {
  if (badInput) return 'Enter a complete date.';
  if (value === '') return null;
  const match = DATE.exec(value);
  if (!match) return 'Enter a date like 2027-01-31.';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return `Enter a year between ${MIN_YEAR} and ${MAX_YEAR}.`;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'Enter a date that exists.';
  }
  return null;
}
