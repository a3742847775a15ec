import { describe, it, expect } from 'vitest';
import { patchify, cp1p2FromP1p2c, patchRowCol } from '@demos/vit/patchify';
import { vitCounts, vitConfigSchema } from '@demos/vit/config';
import { rgbaOverWhite, centreCropResize, fitShorterSide } from '@demos/vit/resize';

/** (S, S, 3) image whose every pixel of patch n holds value n in all channels. */
function indexImage(size: number, p: number): Float32Array {
  const g = size / p;
  const img = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const n = Math.floor(y / p) * g + Math.floor(x / p);
      img.fill(n, (y * size + x) * 3, (y * size + x) * 3 + 3);
    }
  return img;
}

describe('patch counts', () => {
  it.each([
    [8, 784, 785],
    [14, 256, 257],
    [16, 196, 197],
    [32, 49, 50],
  ])('p=%i -> P=%i, T=%i', (p, P, T) => {
    const c = vitCounts(224, p);
    expect(c.patches).toBe(P);
    expect(c.tokens).toBe(T);
    expect(c.patchDim).toBe(p * p * 3);
  });
  it('rejects a patch size that does not divide the image', () => {
    expect(() => vitCounts(224, 15)).toThrow(/multiple/);
    expect(vitConfigSchema.safeParse({ patch: 15, dim: 192, pos: 'learned', seed: 0 }).success).toBe(false);
    expect(vitConfigSchema.parse({ patch: 16, dim: 192, pos: 'sincos', seed: 0 }).imageSize).toBe(224);
  });
});

describe('patchify order', () => {
  it.each([8, 14, 16, 32])('p=%i: patch n holds only value n (row-major, n = row*g + col)', (p) => {
    const size = 224,
      g = size / p;
    const out = patchify(indexImage(size, p), size, p);
    expect(out.length).toBe(g * g * p * p * 3);
    for (let n = 0; n < g * g; n++) {
      const patch = out.subarray(n * p * p * 3, (n + 1) * p * p * 3);
      expect(patch.every((v) => v === n)).toBe(true);
    }
    expect(patchRowCol(g + 2, g)).toEqual({ row: 1, col: 2 });
  });

  it('inside a patch the order is (p1, p2, c): row, column, channel', () => {
    // 4×4 image, p = 2; pixel (y, x), channel c holds 100y + 10x + c.
    const size = 4,
      p = 2;
    const img = new Float32Array(size * size * 3);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) for (let c = 0; c < 3; c++) img[(y * size + x) * 3 + c] = 100 * y + 10 * x + c;
    const out = patchify(img, size, p);
    // Patch 1 = row 0, col 1: pixels (0,2) (0,3) (1,2) (1,3).
    expect(Array.from(out.subarray(12, 24))).toEqual([20, 21, 22, 30, 31, 32, 120, 121, 122, 130, 131, 132]);
    // Patch 2 = row 1, col 0 starts at pixel (2, 0).
    expect(out[24]).toBe(200);
    // PyTorch Conv2d weight order (c, p1, p2): first the 4 red values of the patch.
    const perm = cp1p2FromP1p2c(p);
    expect(Array.from(perm, (k) => out[12 + k])).toEqual([20, 30, 120, 130, 21, 31, 121, 131, 22, 32, 122, 132]);
  });

  it('rejects a wrong-sized input with a message', () => {
    expect(() => patchify(new Float32Array(10), 224, 16)).toThrow(/224×224×3/);
  });
});

describe('resize and centre-crop', () => {
  it('is the identity when the image is already S×S', () => {
    const img = Float32Array.from({ length: 8 * 8 * 3 }, (_, i) => ((i * 37) % 101) / 100);
    const out = centreCropResize({ width: 8, height: 8, data: img }, 8);
    for (let i = 0; i < img.length; i++) expect(out.data[i]).toBeCloseTo(img[i]!, 6);
  });
  it('upscales a 1×1 image to a flat colour', () => {
    const out = centreCropResize({ width: 1, height: 1, data: new Float32Array([0.2, 0.4, 0.6]) }, 224);
    expect(out.data.length).toBe(224 * 224 * 3);
    let worst = 0;
    for (let i = 0; i < out.data.length; i++) worst = Math.max(worst, Math.abs(out.data[i]! - [0.2, 0.4, 0.6][i % 3]!));
    expect(worst).toBeLessThan(1e-6);
  });
  it('crops the centre square of a wide image', () => {
    // 12×4: columns 0-3 red, 4-7 green, 8-11 blue; the centre 4×4 square is all green.
    const w = 12,
      h = 4,
      data = new Float32Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[(y * w + x) * 3 + Math.floor(x / 4)] = 1;
    const out = centreCropResize({ width: w, height: h, data }, 4);
    for (let i = 0; i < 16; i++)
      expect(Array.from(out.data.subarray(i * 3, i * 3 + 3)).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 1, 0]);
  });
  it('downscaling averages (a fine checkerboard becomes grey, no aliasing)', () => {
    const s = 448,
      data = new Float32Array(s * s * 3);
    for (let y = 0; y < s; y++) for (let x = 0; x < s; x++) data.fill((x + y) % 2, (y * s + x) * 3, (y * s + x) * 3 + 3);
    const out = centreCropResize({ width: s, height: s, data }, 224);
    let worst = 0;
    for (let i = 0; i < out.data.length; i++) worst = Math.max(worst, Math.abs(out.data[i]! - 0.5));
    expect(worst).toBeLessThan(0.05); // exactly 0.5 inside; the clamped border is off by 1/32
    expect(Math.abs(out.data[(100 * 224 + 100) * 3]! - 0.5)).toBeLessThan(1e-6);
  });
  it('composites transparent pixels over white and counts them', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 128]);
    const { image, translucent } = rgbaOverWhite(rgba, 3, 1);
    expect(translucent).toBe(2);
    expect(Array.from(image.data.subarray(0, 6))).toEqual([1, 0, 0, 1, 1, 1]);
    expect(image.data[8]).toBeCloseTo(1, 6);
    expect(image.data[6]).toBeCloseTo(127 / 255, 5);
  });
  it('fitShorterSide keeps aspect and never upscales', () => {
    expect(fitShorterSide(4000, 3000, 448)).toEqual({ width: 597, height: 448 });
    expect(fitShorterSide(1, 1, 448)).toEqual({ width: 1, height: 1 });
  });
});
