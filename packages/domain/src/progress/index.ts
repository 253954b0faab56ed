export {
  ITEM_STATUSES,
  OPEN_STATUSES,
  isClosedStatus,
  isOpenStatus,
  type TItemStatus,
} from './status';
export { summarizeCounts, summarizeStatuses, type TStatusSummary } from './summary';
export { stageState, type TStageContext, type TStageState } from './stage-state';
export { isOverdue, type TDatedItem } from './overdue';
export { utcDayNumber } from './calendar-day';
export { canMarkParentDone } from './parent';
export { UNASSIGNED, workload, type TAssignedItem, type TWorkloadCounts } from './workload';
export { buildItemTree, hasOpenDescendant, type TTreeEntry, type TTreeNode } from './item-tree';
