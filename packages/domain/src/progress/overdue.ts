import { utcDayNumber } from './calendar-day';
import { isOpenStatus, type TItemStatus } from './status';

export interface TDatedItem {
  status: TItemStatus;
  dueDate: Date | string | null;
}

/**
 * Whether an open item (TODO, IN_PROGRESS or BLOCKED) is past its due date.
 *
 * Compares UTC calendar days, never times: an item due today is not overdue until tomorrow.
 * `today` counts by its UTC date too; a browser that wants the user's local day should pass
 * `new Date(Date.UTC(year, month, day))` built from the local date. An unreadable due date is
 * treated like no due date (not overdue) so that one bad value cannot break a whole page.
 */
export function isOverdue(item: TDatedItem, today: Date): boolean {
  if (item.dueDate === null || !isOpenStatus(item.status)) return false;
  const dueDay = utcDayNumber(item.dueDate);
  const todayDay = utcDayNumber(today);
  if (dueDay === null || todayDay === null) return false;
  return dueDay < todayDay;
}
