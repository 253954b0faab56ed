// Dates and numbers in the reader's locale (Intl); date arithmetic with date-fns.
// tRPC serializes outputs without a transformer, so dates reach the browser as ISO
// strings and RouterOutputs types them as strings; a Date (or epoch ms) made here works too.
import { differenceInCalendarDays, differenceInMinutes, isValid, parseISO } from 'date-fns';

export type DateInput = Date | string | number;

export function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  return typeof value === 'string' ? parseISO(value) : new Date(value);
}

const dateFormat = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormat.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, options);
    dateFormat.set(key, format);
  }
  return format;
}

export function formatDate(value: DateInput): string {
  const date = toDate(value);
  return isValid(date) ? formatter({ dateStyle: 'medium' }).format(date) : '—';
}

export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  return isValid(date) ? formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(date) : '—';
}

/** "3 days ago", "in 6 days", "just now", in the reader's language. */
export function formatRelative(value: DateInput, now: Date = new Date()): string {
  const date = toDate(value);
  if (!isValid(date)) return '—';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const minutes = differenceInMinutes(date, now);
  if (Math.abs(minutes) < 1) return rtf.format(0, 'second');
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  if (Math.abs(minutes) < 24 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  const days = differenceInCalendarDays(date, now);
  if (Math.abs(days) < 30) return rtf.format(days, 'day');
  return formatDate(date);
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export function formatNumber(value: number): string {
  return integer.format(value);
}

export function formatPercent(value: number): string {
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    maximumFractionDigits: value > 0 && value < 1 ? 1 : 0,
  }).format(value / 100);
}

const measure = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
/** A KPI value in the reader's locale with its unit: "0.912 AUC", "12 %", "140 ms". */
export function formatMeasure(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const number = measure.format(value);
  if (!unit) return number;
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}

/** "+12.5 %", "−3 %": a signed change. */
export function formatSignedPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return (
    new Intl.NumberFormat(undefined, {
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(value) + ' %'
  );
}
