// Wall-clock time in a person's time zone, for digests and due dates. Pure:
// Intl does the time-zone arithmetic, the clock is a parameter.

/** Whether `timeZone` is an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date (YYYY-MM-DD) and hour (0–23) at `instant` in `timeZone`. */
export function localDateAndHour(instant: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** The calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}

/** A digest missed at its hour (the server was down) still goes out this many hours later. */
export const DIGEST_CATCH_UP_HOURS = 3;

/**
 * Whether a person's digest is due at `instant`: it is their chosen hour (or
 * up to DIGEST_CATCH_UP_HOURS later, when a run was missed) and none went out
 * for today yet.
 */
export function isDigestDue(
  instant: Date,
  settings: { timeZone: string; digestHour: number; lastDigestOn: string | null },
): { due: boolean; localDate: string } {
  const { date, hour } = localDateAndHour(instant, settings.timeZone);
  const late = hour - settings.digestHour;
  const due = late >= 0 && late < DIGEST_CATCH_UP_HOURS && (settings.lastDigestOn ?? '') < date;
  return { due, localDate: date };
}
