// How the KPI page words a change against the baseline, so no number can be
// read as another: the change in the KPI's own unit is signed, and a change of
// a percentage KPI is in percentage points ("pp"), never "%".
import { formatSignedPercent } from '../../lib/format';

const signed = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 4,
  signDisplay: 'exceptZero',
});

/** "+0.02 AUC", "−20 ms", "−8 pp" (a % KPI moves in percentage points). */
export function formatChange(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const number = signed.format(value);
  if (!unit) return number;
  return `${number} ${unit === '%' ? 'pp' : unit}`;
}

/** "−40 % relative to the baseline", or null when there is no relative change (baseline 0). */
export function formatRelativeChange(percent: number | null): string | null {
  return percent === null ? null : `${formatSignedPercent(percent)} relative to the baseline`;
}
