/**
 * The Transformer page's worked example: self-attention of one 3-token sentence, one head
 * of the demo's seeded toy model with D = 16, H = 4 (so dₖ = 4), worked out step by step.
 * The numbers come from the demo's own code path: tokenize -> embedTokens (embedding + PE)
 * -> toyWeights -> computeAttention (tfjs), computed at build time on the CPU backend.
 * The "open in the demo" link is written with the island's writeState(), so the demo reopens
 * in exactly this state (same text, D, H, head, query) and shows the same numbers.
 *
 * Shapes: T = 3 tokens, dₖ = 4.  Q, K, V, Z (T, dₖ) · raw, scaled, weights (T, T), row-major.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { computeAttention, type AttentionData } from '@demos/attention/attention';
import { tokenize } from '@demos/attention/tokenize';
import { embedTokens, toyWeights, TOY_SEED } from '@demos/attention/toy-model';
import { DEFAULT_STATE, writeState, type DemoState } from '@src/islands/attention/url-state';
import { EXAMPLE_SENTENCE } from './strings';

/** The example's settings. `head` and `query` are 0-based (the demo shows "헤드 1"). */
export const WORKED = {
  text: EXAMPLE_SENTENCE,
  d: 16,
  heads: 4,
  head: 0,
  query: 1,
} as const;

export interface WorkedExample {
  tokens: string[];
  d: number;
  heads: number;
  dk: number;
  head: number;
  query: number;
  q: Float32Array; // (T, dk)
  k: Float32Array; // (T, dk)
  v: Float32Array; // (T, dk)
  raw: Float32Array; // (T, T)  QKᵀ
  scaled: Float32Array; // (T, T)  QKᵀ/√dk
  weights: Float32Array; // (T, T)  softmax over each row
  z: Float32Array; // (T, dk)  weights·V (this head's output, before Wo)
}

/**
 * The demo state that shows this example (step mode, no mask, scaling on). The example's numbers
 * come from the seeded untrained weights, so the link asks for them (the demo defaults to the
 * trained language model).
 */
function workedState(): DemoState {
  return {
    ...DEFAULT_STATE,
    mode: 'step',
    weights: 'random',
    text: WORKED.text,
    d: WORKED.d,
    h: WORKED.heads,
    causal: false,
    scale: true,
    q: WORKED.query,
    head: WORKED.head,
  };
}

/** Query string for the demo's page, written by the island's own writeState(). */
export function demoSearch(): string {
  return writeState('', workedState());
}

export function exampleTokens(): string[] {
  const tk = tokenize(WORKED.text);
  if (!tk.ok) throw new Error(`worked example: ${tk.code} (${tk.count} tokens)`);
  if (tk.tokens.length !== 3) throw new Error(`worked example: expected 3 tokens, got ${tk.tokens.length}`);
  return tk.tokens;
}

/** One head's slices of the core's output (the head axis comes first in (H, T, ·)). */
function sliceHead(a: AttentionData, tokens: string[], head: number, query: number): WorkedExample {
  const { t, dh } = a;
  const td = (x: Float32Array) => x.slice(head * t * dh, (head + 1) * t * dh);
  const tt = (x: Float32Array) => x.slice(head * t * t, (head + 1) * t * t);
  return {
    tokens,
    d: a.d,
    heads: a.h,
    dk: dh,
    head,
    query,
    q: td(a.q),
    k: td(a.k),
    v: td(a.v),
    raw: tt(a.rawScores),
    scaled: tt(a.scaledScores),
    weights: tt(a.weights),
    z: td(a.headOutputs),
  };
}

/** Runs the demo's core (computeAttention) on the given tfjs; the caller picks the backend. */
export async function computeWorked(tf: typeof tfc): Promise<WorkedExample> {
  const tokens = exampleTokens();
  const { d, heads } = WORKED;
  const rw = toyWeights(d, TOY_SEED);
  const w = {
    wq: tf.tensor2d(rw.wq, [d, d]),
    wk: tf.tensor2d(rw.wk, [d, d]),
    wv: tf.tensor2d(rw.wv, [d, d]),
    wo: tf.tensor2d(rw.wo, [d, d]),
  };
  try {
    const s = workedState();
    const a = await computeAttention(tf, embedTokens(tokens, d, TOY_SEED), tokens.length, d, w, {
      heads,
      causal: s.causal,
      scale: s.scale,
    });
    return sliceHead(a, tokens, WORKED.head, WORKED.query);
  } finally {
    tf.dispose(Object.values(w));
  }
}

/** Row i of a row-major (rows, cols) array. */
export function row(x: Float32Array, i: number, cols: number): Float32Array {
  return x.slice(i * cols, (i + 1) * cols);
}
