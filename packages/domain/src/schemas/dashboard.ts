import { z } from 'zod';
import { ZActivityEntry } from './activity';
import { ZId, ZUserText } from './common';
import { ZItem, ZItemStatus } from './item';
import { ZKpi } from './kpi';
import { ZProject } from './project';

export const ZStageState = z.enum([
  'done',
  'blocked',
  'at-risk',
  'in-progress',
  'not-started',
  'empty',
]);

export const ZStageProgress = z.object({
  key: z.string(),
  title: z.string(),
  position: z.number().int(),
  isCurrent: z.boolean(),
  total: z.number().int(),
  applicable: z.number().int(),
  done: z.number().int(),
  percentDone: z.number(),
  counts: z.record(ZItemStatus, z.number().int()),
  overdue: z.number().int(),
  state: ZStageState,
});

const ZItemBrief = z.object({
  id: ZId,
  title: z.string(),
  stageKey: z.string(),
  status: ZItemStatus,
  dueDate: z.string().nullable(),
  assignee: z.object({ id: ZId, name: z.string() }).nullable(),
});

const ZLessonBrief = z.object({
  id: ZId,
  title: z.string(),
  stageKey: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.date(),
  author: z.object({ id: ZId, name: z.string() }).nullable(),
});

export const ZProjectDashboardInput = z.strictObject({ projectId: ZId });
export const ZStageDashboardInput = z.strictObject({
  projectId: ZId,
  stageKey: ZUserText(120, { min: 1, trim: false }),
});
export const ZWorkspaceDashboardInput = z.strictObject({ workspaceId: ZId });

export const ZProjectDashboard = z.object({
  project: ZProject,
  totals: ZStageProgress.omit({
    key: true,
    title: true,
    position: true,
    isCurrent: true,
    state: true,
  }),
  stages: z.array(ZStageProgress),
  overdueItems: z.array(ZItemBrief),
  blockedItems: z.array(ZItemBrief),
  workload: z.array(
    z.object({
      assignee: z.object({ id: ZId, name: z.string() }).nullable(),
      open: z.number().int(),
      overdue: z.number().int(),
      done: z.number().int(),
    }),
  ),
  kpis: z.array(ZKpi),
  lessons: z.array(ZLessonBrief),
  /** The project's latest activity, as `activity.list` gives it (names for a sentence included). */
  activity: z.array(ZActivityEntry),
});

export const ZStageDashboard = z.object({
  project: ZProject,
  stage: ZStageProgress,
  items: z.array(ZItem),
  kpis: z.array(ZKpi),
  lessons: z.array(ZLessonBrief),
});

export const ZWorkspaceDashboard = z.object({
  stages: z.array(z.object({ key: z.string(), title: z.string() })),
  projects: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      slug: z.string(),
      phase: z.string(),
      currentStageKey: z.string().nullable(),
      percentDone: z.number(),
      overdue: z.number().int(),
      blocked: z.number().int(),
      kpisOffTrack: z.number().int(),
      /** Aligned with `stages`; null where the project has no such stage. */
      cells: z.array(
        z
          .object({
            percentDone: z.number(),
            state: ZStageState,
            total: z.number().int(),
            done: z.number().int(),
          })
          .nullable(),
      ),
    }),
  ),
  totals: z.object({
    projects: z.number().int(),
    overdue: z.number().int(),
    kpisOffTrack: z.number().int(),
  }),
});
