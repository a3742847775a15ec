/**
 * `npm run bench:conv`: one 1D 3-tap stride-1 conv (forward + both gradients, batch 128) of
 * each WRN width on the wasm backend, three ways in the same process, interleaved round by
 * round: the JS loops, the WASM kernels with direct (im2col) matMuls, and Winograd F(4,3)
 * (demos/kd/conv/winograd1d.ts). Prints median ms and the ratio to the direct kernels; this is
 * how WINOGRAD_MIN_CHANNELS was chosen (Winograd is forced at every width here).
 */
import * as tf from '@tensorflow/tfjs-core';
import { median } from './median';
import { useNodeBackend } from '../demos/kd/tf-node';
import { conv1d } from '../demos/kd/conv/index';
import { setWinogradEnabled, WINOGRAD_MIN_CHANNELS } from '../demos/kd/conv/winograd';
import { setWasmKernelsEnabled } from '../demos/kd/wasm/kernels';

await useNodeBackend('wasm');
const B = 128, ROUNDS = 7;
const ways = [
  { name: 'JS loops', kernels: false, winograd: false },
  { name: 'kernels, direct', kernels: true, winograd: false },
  { name: 'kernels, Winograd', kernels: true, winograd: true },
];
console.log(`bench:conv — 1D conv k3 s1 p1, batch ${B}, forward + dx + dW, median of ${ROUNDS} (Winograd is used from ${WINOGRAD_MIN_CHANNELS} channels)`);
for (const [W, C, O] of [[100, 40, 16], [100, 16, 16], [100, 16, 48], [100, 8, 8], [50, 32, 32], [25, 64, 64], [100, 48, 48], [50, 96, 96], [25, 192, 192]] as const) {
  const x = tf.variable(tf.randomNormal([B, W, C], 0, 1, 'float32', 1));
  const w = tf.variable(tf.randomNormal([3, C, O], 0, 0.1, 'float32', 2));
  const step = () => tf.tidy(() => {
    const { grads } = tf.variableGrads(() => tf.sum(conv1d(x as unknown as tf.Tensor3D, w as unknown as tf.Tensor3D, 1, 1, 'fast')) as tf.Scalar, [w, x]);
    return grads[w.name]!.dataSync()[0];
  });
  const times = ways.map(() => [] as number[]);
  for (let r = -1; r < ROUNDS; r++) {
    ways.forEach((way, i) => {
      setWasmKernelsEnabled(way.kernels); setWinogradEnabled(way.winograd, 4); // Winograd at every width here
      const t0 = performance.now(); step(); const dt = performance.now() - t0;
      if (r >= 0) times[i]!.push(dt); // round -1: warm-up
    });
  }
  setWasmKernelsEnabled(true); setWinogradEnabled(true);
  const med = times.map(median), base = med[1]!;
  console.log(`W ${String(W).padStart(3)}  C ${String(C).padStart(3)}→${String(O).padEnd(3)}  ` + ways.map((way, i) => `${way.name} ${med[i]!.toFixed(1)} ms (${(med[i]! / base).toFixed(2)}×)`).join('   '));
  tf.dispose([x, w]);
}
