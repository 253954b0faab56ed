import type { ZInferenceMode, ZProjectApproach, ZProjectPhase } from '@shipshape/domain';
import type { z } from 'zod';

export type Phase = z.infer<typeof ZProjectPhase>;
export type Approach = z.infer<typeof ZProjectApproach>;
export type Inference = z.infer<typeof ZInferenceMode>;

// A copy of the domain's enum, pinned by lib/enum-lists.test.ts (no zod at run time).
export const PHASES: readonly Phase[] = ['POC', 'MVP', 'MLP', 'MMP', 'PRODUCTION'];
export const PHASE_LABEL: Record<Phase, string> = {
  POC: 'POC — proof of concept',
  MVP: 'MVP — minimum viable product',
  MLP: 'MLP — minimum lovable product',
  MMP: 'MMP — minimum marketable product',
  PRODUCTION: 'Production',
};
export const PHASE_SHORT: Record<Phase, string> = {
  POC: 'POC',
  MVP: 'MVP',
  MLP: 'MLP',
  MMP: 'MMP',
  PRODUCTION: 'Production',
};

export const APPROACHES: readonly Approach[] = ['DATA_DRIVEN', 'DATA_CENTRIC', 'MODEL_CENTRIC'];
export const APPROACH_LABEL: Record<Approach, string> = {
  DATA_DRIVEN: 'Data-driven',
  DATA_CENTRIC: 'Data-centric',
  MODEL_CENTRIC: 'Model-centric',
};

export const INFERENCES: readonly Inference[] = ['BATCH', 'REAL_TIME', 'BOTH'];
export const INFERENCE_LABEL: Record<Inference, string> = {
  BATCH: 'Batch',
  REAL_TIME: 'Real time',
  BOTH: 'Batch and real time',
};

/** "🌍Scoping (Project Managment)" → "Scoping": short enough for a column header. */
export function shortStageTitle(title: string): string {
  const withoutSymbols = title.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  const withoutAside = withoutSymbols.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return withoutAside || withoutSymbols || title;
}

export function templateLabel(template: { name: string; versionLabel: string }): string {
  return `${template.name} v${template.versionLabel}`;
}
