import { describe, expect, it } from 'vitest';
import { addDays, isDigestDue, isTimeZone, localDateAndHour } from './local-time';

describe('[notifications] local time', () => {
  it('reads the local date and hour across zones and date lines', () => {
    const instant = new Date('2026-11-29T23:30:00Z');
    expect(localDateAndHour(instant, 'UTC')).toEqual({ date: '2026-11-29', hour: 23 });
    expect(localDateAndHour(instant, 'Asia/Tokyo')).toEqual({ date: '2026-11-30', hour: 8 });
    expect(localDateAndHour(instant, 'America/Los_Angeles')).toEqual({
      date: '2026-11-29',
      hour: 15,
    });
  });

  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('makes a digest due once a day, from the chosen local hour', () => {
    const settings = { timeZone: 'Asia/Tokyo', digestHour: 8, lastDigestOn: null };
    expect(isDigestDue(new Date('2026-11-29T22:59:00Z'), settings).due).toBe(false);
    expect(isDigestDue(new Date('2026-11-29T23:00:00Z'), settings)).toEqual({
      due: true,
      localDate: '2026-11-30',
    });
    expect(
      isDigestDue(new Date('2026-11-30T01:00:00Z'), { ...settings, lastDigestOn: '2026-11-30' })
        .due,
    ).toBe(false);
    // A missed run catches up for a few hours, not at any hour of the day.
    expect(isDigestDue(new Date('2026-11-30T01:30:00Z'), settings).due).toBe(true);
    expect(isDigestDue(new Date('2026-11-30T05:00:00Z'), settings).due).toBe(false);
  });
});
