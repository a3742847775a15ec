/**
 * The attention demo's controls, each declared once (demos/shared/controls.ts): the island's URL
 * codec (src/islands/attention/url-state.ts) and its selects (step-view.ts) read them. The text
 * box's default sentence is the island's (it is prose, in the reader's language).
 */
import { boolControl, enumControl, numberControl, textControl } from '../shared/controls';
import { D_CHOICES, H_CHOICES } from './toy-model';

/** The stepper's stages: Q, K, V, QKᵀ, ÷√dₕ, mask, softmax, ·V. */
export const STAGES = 8;
/** Largest index a URL may name for a layer, head or query token; the view clamps to what exists. */
const MAX_INDEX = 7;
const MAX_TOKEN = 1_000;

export const ATTN_CONTROLS = {
  mode: enumControl(['step', 'trained'], 'step'),
  /** Step mode's weights: the trained tiny language model, or seeded random ones (untrained). */
  weights: enumControl(['lm', 'random'], 'lm'),
  /** Language model's layer whose attention is shown (0-based; the checkpoint has 2, clamped once loaded). */
  layer: numberControl(0, MAX_INDEX, 1, true, 0),
  stage: numberControl(0, STAGES - 1, 1, true, 0),
  d: enumControl(D_CHOICES, 32),
  h: enumControl(H_CHOICES, 2),
  causal: boolControl(false),
  scale: boolControl(true),
  /** Selected query token index (clamped to the token count by the view). */
  q: numberControl(0, MAX_TOKEN, 1, true, 0),
  /** Head whose numbers the formula and the table show (checked against h). */
  head: numberControl(0, MAX_INDEX, 1, true, 0),
  /** Trained mode: the 8-digit string fed to the model. */
  digits: textControl('31415926', /^[0-9]{8}$/),
};
