/**
 * The story's tiny networks, as named tf.Variables with seeded He-uniform weights (drawn in JS
 * from mulberry32, so every backend starts from the same numbers).
 *
 * CNN (student, and the same-view teacher at a larger width):
 *   x (B, W=50, S=27) -conv k5 s2-> (B, 25, c1) -ReLU-conv k3 s2-> (B, 13, c2) -ReLU-mean over time-> (B, c2) -fc-> (B, K)
 *   student c1 = 16, c2 = 24: 2,176 + 1,176 + 300 = 3,652 parameters.
 * MLP (the other-view teacher): FFT magnitudes (B, F·S = 702) -fc-> (B, 64) -ReLU-fc-> (B, K).
 * Convolutions go through demos/kd/conv (impl 'fast' on cpu/wasm: WASM has no filter-gradient kernel).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/rng';
import { conv1d, type ConvImpl } from '../conv';
import { STORY_CHANNELS as S, STORY_CLASSES as K } from './recordings';

type ModelKind = 'cnn';
export interface StoryModel {
  kind: ModelKind;
  vars: tf.Variable[];
  /** logits (B, K); call inside tf.tidy or a gradient function. */
  apply(x: tf.Tensor): tf.Tensor2D;
  dispose(): void;
}

function heUniform(shape: number[], fanIn: number, seed: number, name: string): tf.Variable {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const lim = Math.sqrt(6 / fanIn);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = (rng.next() * 2 - 1) * lim;
  return toVariable(tf.tensor(v, shape), name);
}
/** The variable keeps the data; the initial tensor is disposed (else it would leak one tensor per variable). */
function toVariable(t: tf.Tensor, name: string): tf.Variable {
  const v = tf.variable(t, true, name);
  t.dispose();
  return v;
}
const zeros = (n: number, name: string): tf.Variable => toVariable(tf.zeros([n]), name);

let uid = 0;
/** Student (width 16/24) or same-view teacher (e.g. 32/48). */
export function createCnn(seed: number, impl: ConvImpl, c1 = 16, c2 = 24): StoryModel {
  const p = `cnn${uid++}`;
  const w1 = heUniform([5, S, c1], 5 * S, seed * 4 + 1, `${p}w1`);
  const b1 = zeros(c1, `${p}b1`);
  const w2 = heUniform([3, c1, c2], 3 * c1, seed * 4 + 2, `${p}w2`);
  const b2 = zeros(c2, `${p}b2`);
  const w3 = heUniform([c2, K], c2, seed * 4 + 3, `${p}w3`);
  const b3 = zeros(K, `${p}b3`);
  const vars = [w1, b1, w2, b2, w3, b3];
  return {
    kind: 'cnn',
    vars,
    apply: (x) => {
      // stem: the input is data, so the fast path skips its input gradient
      const h1 = tf.relu(tf.add(conv1d(x as tf.Tensor3D, w1 as tf.Tensor3D, 2, 2, impl, false), b1)); // (B, 25, c1)
      const h2 = tf.relu(tf.add(conv1d(h1 as tf.Tensor3D, w2 as tf.Tensor3D, 2, 1, impl), b2)); // (B, 13, c2)
      return tf.add(tf.matMul(tf.mean(h2, 1) as tf.Tensor2D, w3 as tf.Tensor2D), b3) as tf.Tensor2D; // (B, K)
    },
    dispose: () => vars.forEach((v) => v.dispose()),
  };
}

export function countParams(m: StoryModel): number {
  return m.vars.reduce((a, v) => a + v.size, 0);
}
