// Due dates are calendar dates (no time, no zone): stored as a DATE, carried
// as "YYYY-MM-DD", and compared with today in UTC.

/** Today as a calendar date in UTC. */
export function todayUtcDate(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The start of today (UTC), for comparing with stored due dates. */
export function startOfTodayUtc(): Date {
  return new Date(`${todayUtcDate()}T00:00:00.000Z`);
}

/** A stored due date as "YYYY-MM-DD". */
export function formatCalendarDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** "YYYY-MM-DD" as the Date a DATE column stores; null and undefined pass through. */
export function parseCalendarDate(text: string | null | undefined): Date | null | undefined {
  if (text === undefined) return undefined;
  return text === null ? null : new Date(`${text}T00:00:00.000Z`);
}
