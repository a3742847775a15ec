/**
 * The selected query's row of the computation as KaTeX, with the live numbers:
 *   q_i (first components), s_i = q_i Kᵀ / √Dh (scaled scores, −∞ where masked),
 *   a_i = softmax(s_i), z_i = Σ_j a_ij v_j (a, not α: α is the KD teacher weight on this site) (first components).
 * Also the softmax sharpness statistics (entropy, max weight) with and without 1/√Dh.
 */
import katex from 'katex';
import type { AttentionData } from '@demos/attention/attention';
import { softmaxRef } from '@demos/shared/self-check';
import { ATTN_TEXT } from './strings';

const SHOW = 6; // components of q_i / z_i shown before "…"

/** A number for TeX: fixed point, ∞ for masked scores, no "-0.00". */
export function texNum(x: number, d = 2): string {
  if (!Number.isFinite(x)) return x < 0 ? '-\\infty' : '\\infty';
  const r = x.toFixed(d);
  return Number(r) === 0 ? (0).toFixed(d) : r; // no "-0.00"
}
function vec(xs: ArrayLike<number>, n: number, d = 2): string {
  const parts = Array.from({ length: Math.min(n, xs.length) }, (_, i) => texNum(xs[i]!, d));
  if (xs.length > n) parts.push('\\dots');
  return `\\begin{bmatrix} ${parts.join(' & ')} \\end{bmatrix}`;
}
const texText = (t: string): string => `\\text{${t.replace(/[\\{}$&#^_%~]/g, '')}}`;

/** Row i of head `head`: slices of the (H, T, ·) arrays. */
export function rowOf(a: AttentionData, head: number, i: number) {
  const { t, dh } = a;
  const tt = head * t * t + i * t,
    td = head * t * dh;
  return {
    q: a.q.subarray(td + i * dh, td + (i + 1) * dh),
    raw: a.rawScores.subarray(tt, tt + t),
    scaled: a.scaledScores.subarray(tt, tt + t),
    weights: a.weights.subarray(tt, tt + t),
    mask: a.mask.subarray(i * t, (i + 1) * t),
    z: a.headOutputs.subarray(td + i * dh, td + (i + 1) * dh),
  };
}

/** One TeX string per line (rendered as separate blocks so a long row scrolls on its own). */
export function formulaTex(a: AttentionData, head: number, i: number, token: string, scale: boolean): string[] {
  const r = rowOf(a, head, i);
  const shown = Array.from(r.scaled, (v, j) => (r.mask[j]! > 0 ? v : -Infinity));
  const denom = scale ? `\\sqrt{${a.dh}}` : '1';
  return [
    `\\textbf{${ATTN_TEXT.formulaHead(head)}},\\ i=${i}\\ (${texText(token)})`,
    `q_i = x_i W_Q^{(${head + 1})} = ${vec(r.q, SHOW)}`,
    `s_i = \\frac{q_i K^\\top}{${denom}} = ${vec(shown, 64)}`,
    `a_i = \\operatorname{softmax}(s_i) = ${vec(r.weights, 64, 3)}`,
    `z_i = \\textstyle\\sum_j a_{ij} v_j = ${vec(r.z, SHOW)}`,
  ];
}

export function renderFormula(el: HTMLElement, lines: readonly string[]): void {
  el.innerHTML = lines.map((tex) => katex.renderToString(tex, { displayMode: true, throwOnError: false, strict: false })).join('');
}

/** Mean over rows (of one head) of entropy (nats) and max weight, for given logits. */
export function sharpness(logits: Float32Array, mask: Float32Array, t: number): { entropy: number; max: number } {
  const masked = Float32Array.from(logits, (v, k) => (mask[k]! > 0 ? v : -Infinity));
  const p = softmaxRef(masked, t, t);
  let ent = 0,
    mx = 0;
  for (let i = 0; i < t; i++) {
    let e = 0,
      m = 0;
    for (let j = 0; j < t; j++) {
      const v = p[i * t + j]!;
      if (v > 0) e -= v * Math.log(v);
      m = Math.max(m, v);
    }
    ent += e;
    mx += m;
  }
  return { entropy: ent / t, max: mx / t };
}
