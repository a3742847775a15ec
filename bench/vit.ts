/**
 * `npm run bench:vit` — times the parts of the patch embedding on the tfjs CPU backend in
 * Node (median of 3) and prints the conv2d / matMul ratio for each patch size, so a change
 * that slows one path shows up as a number, not as a flaky timed test.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { patchWeights, normalisePixels, projectMatMul, projectConv } from '../demos/vit/projection';
import { sincos2dPositionEmbedding, positionSimilarity } from '../demos/vit/position-embedding';
import { PATCH_SIZES, IMAGE_SIZE } from '../demos/vit/config';
import { median } from './median';

/** Median wall time of `n` calls, in ms. */
async function medianTime(fn: () => Promise<void> | void, n = 3): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

await tf.setBackend('cpu');
const D = Number(process.argv[2] ?? 192) as 192 | 384 | 768;
const S = IMAGE_SIZE;
const rgb = Float32Array.from({ length: S * S * 3 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
console.log(`backend ${tf.getBackend()}, S=${S}, D=${D}; median of 3 runs, ms`);
console.log('p\tweights\tmatMul\tconv2d\tconv/matMul\tsincos+sim(PxP)');
for (const p of PATCH_SIZES) {
  const g = S / p;
  let wt = patchWeights(p, D, 0);
  const tW = await medianTime(() => {
    wt = patchWeights(p, D, 0);
  });
  const x = tf.tidy(() => normalisePixels(tf, tf.tensor3d(rgb, [S, S, 3])));
  const tM = await medianTime(async () => {
    const y = projectMatMul(tf, x, wt);
    await y.data();
    y.dispose();
  });
  const tC = await medianTime(async () => {
    const y = projectConv(tf, x, wt);
    await y.data();
    y.dispose();
  });
  const tS = await medianTime(async () => {
    const pe = tf.tensor2d(sincos2dPositionEmbedding(g, D).subarray(D), [g * g, D]);
    const s = positionSimilarity(tf, pe);
    await s.data();
    tf.dispose([pe, s]);
  });
  x.dispose();
  console.log(`${p}\t${tW.toFixed(1)}\t${tM.toFixed(1)}\t${tC.toFixed(1)}\t${(tC / tM).toFixed(2)}\t\t${tS.toFixed(1)}`);
}
console.log(`tensors left: ${tf.memory().numTensors}`);
