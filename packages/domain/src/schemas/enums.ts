// The enums the database and every client share, in one leaf module. The web
// app's option lists mirror them without importing zod at run time (that alone
// costs ~28 kB gzip on every page); apps/web/lib/enum-lists.test.ts pins the
// copies to these.
import { z } from 'zod';

export const ZRole = z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);
export const ZItemStatus = z.enum(['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'NOT_APPLICABLE']);
export const ZEvidenceKind = z.enum([
  'EXPERIMENT_RUN',
  'COMMIT',
  'PULL_REQUEST',
  'DATASET_VERSION',
  'DOCUMENT',
  'OTHER',
]);
export const ZKpiKind = z.enum(['BUSINESS', 'MODEL', 'SYSTEM']);
export const ZKpiDirection = z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']);
export const ZProjectPhase = z.enum(['POC', 'MVP', 'MLP', 'MMP', 'PRODUCTION']);
export const ZProjectApproach = z.enum(['DATA_DRIVEN', 'DATA_CENTRIC', 'MODEL_CENTRIC']);
export const ZInferenceMode = z.enum(['BATCH', 'REAL_TIME', 'BOTH']);
