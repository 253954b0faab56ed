import type { ZInferenceMode, ZProjectApproach, ZProjectPhase } from '@shipshape/domain';
import type { z } from 'zod';
import { keysOf } from './utils';

export type Phase = z.infer<typeof ZProjectPhase>;
export type Approach = z.infer<typeof ZProjectApproach>;
export type Inference = z.infer<typeof ZInferenceMode>;

// Each option list is the keys of its label record, in the domain enum's order (no zod at
// run time); lib/enum-lists.test.ts pins each to its enum.
export const PHASE_LABEL: Record<Phase, string> = {
  POC: 'POC — proof of concept',
  MVP: 'MVP — minimum viable product',
  MLP: 'MLP — minimum lovable product',
  MMP: 'MMP — minimum marketable product',
  PRODUCTION: 'Production',
};
export const PHASES = keysOf(PHASE_LABEL);
export const PHASE_SHORT: Record<Phase, string> = {
  POC: 'POC',
  MVP: 'MVP',
  MLP: 'MLP',
  MMP: 'MMP',
  PRODUCTION: 'Production',
};

export const APPROACH_LABEL: Record<Approach, string> = {
  DATA_DRIVEN: 'Data-driven',
  DATA_CENTRIC: 'Data-centric',
  MODEL_CENTRIC: 'Model-centric',
};
export const APPROACHES = keysOf(APPROACH_LABEL);

export const INFERENCE_LABEL: Record<Inference, string> = {
  BATCH: 'Batch',
  REAL_TIME: 'Real time',
  BOTH: 'Batch and real time',
};
export const INFERENCES = keysOf(INFERENCE_LABEL);

/** "🌍Scoping (Project Managment)" → "Scoping": short enough for a column header. */
export function shortStageTitle(title: string): string {
  const withoutSymbols = title.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  const withoutAside = withoutSymbols.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return withoutAside || withoutSymbols || title;
}

export function templateLabel(template: { name: string; versionLabel: string }): string {
  return `${template.name} v${template.versionLabel}`;
}
