/**
 * §3 Gramian Angular Summation Field, as pyts `GramianAngularField(image_size=G,
 * method='summation')` computes it, one single-channel image per sensor channel, stacked
 * channels-last:  window (W, S) in [0, 1] → image (G, G, S).
 *   1. PAA W → G points: segment bounds floor(linspace(0, W, G + 1)), each segment averaged
 *      (pyts `segmentation`, non-overlapping; for W = 100, G = 64 the segments have 1 or 2 points);
 *   2. min–max of each window-channel to [−1, 1] (sklearn MinMaxScaler: a constant channel maps to
 *      −1, so its GASF is all 1s — no NaN);
 *   3. φ = arccos(x), stored as cos φ = x and sin φ = √(clip(1 − x², 0, 1));
 *   4. GASF[i, j] = cos(φi + φj) = cos φi cos φj − sin φi sin φj.
 * Built from the [0, 1]-scaled window before z-normalisation (§3), then normalised per image
 * channel with training-fold stats by the §1 rule (`gafStats`, closed form, no image materialised).
 */
import type { ChannelStats } from './folds.ts';
import { CHANNELS, WINDOW } from './format.ts';
import type { WindowSet } from './windows.ts';

/** floor(linspace(0, n, m + 1)) computed in integers (exact, as numpy's for n/m dyadic). */
export function paaBounds(n: number, m: number): Int32Array {
  if (!(m >= 1 && m <= n)) throw new Error(`PAA: output size ${m} must be in 1..${n}`);
  return Int32Array.from({ length: m + 1 }, (_, k) => Math.floor((k * n) / m));
}

/**
 * cos φ and sin φ of every (point, channel) of one window: both (G, S).
 * `window` is (W, S) channels-last, W = bounds[last].
 */
function gafAngles(window: Float32Array, size: number, channels: number, cos: Float64Array, sin: Float64Array): void {
  const w = window.length / channels;
  const b = paaBounds(w, size);
  for (let c = 0; c < channels; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < size; i++) {
      const a = b[i] as number;
      const e = b[i + 1] as number;
      let s = 0;
      for (let t = a; t < e; t++) s += window[t * channels + c] as number;
      const v = s / (e - a);
      cos[i * channels + c] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    // sklearn MinMaxScaler: scale = 2 / range (1 if range is 0), min_ = −1 − lo·scale.
    const scale = range === 0 ? 1 : 2 / range;
    const shift = -1 - lo * scale;
    for (let i = 0; i < size; i++) {
      const k = i * channels + c;
      let x = (cos[k] as number) * scale + shift;
      x = Math.min(1, Math.max(x, -1)); // arccos domain
      cos[k] = x;
      sin[k] = Math.sqrt(Math.max(0, 1 - x * x));
    }
  }
}

/** One window (W, S) → GASF image (G, G, S). */
export function gasfWindow(window: Float32Array, size: number, out?: Float32Array, channels = CHANNELS): Float32Array {
  const cos = new Float64Array(size * channels);
  const sin = new Float64Array(size * channels);
  const img = out ?? new Float32Array(size * size * channels);
  gafAngles(window, size, channels, cos, sin);
  for (let i = 0; i < size; i++) {
    const oi = i * channels;
    for (let j = 0; j < size; j++) {
      const oj = j * channels;
      const o = (i * size + j) * channels;
      for (let c = 0; c < channels; c++) {
        img[o + c] = (cos[oi + c] as number) * (cos[oj + c] as number) - (sin[oi + c] as number) * (sin[oj + c] as number);
      }
    }
  }
  return img;
}

/**
 * GASF images of the given windows: (B, G, G, S). With `stats`, each image channel is
 * standardised as (g − mean[c]) / std[c] (§1 last bullet; std 0 → 1).
 */
export function gafBatch(
  ws: Pick<WindowSet, 'x'>,
  indices: ArrayLike<number>,
  size: number,
  stats?: ChannelStats,
  out?: Float32Array,
): Float32Array {
  const img = size * size * CHANNELS;
  const res = out ?? new Float32Array(indices.length * img);
  const winSize = WINDOW * CHANNELS;
  const inv = stats ? Float64Array.from(stats.std, (s) => (s > 0 ? 1 / s : 1)) : null;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const view = res.subarray(k * img, (k + 1) * img);
    gasfWindow(ws.x.subarray(i * winSize, (i + 1) * winSize), size, view);
    if (stats && inv) {
      for (let o = 0; o < img; o += CHANNELS) {
        for (let c = 0; c < CHANNELS; c++) view[o + c] = ((view[o + c] as number) - (stats.mean[c] as number)) * (inv[c] as number);
      }
    }
  }
  return res;
}

/**
 * Per image channel stats of the GASF images of all windows in `ws`, by the §1 rule
 * (mean over images × pixels; std = mean over images of per-image population std), without
 * building any image: with g_ij = c_i c_j − s_i s_j,
 *   mean(g)   = mean(c)² − mean(s)²
 *   mean(g²)  = mean(c²)² − 2·mean(c·s)² + mean(s²)².
 */
export function gafStats(ws: Pick<WindowSet, 'x' | 'n'>, size: number): ChannelStats {
  const S = CHANNELS;
  const cos = new Float64Array(size * S);
  const sin = new Float64Array(size * S);
  const mean = new Float64Array(S);
  const std = new Float64Array(S);
  const winSize = WINDOW * S;
  for (let n = 0; n < ws.n; n++) {
    gafAngles(ws.x.subarray(n * winSize, (n + 1) * winSize), size, S, cos, sin);
    for (let c = 0; c < S; c++) {
      let mc = 0;
      let ms = 0;
      let mcc = 0;
      let mcs = 0;
      let mss = 0;
      for (let i = 0; i < size; i++) {
        const a = cos[i * S + c] as number;
        const b = sin[i * S + c] as number;
        mc += a;
        ms += b;
        mcc += a * a;
        mcs += a * b;
        mss += b * b;
      }
      mc /= size;
      ms /= size;
      mcc /= size;
      mcs /= size;
      mss /= size;
      const m = mc * mc - ms * ms;
      const m2 = mcc * mcc - 2 * mcs * mcs + mss * mss;
      mean[c] = (mean[c] as number) + m;
      std[c] = (std[c] as number) + Math.sqrt(Math.max(0, m2 - m * m));
    }
  }
  for (let c = 0; c < S; c++) {
    mean[c] = ws.n > 0 ? (mean[c] as number) / ws.n : 0;
    std[c] = ws.n > 0 ? (std[c] as number) / ws.n : 1;
  }
  return { mean, std };
}
