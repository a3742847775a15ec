import { describe, expect, it } from 'vitest';
import { scoreLogits, summarize, tQuantile } from '@demos/kd/story/stats';

describe('KD story statistics', () => {
  it('t quantiles match the tables', () => {
    expect(tQuantile(0.95, 4)).toBeCloseTo(2.7764, 3);
    expect(tQuantile(0.95, 9)).toBeCloseTo(2.2622, 3);
    expect(tQuantile(0.95, 1)).toBeCloseTo(12.706, 2);
  });
  it('mean and its 95 % t interval', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 10);
    expect(s.hi - s.mean).toBeCloseTo((2.7764 * Math.sqrt(2.5)) / Math.sqrt(5), 3);
    expect(summarize([0.4])).toMatchObject({ lo: 0.4, hi: 0.4 });
  });
  it('accuracy and macro-F1 on a crafted confusion', () => {
    // 3 classes; labels 0,0,1,1,2,2; predictions 0,1,1,1,0,2
    const pred = [0, 1, 1, 1, 0, 2];
    const logits = new Float32Array(pred.flatMap((p) => [0, 1, 2].map((k) => (k === p ? 1 : 0))));
    const s = scoreLogits(logits, Int32Array.from([0, 0, 1, 1, 2, 2]), 3);
    expect(s.accuracy).toBeCloseTo(4 / 6, 10);
    // F1: class 0: tp1 fp1 fn1 -> 0.5; class 1: tp2 fp1 fn0 -> 0.8; class 2: tp1 fp0 fn1 -> 2/3
    expect(s.macroF1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 10);
  });
});
