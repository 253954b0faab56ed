'use client';
import { createContext, useContext } from 'react';
import type { Item, ItemStatus } from '../../lib/items';
import type { ItemConflict, useItemUpdate } from './use-item-update';

export interface Member {
  userId: string;
  name: string;
}

/**
 * What every row of the stage needs and what rarely changes: permissions,
 * people and actions. The stage view memoizes it, and its actions are stable,
 * so a row re-renders only when its own item or its own row state changes.
 */
export interface StageContextValue {
  canEdit: boolean;
  members: readonly Member[];
  save: ReturnType<typeof useItemUpdate>['save'];
  /** A status change; not applicable and done-with-open-sub-items ask first. */
  changeStatus: (item: Item, status: ItemStatus) => void;
  dismissConflict: (itemId: string) => void;
  replaceItem: (item: Item) => void;
  toggleSelected: (itemId: string) => void;
  setOpenId: (itemId: string | null) => void;
  onLogLesson: (item: Item) => void;
}

/** What changes as people select, open and save rows; each row takes its part as props. */
export interface StageRowState {
  selected: ReadonlySet<string>;
  openId: string | null;
  conflicts: Record<string, ItemConflict>;
}

export const StageContext = createContext<StageContextValue | null>(null);
export const StageRowStateContext = createContext<StageRowState | null>(null);

export function useStage(): StageContextValue {
  const value = useContext(StageContext);
  if (!value) throw new Error('useStage: outside the stage view');
  return value;
}

export function useStageRowState(): StageRowState {
  const value = useContext(StageRowStateContext);
  if (!value) throw new Error('useStageRowState: outside the stage view');
  return value;
}
