import { describe, it, expect } from 'vitest';
import { inkFromRgba, toDigitInput, clsMap, DIGIT_SIZE } from '@demos/vit/digit-input';
import { tokenCost } from '@demos/vit/digit-model';

/** A w×h ink map with a filled rectangle [x0, x1) × [y0, y1). */
function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Float32Array {
  const a = new Float32Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) a[y * w + x] = 1;
  return a;
}

function centreOfMass(img: Float32Array): { x: number; y: number; mass: number } {
  let m = 0,
    x = 0,
    y = 0;
  for (let i = 0; i < img.length; i++) {
    m += img[i]!;
    x += img[i]! * ((i % DIGIT_SIZE) + 0.5);
    y += img[i]! * (Math.floor(i / DIGIT_SIZE) + 0.5);
  }
  return { x: x / m, y: y / m, mass: m };
}

describe('toDigitInput: MNIST-style framing', () => {
  it('a small stroke in a corner becomes a 20-px-tall digit centred by mass', () => {
    const ink = rect(280, 280, 10, 10, 30, 70); // 20 × 60 px in the top-left corner
    const d = toDigitInput(ink, 280, 280)!;
    expect(d).toHaveLength(784);
    const rows = new Set<number>();
    for (let i = 0; i < d.length; i++) if (d[i]! > 0.5) rows.add(Math.floor(i / DIGIT_SIZE));
    expect(rows.size).toBe(20); // longer side scaled to the 20-px box
    const c = centreOfMass(d);
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
  });
  it('an empty canvas gives null, not a blank digit', () => {
    expect(toDigitInput(new Float32Array(100), 10, 10)).toBeNull();
  });
  it('values stay in [0, 1]', () => {
    const d = toDigitInput(rect(50, 50, 20, 5, 27, 45), 50, 50)!;
    expect(Math.max(...d)).toBeLessThanOrEqual(1);
    expect(Math.min(...d)).toBeGreaterThanOrEqual(0);
  });
});

describe('inkFromRgba', () => {
  const px = (w: number, h: number, bg: number, fg: number, at: number): Uint8ClampedArray => {
    const a = new Uint8ClampedArray(w * h * 4).fill(255);
    for (let i = 0; i < w * h; i++) a.fill(i === at ? fg : bg, i * 4, i * 4 + 3);
    return a;
  };
  it('dark ink on white paper: the stroke is ink 1', () => {
    const ink = inkFromRgba(px(3, 3, 255, 0, 4), 3, 3);
    expect(ink[4]).toBeCloseTo(1);
    expect(ink[0]).toBeCloseTo(0);
  });
  it('white ink on black (MNIST style) is not inverted', () => {
    const ink = inkFromRgba(px(3, 3, 0, 255, 4), 3, 3);
    expect(ink[4]).toBeCloseTo(1);
    expect(ink[0]).toBeCloseTo(0);
  });
  it('transparent pixels count as paper', () => {
    const a = new Uint8ClampedArray(4 * 4); // all (0,0,0,0)
    expect(Math.max(...inkFromRgba(a, 2, 2))).toBeCloseTo(0);
  });
});

describe('clsMap', () => {
  // L = 1, H = 2, N = 3: head 0 = [0.5, 0.5, 0], head 1 = [0, 0.25, 0.75]
  const att = Float32Array.from([0.5, 0.5, 0, 0, 0.25, 0.75]);
  it('one head: its patch weights and self weight', () => {
    const m = clsMap(att, 1, 2, 3, 0, 1);
    expect(Array.from(m.patches)).toEqual([0.25, 0.75]);
    expect(m.self).toBe(0);
  });
  it('mean over heads', () => {
    const m = clsMap(att, 1, 2, 3, 0, null);
    expect(Array.from(m.patches)).toEqual([0.375, 0.375]);
    expect(m.self).toBe(0.25);
  });
  it('refuses a layer or head that does not exist', () => {
    expect(() => clsMap(att, 1, 2, 3, 1, 0)).toThrow();
    expect(() => clsMap(att, 1, 2, 3, 0, 2)).toThrow();
  });
});

describe('tokenCost', () => {
  it('N = (S/p)² + 1 and N² scores per head and layer', () => {
    expect(tokenCost(28, 4)).toEqual({ patch: 4, grid: 7, tokens: 50, scores: 2500 });
    expect(tokenCost(28, 7).tokens).toBe(17);
    expect(tokenCost(224, 16)).toEqual({ patch: 16, grid: 14, tokens: 197, scores: 38809 });
    expect(() => tokenCost(28, 5)).toThrow();
  });
});
