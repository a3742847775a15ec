/**
 * Golden test: the page's digit-ViT code (demos/vit/digit-model.ts, tfjs CPU backend) on the
 * committed checkpoint gives the training script's answers on the committed held-out digits
 * (public/models/vit-digits/samples.json, written by scripts/train-vit-digits.py with PyTorch).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  loadDigitModel,
  predictDigit,
  digitSamplesSchema,
  digitCheckpointSchema,
  disposeDigitModel,
  type DigitModel,
} from '@demos/vit/digit-model';

const dir = process.env['VIT_DIGITS_DIR'] ?? 'public/models/vit-digits';
const ckptJson: unknown = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8'));
const samples = digitSamplesSchema.parse(JSON.parse(readFileSync(`${dir}/samples.json`, 'utf8'))).samples;

/**
 * Both sides compute in float32 with the same weights; they differ only in summation order
 * and in erf/exp implementations (tfjs's erf is a polynomial approximation, |error| < 1.5e-7).
 * Logits are O(1–10): 1e-4 absolute is ~100× the differences seen, and far below the gap
 * between the top two logits that would be needed to flip a prediction.
 */
const LOGIT_TOL = 1e-4;
/** Attention weights are in [0, 1] and the samples file rounds them to 6 decimals. */
const ATTN_TOL = 2e-6;

let model: DigitModel;
beforeAll(async () => {
  await tf.setBackend('cpu');
  model = loadDigitModel(tf, ckptJson);
});

const argmax = (a: ArrayLike<number>): number => Array.from(a).reduce((b, v, i, x) => (v > x[b]! ? i : b), 0);

describe('digit ViT: page code (tfjs) == training script (PyTorch)', () => {
  it('the checkpoint says what the script measured: held-out accuracy ≥ 95 %', () => {
    const ck = digitCheckpointSchema.parse(ckptJson);
    expect(ck.training.testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(ck.params).toBe(ck.tensors.reduce((s, t) => s + t.length, 0));
  });
  it(`same prediction, logits within ${LOGIT_TOL}, [CLS] attention within ${ATTN_TOL}, on ${samples.length} held-out digits`, async () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
    const { depth: L, heads: H } = model.config;
    let worstLogit = 0,
      worstAttn = 0;
    const before = tf.memory().numTensors;
    for (const s of samples) {
      const r = await predictDigit(tf, model, Float32Array.from(s.pixels));
      expect(argmax(r.logits)).toBe(argmax(s.logits));
      s.logits.forEach((v, i) => (worstLogit = Math.max(worstLogit, Math.abs(v - r.logits[i]!))));
      const N = r.clsAttention.length / (L * H);
      s.clsAttention.flat(2).forEach((v, i) => (worstAttn = Math.max(worstAttn, Math.abs(v - r.clsAttention[i]!))));
      expect(s.clsAttention.flat(2)).toHaveLength(L * H * N);
    }
    expect(tf.memory().numTensors).toBe(before); // no tensor leaks per prediction
    console.log(`worst |Δlogit| ${worstLogit.toExponential(2)}, worst |Δattention| ${worstAttn.toExponential(2)}`);
    expect(worstLogit).toBeLessThan(LOGIT_TOL);
    expect(worstAttn).toBeLessThan(ATTN_TOL);
  });
  it('a checkpoint with a wrong shape is refused before any tensor is made', () => {
    const bad = structuredClone(ckptJson) as { tensors: { shape: number[] }[] };
    bad.tensors[0]!.shape = [1, 2];
    expect(() => loadDigitModel(tf, bad)).toThrow(/shape/);
    disposeDigitModel(loadDigitModel(tf, ckptJson));
  });
});
