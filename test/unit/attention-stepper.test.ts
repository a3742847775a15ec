import { describe, expect, it } from 'vitest';
import { attentionReference } from '@demos/attention/reference';
import { buildMask } from '@demos/attention/attention';
import { embedTokens, toyWeights } from '@demos/attention/toy-model';
import { STAGE_MATRICES, cellText, cellValue, matrixShape } from '@src/islands/attention/stepper-model';

const tokens = ['나는', '어제', '학교에서', '읽었다'];
const t = tokens.length,
  d = 8,
  heads = 2;
const data = attentionReference(embedTokens(tokens, d), t, d, toyWeights(d), heads, true, buildMask(t, true));
const x = { data, tokens, head: 1, scale: true };

describe('stepper model', () => {
  it('eight stages, each ending with its own matrix (Q, K, V, QKᵀ, ÷√dₕ, mask, softmax, ·V)', () => {
    expect(STAGE_MATRICES).toHaveLength(8);
    STAGE_MATRICES.forEach((ms, stage) => expect(ms[ms.length - 1]).toBe(stage));
    expect(matrixShape(0, data)).toEqual([t, d / heads]);
    expect(matrixShape(3, data)).toEqual([t, t]);
  });
  it('cell values are consistent with one another: S = q·k, ÷√dₕ, mask −∞, softmax rows sum to 1, Z = A·V', () => {
    const dh = d / heads;
    let dot = 0;
    for (let c = 0; c < dh; c++) dot += cellValue(0, x, 2, c) * cellValue(1, x, 1, c);
    expect(cellValue(3, x, 2, 1)).toBeCloseTo(dot, 5);
    expect(cellValue(4, x, 2, 1)).toBeCloseTo(dot / Math.sqrt(dh), 5);
    expect(cellValue(5, x, 1, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(cellValue(5, x, 3, 1)).toBeCloseTo(cellValue(4, x, 3, 1), 6);
    let sum = 0;
    for (let j = 0; j < t; j++) sum += cellValue(6, x, 2, j);
    expect(sum).toBeCloseTo(1, 6);
    expect(cellValue(6, x, 0, 1)).toBe(0);
    let z = 0;
    for (let j = 0; j < t; j++) z += cellValue(6, x, 3, j) * cellValue(2, x, j, 1);
    expect(cellValue(7, x, 3, 1)).toBeCloseTo(z, 5);
  });
  it("a tapped cell's text names its formula and its number", () => {
    expect(cellText(3, x, 2, 1)).toContain('q_2 · k_1');
    expect(cellText(3, x, 2, 1)).toContain(cellValue(3, x, 2, 1).toFixed(4).replace('-', '−'));
    expect(cellText(5, x, 1, 3)).toContain('−∞');
    expect(cellText(7, x, 0, 0)).toContain('Σ_j A[0, j]');
  });
});
