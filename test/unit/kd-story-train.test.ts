import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { decodeRecordings, STORY_CHANNELS } from '@demos/kd/story/recordings';
import { foldData, WINDOW } from '@demos/kd/story/windows';
import { countParams, createCnn } from '@demos/kd/story/models';
import { predict, trainStory } from '@demos/kd/story/train';
import { fewLabelIndices } from '@demos/kd/story/scenario';

const bin = readFileSync('public/data/kd-story/recordings.i16.bin');
const rows = decodeRecordings(
  JSON.parse(readFileSync('public/data/kd-story/recordings.json', 'utf8')),
  bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
);
const data = foldData(rows, 0);
const shape = [WINDOW, STORY_CHANNELS];

beforeAll(async () => {
  await useNodeBackend('cpu');
});

async function train(seed: number, teacher: Float32Array | null): Promise<Float32Array> {
  const m = createCnn(seed, 'fast');
  await trainStory(m, {
    shape,
    x: data.trainX,
    y: data.trainY,
    labelled: fewLabelIndices(seed),
    teacher,
    lambda: teacher ? 0.9 : 0,
    T: 4,
    smoothing: 0,
    steps: 4,
    batch: 16,
    lr: 0.01,
    seed,
  });
  const out = await predict(m, data.testX.subarray(0, 8 * WINDOW * STORY_CHANNELS), shape);
  m.dispose();
  return out;
}

describe('KD story training', () => {
  it('the student has ~3.7k parameters', () => {
    const m = createCnn(1, 'fast');
    expect(countParams(m)).toBe(3652);
    m.dispose();
  });

  it('is seeded: the same seed gives the same logits, another seed others; no tensor leaks', async () => {
    const before = tf.memory().numTensors;
    const soft = new Float32Array(data.trainY.length * 12).map((_, i) => (i % 12 === data.trainY[Math.floor(i / 12)] ? 3 : 0));
    const a = await train(3, soft);
    const b = await train(3, soft);
    const c = await train(4, soft);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
    // the soft-label term changes the result (the teacher is read)
    expect(Array.from(await train(3, null))).not.toEqual(Array.from(a));
    expect(tf.memory().numTensors).toBe(before);
  });
});
