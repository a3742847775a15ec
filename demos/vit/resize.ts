/**
 * From decoded pixels to the model's input: RGBA -> RGB over white, then centre-crop to a
 * square and resample to S×S (S = 224 by default). Raw typed arrays, no DOM, so the same
 * code runs in the browser worker and in Node tests.
 *
 * Resampling is separable with a triangle (tent) filter whose support widens with the
 * scale factor: bilinear when upscaling (a 1×1 image becomes a flat colour, not a crash),
 * area-like averaging when downscaling (no aliasing on big photos), and the identity when
 * the crop is already S pixels wide.
 */

export interface RgbImage {
  width: number;
  height: number;
  /** (H, W, 3), row-major, values in [0, 1]. */
  data: Float32Array;
}

/**
 * (H, W, 4) 8-bit straight (non-premultiplied) RGBA -> (H, W, 3) in [0, 1], composited over
 * white: out = a·c + (1 − a)·1. Returns how many pixels were not fully opaque.
 */
export function rgbaOverWhite(rgba: ArrayLike<number>, width: number, height: number): { image: RgbImage; translucent: number } {
  const n = width * height;
  if (rgba.length !== n * 4) throw new Error(`expected ${width}×${height}×4 = ${n * 4} bytes, got ${rgba.length}`);
  const data = new Float32Array(n * 3);
  let translucent = 0;
  for (let i = 0; i < n; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    if (a < 1) translucent++;
    for (let c = 0; c < 3; c++) data[i * 3 + c] = a * (rgba[i * 4 + c]! / 255) + (1 - a);
  }
  return { image: { width, height, data }, translucent };
}

interface Taps {
  start: Int32Array;
  count: Int32Array;
  index: Int32Array;
  weight: Float32Array;
  stride: number;
}

/** Tent-filter taps for mapping [offset, offset + length) of an axis of size `inSize` onto `outSize` samples. */
function taps(inSize: number, offset: number, length: number, outSize: number): Taps {
  const scale = length / outSize;
  const support = Math.max(scale, 1);
  const stride = Math.ceil(support) * 2 + 2;
  const t: Taps = {
    start: new Int32Array(outSize),
    count: new Int32Array(outSize),
    index: new Int32Array(outSize * stride),
    weight: new Float32Array(outSize * stride),
    stride,
  };
  for (let o = 0; o < outSize; o++) {
    const centre = offset + (o + 0.5) * scale; // in input pixel coordinates (pixel k covers [k, k+1))
    const lo = Math.floor(centre - support),
      hi = Math.ceil(centre + support);
    let k = 0,
      sum = 0;
    for (let j = lo; j < hi && k < stride; j++) {
      const w = Math.max(0, 1 - Math.abs(j + 0.5 - centre) / support);
      if (w <= 0) continue;
      t.index[o * stride + k] = Math.min(inSize - 1, Math.max(0, j)); // clamp at the borders
      t.weight[o * stride + k] = w;
      sum += w;
      k++;
    }
    for (let q = 0; q < k; q++) t.weight[o * stride + q]! /= sum;
    t.count[o] = k;
  }
  return t;
}

/** Centre-crops the largest square and resamples it to size×size: (H, W, 3) -> (S, S, 3). */
export function centreCropResize(img: RgbImage, size: number): RgbImage {
  const { width: w, height: h, data } = img;
  if (w < 1 || h < 1) throw new Error(`image has no pixels (${w}×${h})`);
  const side = Math.min(w, h);
  const tx = taps(w, (w - side) / 2, side, size);
  const ty = taps(h, (h - side) / 2, side, size);
  // Horizontal pass: (H, W, 3) -> (H, S, 3).
  const mid = new Float32Array(h * size * 3);
  for (let y = 0; y < h; y++)
    for (let o = 0; o < size; o++) {
      let r = 0,
        g = 0,
        b = 0;
      for (let q = 0; q < tx.count[o]!; q++) {
        const src = (y * w + tx.index[o * tx.stride + q]!) * 3,
          wt = tx.weight[o * tx.stride + q]!;
        r += wt * data[src]!;
        g += wt * data[src + 1]!;
        b += wt * data[src + 2]!;
      }
      const dst = (y * size + o) * 3;
      mid[dst] = r;
      mid[dst + 1] = g;
      mid[dst + 2] = b;
    }
  // Vertical pass: (H, S, 3) -> (S, S, 3).
  const out = new Float32Array(size * size * 3);
  for (let o = 0; o < size; o++)
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0;
      for (let q = 0; q < ty.count[o]!; q++) {
        const src = (ty.index[o * ty.stride + q]! * size + x) * 3,
          wt = ty.weight[o * ty.stride + q]!;
        r += wt * mid[src]!;
        g += wt * mid[src + 1]!;
        b += wt * mid[src + 2]!;
      }
      const dst = (o * size + x) * 3;
      out[dst] = r;
      out[dst + 1] = g;
      out[dst + 2] = b;
    }
  return { width: size, height: size, data: out };
}

/** Largest dimensions (keeping aspect) whose shorter side is at most `maxShort`: the size to decode/draw at. */
export function fitShorterSide(width: number, height: number, maxShort: number): { width: number; height: number } {
  const s = Math.min(1, maxShort / Math.min(width, height));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}
