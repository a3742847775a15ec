/**
 * `npm run bench:conv`: one 3-tap (3×3) stride-1 conv (forward + both gradients) of each WRN
 * width on the wasm backend, 1D at batch 128 and 2D at batch 16, three ways in the same process,
 * interleaved round by round: the JS loops, the WASM kernels with direct (im2col) matMuls, and
 * Winograd (F(5,3) in 1D, F(2×2,3×3) in 2D; demos/kd/conv/winograd*.ts). Prints median ms and
 * the ratio to the direct kernels; this is how WINOGRAD_MIN_CHANNELS was chosen (Winograd is
 * forced at every width here).
 */
import * as tf from '@tensorflow/tfjs-core';
import { median } from './median';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { conv1d, conv2d } from '../demos/kd/conv/index';
import { setWinogradEnabled, WINOGRAD_MIN_CHANNELS } from '../demos/kd/conv/winograd';
import { setWasmKernelsEnabled } from '../demos/kd/wasm/kernels';

await useNodeBackend('wasm');
const ROUNDS = 7;
const ways = [
  { name: 'JS loops', kernels: false, winograd: false },
  { name: 'kernels, direct', kernels: true, winograd: false },
  { name: 'kernels, Winograd', kernels: true, winograd: true },
];
console.log(`bench:conv — conv k3 s1 p1, forward + dx + dW, median of ${ROUNDS} (Winograd is used from ${WINOGRAD_MIN_CHANNELS} channels)`);
// [dims, batch, length (and height), C, O]: 1D at batch 128, 2D at batch 16 (the GAF teacher's bench:train batch).
const shapes: [1 | 2, number, number, number, number][] = [
  [1, 128, 100, 40, 16],
  [1, 128, 100, 16, 16],
  [1, 128, 100, 16, 48],
  [1, 128, 100, 8, 8],
  [1, 128, 50, 32, 32],
  [1, 128, 25, 64, 64],
  [1, 128, 100, 48, 48],
  [1, 128, 50, 96, 96],
  [1, 128, 25, 192, 192],
  [2, 16, 64, 40, 16],
  [2, 16, 64, 16, 16],
  [2, 16, 64, 8, 8],
  [2, 16, 32, 32, 32],
  [2, 16, 16, 64, 64],
];
for (const [dims, B, W, C, O] of shapes) {
  const x = tf.variable(tf.randomNormal(dims === 1 ? [B, W, C] : [B, W, W, C], 0, 1, 'float32', 1));
  const w = tf.variable(tf.randomNormal(dims === 1 ? [3, C, O] : [3, 3, C, O], 0, 0.1, 'float32', 2));
  const conv = () =>
    dims === 1
      ? conv1d(x as unknown as tf.Tensor3D, w as unknown as tf.Tensor3D, 1, 1, 'fast')
      : conv2d(x as unknown as tf.Tensor4D, w as unknown as tf.Tensor4D, 1, 1, 'fast');
  const step = () =>
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.sum(conv()) as tf.Scalar, [w, x]);
      return grads[w.name]!.dataSync()[0];
    });
  const times = ways.map(() => [] as number[]);
  for (let r = -1; r < ROUNDS; r++) {
    ways.forEach((way, i) => {
      setWasmKernelsEnabled(way.kernels);
      setWinogradEnabled(way.winograd, 4); // Winograd at every width here
      const t0 = performance.now();
      step();
      const dt = performance.now() - t0;
      if (r >= 0) times[i]!.push(dt); // round -1: warm-up
    });
  }
  setWasmKernelsEnabled(true);
  setWinogradEnabled(true);
  const med = times.map(median),
    base = med[1]!;
  const where = dims === 1 ? `1D B${B} W ${String(W).padStart(3)}  ` : `2D B${B} ${W}×${W}`;
  console.log(
    `${where}  C ${String(C).padStart(3)}→${String(O).padEnd(3)}  ${ways.map((way, i) => `${way.name} ${med[i]!.toFixed(1)} ms (${(med[i]! / base).toFixed(2)}×)`).join('   ')}`,
  );
  tf.dispose([x, w]);
}
