import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { selfCheck, softmaxRef, matMulRef } from '@demos/shared/self-check';

describe('backend self-check', () => {
  it('passes on the CPU backend and leaks no tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await selfCheck(tf)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
  it('references: softmax rows sum to 1 even for huge logits; matMul of identity', () => {
    const s = softmaxRef(new Float32Array([1000, 1000, -1000, 0]), 2, 2);
    expect(s[0]! + s[1]!).toBeCloseTo(1, 6);
    expect(Number.isFinite(s[2]!)).toBe(true);
    expect(Array.from(matMulRef(new Float32Array([1, 0, 0, 1]), new Float32Array([3, 4, 5, 6]), 2, 2, 2))).toEqual([3, 4, 5, 6]);
  });
});
