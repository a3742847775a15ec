import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { attentionReference } from '@demos/attention/reference';
import { buildMask } from '@demos/attention/attention';
import { embedTokens, toyWeights, TOY_SEED } from '@demos/attention/toy-model';
import { readState } from '@src/islands/attention/url-state';
import { computeWorked, demoSearch, exampleTokens, row, WORKED, type WorkedExample } from '@src/components/worked-example/worked-example';

// float32 tfjs vs the float64-accumulating loops of reference.ts.
const TOL = 1e-5;
let ex: WorkedExample;

beforeAll(async () => {
  await tf.setBackend('cpu');
  ex = await computeWorked(tf);
});

function close(a: Float32Array, b: Float32Array, what: string): void {
  expect(a.length, what).toBe(b.length);
  a.forEach((v, i) => {
    if (Math.abs(v - b[i]!) > TOL) expect.fail(`${what}[${i}]: ${v} vs ${b[i]}`);
  });
}

describe('worked example on the Transformer page', () => {
  it('is a 3-token sentence with dₖ between 2 and 4', () => {
    expect(ex.tokens).toEqual(['고양이가', '생선을', '먹었다']);
    expect(ex.dk).toBeGreaterThanOrEqual(2);
    expect(ex.dk).toBeLessThanOrEqual(4);
  });

  it("equals the naive loop reference (reference.ts) for the demo's toy model, every step", () => {
    const tokens = exampleTokens();
    const t = tokens.length,
      { d, heads, head } = WORKED,
      dk = d / heads;
    const ref = attentionReference(embedTokens(tokens, d, TOY_SEED), t, d, toyWeights(d, TOY_SEED), heads, true, buildMask(t, false));
    const hd = (x: Float32Array, cols: number) => x.slice(head * t * cols, (head + 1) * t * cols);
    close(ex.q, hd(ref.q, dk), 'Q');
    close(ex.k, hd(ref.k, dk), 'K');
    close(ex.v, hd(ref.v, dk), 'V');
    close(ex.raw, hd(ref.rawScores, t), 'QKᵀ');
    close(ex.scaled, hd(ref.scaledScores, t), 'QKᵀ/√dₖ');
    close(ex.weights, hd(ref.weights, t), 'softmax');
    close(ex.z, hd(ref.headOutputs, dk), 'Z');
  });

  it('is internally consistent: scaled = raw/√dₖ, softmax rows sum to 1, z = Σ α v', () => {
    const t = ex.tokens.length;
    ex.raw.forEach((r, i) => expect(ex.scaled[i]).toBeCloseTo(r / Math.sqrt(ex.dk), 5));
    for (let i = 0; i < t; i++) {
      const w = row(ex.weights, i, t);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const s = row(ex.scaled, i, t),
        m = Math.max(...s);
      const e = Array.from(s, (x) => Math.exp(x - m)),
        sum = e.reduce((a, b) => a + b, 0);
      e.forEach((x, j) => expect(w[j]).toBeCloseTo(x / sum, 5));
      for (let c = 0; c < ex.dk; c++) {
        let z = 0;
        for (let j = 0; j < t; j++) z += w[j]! * ex.v[j * ex.dk + c]!;
        expect(ex.z[i * ex.dk + c]).toBeCloseTo(z, 5);
      }
    }
  });

  it('is not a trivial case: the selected query row is far from uniform', () => {
    const w = row(ex.weights, ex.query, ex.tokens.length);
    expect(Math.max(...w) - Math.min(...w)).toBeGreaterThan(0.3);
  });

  it('its demo link reopens the demo in exactly this state (read back by the island)', () => {
    const s = readState(demoSearch());
    expect(s).toMatchObject({
      mode: 'step',
      text: WORKED.text,
      d: WORKED.d,
      h: WORKED.heads,
      head: WORKED.head,
      q: WORKED.query,
      scale: true,
      causal: false,
    });
  });
});
