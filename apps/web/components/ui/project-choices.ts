import { choicesOf } from '../form/select-field';
import {
  APPROACHES,
  APPROACH_LABEL,
  INFERENCES,
  INFERENCE_LABEL,
  PHASES,
  PHASE_LABEL,
} from '../../lib/labels';

/** A project's phases, approaches and inference modes as select choices (see `Options`). */
export const PHASE_CHOICES = choicesOf(PHASES, PHASE_LABEL);
export const APPROACH_CHOICES = choicesOf(APPROACHES, APPROACH_LABEL);
export const INFERENCE_CHOICES = choicesOf(INFERENCES, INFERENCE_LABEL);
