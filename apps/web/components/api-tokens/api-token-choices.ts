import type { TApiTokenScope } from '@shipshape/domain';

/** The scopes a token may have, with what each allows. */
export const SCOPE_CHOICES: { value: TApiTokenScope; label: string; help: string }[] = [
  { value: 'read', label: 'Read', help: 'Lists and gets: projects, items, KPIs, lessons.' },
  {
    value: 'write',
    label: 'Write',
    help: 'Changes: item status, evidence, comments, KPI values… within your role.',
  },
];

/** How long a new token lives; '' is "never expires" (expiresInDays left out). */
export const EXPIRY_CHOICES = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

/** The select's value as `expiresInDays`: a number of days, or undefined for none. */
export function expiryDays(value: unknown): number | undefined {
  return value === '' || value === undefined || value === null ? undefined : Number(value);
}
