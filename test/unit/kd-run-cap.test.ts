/**
 * demos/kd/experiment/cap.ts: the window cap of one in-page run (full shards can hold ~27k windows).
 * Synthetic WindowSets; the windows' values are their index so selections can be checked.
 */
import { describe, it, expect } from 'vitest';
import { capWindows, runWindowCap, stratifiedSubsample, MAX_RUN_WINDOWS } from '@demos/kd/experiment/cap';
import { runInputs } from '@demos/kd/experiment/inputs';
import { CHANNELS, NUM_CLASSES, WINDOW } from '@demos/kd/pamap2/format';
import type { WindowSet } from '@demos/kd/pamap2/windows';

/** n windows, subjects 101..(101+subjects-1) round-robin, class i % 12 with a skew. */
function synthetic(n: number, subjects: number): WindowSet {
  const size = WINDOW * CHANNELS;
  const ws: WindowSet = { n, x: new Float32Array(n * size), y: new Int32Array(n), subject: new Int32Array(n), start: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    ws.y[i] = (i * i) % 7 === 0 ? 0 : i % NUM_CLASSES; // class 0 over-represented
    ws.subject[i] = 101 + (i % subjects);
    ws.start[i] = i;
    ws.x.fill(i, i * size, (i + 1) * size);
  }
  return ws;
}
const counts = (y: ArrayLike<number>) => {
  const c = new Array<number>(NUM_CLASSES).fill(0);
  for (let i = 0; i < y.length; i++) c[y[i]!]!++;
  return c;
};

describe('run window cap', () => {
  it('follows the GAF size: the GAF images stay within the budget', () => {
    expect(runWindowCap(16)).toBe(MAX_RUN_WINDOWS);
    expect(runWindowCap(32)).toBe(1228);
    expect(runWindowCap(64)).toBe(307);
    for (const g of [16, 32, 64]) expect(runWindowCap(g) * g * g * CHANNELS * 4).toBeLessThanOrEqual(192 * 2 ** 20);
  });

  it('under the cap: the same WindowSet, no note', () => {
    const ws = synthetic(200, 4);
    const r = capWindows(ws, { split: 'loso', testSubject: 101, seed: 1, gafSize: 16 });
    expect(r.ws).toBe(ws);
    expect(r.cap).toBeNull();
  });

  it('stratified subsample keeps each class share (±1), is seeded and sorted', () => {
    const ws = synthetic(9000, 6);
    const idx = Array.from({ length: ws.n }, (_, i) => i);
    const a = stratifiedSubsample(idx, ws.y, 900, 5),
      b = stratifiedSubsample(idx, ws.y, 900, 5),
      c = stratifiedSubsample(idx, ws.y, 900, 6);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect([...a].sort((p, q) => p - q)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    expect(a.length).toBeLessThanOrEqual(900);
    expect(a.length).toBeGreaterThan(900 - NUM_CLASSES);
    const all = counts(ws.y),
      got = counts(a.map((i) => ws.y[i]!));
    all.forEach((n, k) => expect(Math.abs(got[k]! - (n * 900) / ws.n), `class ${k}`).toBeLessThanOrEqual(1));
  });

  it('LOSO above the cap: at most a third from the test subject, the rest from the others; window values follow their indices', () => {
    const ws = synthetic(12000, 6);
    const r = capWindows(ws, { split: 'loso', testSubject: 103, seed: 3, gafSize: 32 });
    expect(r.cap).toEqual({ from: 12000, used: r.ws.n, cap: 1228, seed: 3 });
    expect(r.ws.n).toBeLessThanOrEqual(1228);
    const test = Array.from(r.ws.subject).filter((s) => s === 103).length;
    expect(test).toBeGreaterThan(0);
    expect(test).toBeLessThanOrEqual(Math.floor(1228 / 3));
    for (let k = 0; k < r.ws.n; k++) expect(r.ws.x[k * WINDOW * CHANNELS]).toBe(r.ws.start[k]); // rows copied with their window
  });

  it('runInputs reports the cap and trains on the subsample (window split)', () => {
    const ws = synthetic(1500, 3);
    const f = runInputs(ws, { split: 'window', testSubject: 101, seed: 9, gafSize: 64 });
    expect(f.capped).toMatchObject({ from: 1500, cap: 307, seed: 9 });
    // The window split may thin a class far above the median after the cap (split.ts classLimit).
    expect(f.capped!.used).toBeLessThanOrEqual(307);
    expect(f.signal.train.n + f.signal.test.n).toBeLessThanOrEqual(f.capped!.used);
    expect(runInputs(synthetic(100, 3), { split: 'window', testSubject: 101, seed: 9, gafSize: 16 }).capped).toBeNull();
  });
});
