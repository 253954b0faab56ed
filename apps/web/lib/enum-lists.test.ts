// The web app's option lists copy the domain's enums rather than import them,
// so no page carries zod's runtime for a list of words. Each copy (the keys of
// a label record) must still be exactly its enum, in the same order.
import {
  ZEvidenceKind,
  ZInferenceMode,
  ZItemStatus,
  ZKpiDirection,
  ZKpiKind,
  ZProjectApproach,
  ZProjectPhase,
  ZRole,
} from '@shipshape/domain/schemas/enums';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS, ITEM_STATUSES, KPI_DIRECTIONS, KPI_KINDS } from './items';
import { APPROACHES, INFERENCES, PHASES } from './labels';
import { ROLES } from './roles';

describe('[web] option lists equal the domain enums', () => {
  it.each([
    ['item statuses', ITEM_STATUSES, ZItemStatus.options],
    ['evidence kinds', EVIDENCE_KINDS, ZEvidenceKind.options],
    ['KPI kinds', KPI_KINDS, ZKpiKind.options],
    ['KPI directions', KPI_DIRECTIONS, ZKpiDirection.options],
    ['phases', PHASES, ZProjectPhase.options],
    ['approaches', APPROACHES, ZProjectApproach.options],
    ['inference modes', INFERENCES, ZInferenceMode.options],
    ['roles', ROLES, ZRole.options],
  ])('%s', (_name, copy, options) => {
    expect([...copy]).toEqual([...options]);
  });
});
