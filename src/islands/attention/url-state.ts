/**
 * Shareable view state of the attention demo, kept in the page's query string
 * (`?attn-text=…&attn-d=32&…`) with replaceState, so a copied URL reopens the same view.
 * Query, not hash: Starlight uses the hash for heading anchors. `backend=` is the runtime's.
 * Pure (URLSearchParams only), unit-tested in Node.
 */
import { D_CHOICES, H_CHOICES } from '@demos/attention/toy-model';
import { ATTN_TEXT } from './strings';

export type Mode = 'step' | 'trained';
/** Step mode's weights: the trained tiny language model, or seeded random ones (untrained). */
export type WeightsSource = 'lm' | 'random';
/** The stepper's stages: Q, K, V, QKᵀ, ÷√dₕ, mask, softmax, ·V. */
export const STAGES = 8;
export interface DemoState {
  mode: Mode;
  weights: WeightsSource;
  /** Language model's layer whose attention is shown (0-based). */
  layer: number;
  /** Stepper stage, 0..STAGES-1. */
  stage: number;
  text: string;
  d: number;
  h: number;
  causal: boolean;
  scale: boolean;
  /** Selected query token index (clamped to the token count by the view). */
  q: number;
  /** Head whose numbers the formula and the table show. */
  head: number;
  /** Trained mode: the digit string fed to the model. */
  digits: string;
}

/** The sentence in the reader's language (strings.ts); a URL without `text` opens it. */
const DEFAULT_TEXT = ATTN_TEXT.defaultText;
export const DEFAULT_STATE: DemoState = {
  mode: 'step',
  weights: 'lm',
  layer: 0,
  stage: 0,
  text: DEFAULT_TEXT,
  d: 32,
  h: 2,
  causal: false,
  scale: true,
  q: 0,
  head: 0,
  digits: '31415926',
};

const P = 'attn-';

function intIn(v: string | null, allowed: readonly number[], def: number): number {
  const n = Number(v);
  return v !== null && allowed.includes(n) ? n : def;
}
function nonNeg(v: string | null, def: number): number {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n >= 0 ? n : def;
}

/** Unknown or malformed values fall back to the defaults (a shared link never crashes). */
export function readState(search: string): DemoState {
  const p = new URLSearchParams(search);
  const d = intIn(p.get(`${P}d`), D_CHOICES, DEFAULT_STATE.d);
  let h = intIn(p.get(`${P}h`), H_CHOICES, DEFAULT_STATE.h);
  if (d % h !== 0) h = DEFAULT_STATE.h;
  const digits = p.get(`${P}digits`);
  return {
    mode: p.get(`${P}mode`) === 'trained' ? 'trained' : 'step',
    weights: p.get(`${P}weights`) === 'random' ? 'random' : 'lm',
    // The checkpoint has 2 layers; a larger value is clamped once the model is loaded.
    layer: Math.min(nonNeg(p.get(`${P}layer`), 0), 7),
    stage: Math.min(nonNeg(p.get(`${P}stage`), 0), STAGES - 1),
    text: p.get(`${P}text`) ?? DEFAULT_STATE.text,
    d,
    h,
    causal: p.get(`${P}causal`) === '1',
    scale: p.get(`${P}scale`) !== '0',
    q: nonNeg(p.get(`${P}q`), 0),
    head: Math.min(nonNeg(p.get(`${P}head`), 0), h - 1),
    digits: digits !== null && /^[0-9]{8}$/.test(digits) ? digits : DEFAULT_STATE.digits,
  };
}

/** Returns `search` with the demo's keys replaced (other keys, e.g. backend=, kept). */
export function writeState(search: string, s: DemoState): string {
  const p = new URLSearchParams(search);
  const set: Record<string, string> = {
    mode: s.mode,
    weights: s.weights,
    layer: String(s.layer),
    stage: String(s.stage),
    text: s.text,
    d: String(s.d),
    h: String(s.h),
    causal: s.causal ? '1' : '0',
    scale: s.scale ? '1' : '0',
    q: String(s.q),
    head: String(s.head),
    digits: s.digits,
  };
  for (const [k, v] of Object.entries(set)) p.set(P + k, v);
  const out = p.toString();
  return out ? `?${out}` : '';
}
