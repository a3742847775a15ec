/**
 * Pure part of the stepper: which matrices each stage shows, and each cell's value and the
 * sentence that explains it. No DOM (unit-tested: test/unit/attention-stepper.test.ts).
 * Stages (= matrix ids): 0 Q, 1 K, 2 V, 3 S = QKᵀ, 4 S/√dₕ, 5 mask, 6 A = softmax, 7 Z = AV.
 * Q, K, V, Z are (T, Dh) of one head; S … A are (T, T).
 */
import type { AttentionData } from '@demos/attention/attention';
import { fmt } from './dom';
import { STEPPER_TEXT } from './strings';

/** Operands first, the stage's own result last (drawn as the current matrix). */
export const STAGE_MATRICES: readonly (readonly number[])[] = [[0], [1], [2], [0, 1, 3], [3, 4], [4, 5], [5, 6], [6, 2, 7]];

export interface StepperInput {
  data: AttentionData;
  tokens: readonly string[];
  head: number;
  /** Whether scores were divided by √Dh (the scale checkbox). */
  scale: boolean;
}

export function matrixShape(m: number, a: AttentionData): [number, number] {
  return m <= 2 || m === 7 ? [a.t, a.dh] : [a.t, a.t];
}

/** Value of cell (i, j) of matrix m; −Infinity for a masked score (stage 5). */
export function cellValue(m: number, x: StepperInput, i: number, j: number): number {
  const { t, dh } = x.data,
    a = x.data,
    hd = x.head;
  const td = hd * t * dh + i * dh + j,
    tt = hd * t * t + i * t + j;
  switch (m) {
    case 0:
      return a.q[td]!;
    case 1:
      return a.k[td]!;
    case 2:
      return a.v[td]!;
    case 3:
      return a.rawScores[tt]!;
    case 4:
      return a.scaledScores[tt]!;
    case 5:
      return a.mask[i * t + j]! > 0 ? a.scaledScores[tt]! : Number.NEGATIVE_INFINITY;
    case 6:
      return a.weights[tt]!;
    default:
      return a.headOutputs[td]!;
  }
}

/** The sentence shown when cell (i, j) of matrix m is tapped: its formula and number. */
export function cellText(m: number, x: StepperInput, i: number, j: number): string {
  const C = STEPPER_TEXT.cell,
    v = fmt(cellValue(m, x, i, j), 4),
    tok = x.tokens;
  switch (m) {
    case 0:
      return C.q(i, j, tok[i]!, v);
    case 1:
      return C.k(i, j, tok[i]!, v);
    case 2:
      return C.v(i, j, tok[i]!, v);
    case 3:
      return C.s(i, j, tok[i]!, tok[j]!, v);
    case 4:
      return C.scaled(i, j, fmt(cellValue(3, x, i, j), 4), x.scale ? x.data.dh : 1, v);
    case 5:
      return Number.isFinite(cellValue(5, x, i, j)) ? C.kept(i, j, v) : C.masked(i, j);
    case 6:
      return C.a(i, j, v);
    default:
      return C.z(i, j, v);
  }
}
