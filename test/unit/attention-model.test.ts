import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // registers tfjs gradients in Node (see demos/attention/train.ts)
import { createTinyModel, disposeTinyModel, DEFAULT_TINY, paramSpecs } from '@demos/attention/tiny-transformer';
import { createTrainer, disposeTrainer, trainTinyStep, evaluateTiny, attentionMaps } from '@demos/attention/train';
import { parseCheckpoint, encodeFloat32, decodeFloat32 } from '@demos/attention/checkpoint';
import { reverseBatch, accuracy } from '@demos/attention/reverse-task';
import { createRng } from '@demos/shared/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL = { ...DEFAULT_TINY, d: 16, ff: 32, layers: 1 };

describe('tiny reversal transformer', () => {
  it('a training step leaks no tensors (after Adam has made its slots) and lowers the loss', async () => {
    const m = createTinyModel(tf, SMALL, 3);
    const tr = createTrainer(tf, m, { seed: 5, lr: 1e-2, batchSize: 32 });
    const first = trainTinyStep(tr, true)!;
    const l0 = (await first.data())[0]!;
    first.dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 30; i++) trainTinyStep(tr, false);
    expect(tf.memory().numTensors).toBe(before);
    const last = trainTinyStep(tr, true)!;
    expect((await last.data())[0]!).toBeLessThan(l0);
    last.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const ev0 = tf.memory().numTensors;
    await evaluateTiny(tf, m);
    await attentionMaps(tf, m, Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(tf.memory().numTensors).toBe(ev0);
    disposeTrainer(tr);
    disposeTinyModel(m);
  });

  it('training is deterministic: same seeds, same weights after a few steps (what the checkpoint script relies on)', async () => {
    const run = async (): Promise<Float32Array[]> => {
      const m = createTinyModel(tf, SMALL, 9);
      const tr = createTrainer(tf, m, { seed: 10, batchSize: 16 });
      for (let i = 0; i < 3; i++) trainTinyStep(tr, false);
      const vals = await Promise.all(m.params.map(async (p) => (await p.variable.data()) as Float32Array));
      disposeTrainer(tr);
      disposeTinyModel(m);
      return vals;
    };
    const [a, b] = [await run(), await run()];
    a.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(b[i]!)));
  });

  it('attention maps are per layer (H, T, T) distributions', async () => {
    const m = createTinyModel(tf, SMALL, 4);
    const { maps, pred } = await attentionMaps(tf, m, Int32Array.from([3, 1, 4, 1, 5, 9, 2, 6]));
    expect(maps).toHaveLength(1);
    expect(maps[0]!.length).toBe(SMALL.heads * 8 * 8);
    expect(pred.length).toBe(8);
    for (let r = 0; r < SMALL.heads * 8; r++) expect(maps[0]!.subarray(r * 8, r * 8 + 8).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    disposeTinyModel(m);
  });

  it('the shipped checkpoint parses, and really reverses digits (evaluated here, not trusted from the file)', async () => {
    const json: unknown = JSON.parse(readFileSync('public/models/attention/reverse.json', 'utf8'));
    const { ckpt, config, values } = parseCheckpoint(json, 'reverse.json');
    const m = createTinyModel(tf, config, ckpt.seed, values);
    const fresh = reverseBatch(createRng(123456), 128, config.seqLen, config.vocab);
    const r = await evaluateTiny(tf, m, fresh);
    expect(r.token).toBeGreaterThan(0.97);
    const { maps } = await attentionMaps(tf, m, Int32Array.from([3, 1, 4, 1, 5, 9, 2, 6]));
    const lastLayer = maps[maps.length - 1]!;
    // Some head of the last layer attends along the anti-diagonal (i -> 7 - i).
    const anti = Array.from({ length: config.heads }, (_, h) =>
      Math.min(...Array.from({ length: 8 }, (_, i) => lastLayer[h * 64 + i * 8 + (7 - i)]!)),
    );
    expect(Math.max(...anti)).toBeGreaterThan(0.5);
    disposeTinyModel(m);
  });

  it('checkpoint errors name the field or parameter', () => {
    const json = JSON.parse(readFileSync('public/models/attention/reverse.json', 'utf8')) as {
      params: { name: string; data: string }[];
      schema?: string;
    };
    expect(() => parseCheckpoint({ ...json, schema: 'x' }, 'f.json')).toThrow(/f\.json: invalid checkpoint: field schema: /);
    const cut = structuredClone(json);
    cut.params[2]!.data = encodeFloat32(new Float32Array(3));
    expect(() => parseCheckpoint(cut, 'f.json')).toThrow(
      new RegExp(`params\\[2\\] \\(${paramSpecs(DEFAULT_TINY)[2]!.name}\\) has 3 values`),
    );
    const nan = structuredClone(json);
    nan.params[0]!.data = encodeFloat32(new Float32Array(DEFAULT_TINY.vocab * DEFAULT_TINY.d).fill(NaN));
    expect(() => parseCheckpoint(nan, 'f.json')).toThrow(/NaN/);
    expect(Array.from(decodeFloat32(encodeFloat32(Float32Array.from([1.5, -2, 3e-8]))))).toEqual([1.5, -2, Math.fround(3e-8)]);
  });

  it('reverse task data and accuracy', () => {
    const b = reverseBatch(createRng(1), 4, 8);
    for (let n = 0; n < 4; n++) for (let i = 0; i < 8; i++) expect(b.targets[n * 8 + i]).toBe(b.inputs[n * 8 + 7 - i]);
    expect(accuracy(b.targets, b)).toEqual({ token: 1, sequence: 1 });
    const wrong = Int32Array.from(b.targets);
    wrong[0] = (wrong[0]! + 1) % 10;
    expect(accuracy(wrong, b)).toEqual({ token: 31 / 32, sequence: 3 / 4 });
  });
});
