/**
 * Golden test of the tiny language model: the committed checkpoint, loaded by the page's
 * own code (parseLm + lmForward on tfjs-core's cpu backend), gives the attention weights
 * that scripts/train-lm.py computed in PyTorch for the same fixed sentences
 * (test/fixtures/attention-lm/golden.json). Tolerance: |Δ| ≤ 1e-4 per weight (float32 vs
 * float32 with the same float16-rounded weights; different summation order only). Also:
 * the tokens and word ids the page computes are the ones the script was given, and the
 * metadata's held-out loss is below its unigram baseline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseLm, lmForward, headShares, prevHeadVerdict, uniformPrevShare, type TinyLm } from '@demos/attention/lm';
import { splitTokens } from '@demos/attention/tokenize';
import { tokenIds } from '@demos/attention/lm-vocab';

interface Golden {
  tolerance: number;
  sentences: { text: string; tokens: string[]; words: number[]; weights: number[][]; nextTop: number[] }[];
}
const golden = JSON.parse(readFileSync('test/fixtures/attention-lm/golden.json', 'utf8')) as Golden;
let lm: TinyLm;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const bin = readFileSync('public/models/attention/lm/lm.bin');
  lm = parseLm(
    JSON.parse(readFileSync('public/models/attention/lm/lm.json', 'utf8')),
    bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  );
});

describe('tiny LM checkpoint (golden against PyTorch)', () => {
  it('the script measured a held-out loss below the unigram baseline', () => {
    expect(lm.meta.heldOut.loss).toBeLessThan(lm.meta.heldOut.unigramLoss);
    expect(lm.meta.headStats).toHaveLength(lm.meta.layers * lm.meta.heads);
  });
  for (const [n, g] of golden.sentences.entries())
    it(`sentence ${n}: same tokens, ids and attention (all layers, heads) as the script`, async () => {
      expect(splitTokens(g.text)).toEqual(g.tokens);
      expect(g.tokens.map((t) => tokenIds(t, lm.vocab, lm.meta.buckets).word)).toEqual(g.words);
      const r = await lmForward(tf, lm, g.tokens);
      let worst = 0;
      r.layers.forEach((layer, l) => {
        const want = g.weights[l]!;
        expect(layer.data.weights.length).toBe(want.length);
        for (let k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(layer.data.weights[k]! - want[k]!));
      });
      console.log(`worst |Δ| sentence ${n}: ${worst.toExponential(2)}`);
      expect(worst).toBeLessThanOrEqual(golden.tolerance);
      expect(lm.meta.vocab.indexOf(r.next[0]!.word)).toBe(g.nextTop[0]);
    });
  it('the finding follows the numbers: uniform baseline from T, verdict thresholds', () => {
    expect(uniformPrevShare(2)).toBeCloseTo(0.5, 9);
    expect(uniformPrevShare(lm.meta.maxPos)).toBeCloseTo(lm.meta.uniformPrev, 6); // the script's number
    expect(prevHeadVerdict(0.5, 0.2)).toBe('clear');
    expect(prevHeadVerdict(0.067, 0.059)).toBe('weak');
    expect(prevHeadVerdict(0.06, 0.059)).toBe('none');
  });
  it('head shares: a pure previous-token pattern scores 1 on prev', () => {
    const t = 4,
      w = new Float32Array(t * t);
    w[0] = 1;
    for (let i = 1; i < t; i++) w[i * t + i - 1] = 1;
    expect(headShares(w, 1, t)).toEqual([{ prev: 1, first: 1 / 3, self: 0 }]);
  });
});
