/**
 * The reader's metric table and the teacher-agreement views: macro-F1 and balanced accuracy
 * against hand-computed confusion matrices, the majority baseline, and top-1 agreement / KL
 * against naive loops written independently here.
 */
import { describe, it, expect } from 'vitest';
import { chanceLevel, majorityBaseline, metricsOf } from '@demos/kd/run/metrics';
import { meanKl, softmaxRow, teacherFit, topAgreement } from '@demos/kd/run/agreement';
import { createRng } from '@demos/shared/rng';

describe('metricsOf (rows = truth, columns = prediction)', () => {
  it('a 3-class matrix, by hand', () => {
    // truth 0: 3 right, 1 → class 1;  truth 1: 2 right, 2 → class 2;  truth 2: 1 right.
    const m = [
      [3, 1, 0],
      [0, 2, 2],
      [0, 0, 1],
    ];
    // F1_c = 2TP / (row + col): class 0: 6/(4+3) = 6/7; class 1: 4/(4+3) = 4/7; class 2: 2/(1+3) = 1/2.
    // macro-F1 = (6/7 + 4/7 + 1/2)/3 = 0.84523…; recalls 3/4, 2/4, 1/1 → balanced 0.75; accuracy 6/9.
    const r = metricsOf(m);
    expect(r.accuracy).toBeCloseTo((100 * 6) / 9, 10);
    expect(r.macroF1).toBeCloseTo((100 * (6 / 7 + 4 / 7 + 1 / 2)) / 3, 10);
    expect(r.balancedAccuracy).toBeCloseTo(75, 10);
    expect(r.topClass).toBe(0); // column sums 3, 3, 3: the first on ties
    expect(r.topShare).toBeCloseTo(100 / 3, 10);
    expect(r.predictedClasses).toBe(3);
  });

  it('classes absent from truth and prediction are left out; predicted-only classes count with F1 0', () => {
    // 4 classes; class 3 never occurs. Class 2 is predicted once but never true.
    const m = [
      [2, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    // F1: class 0 = 4/(3+2) = 0.8; class 1 = 2/(1+1) = 1; class 2 = 0/(0+1) = 0 → macro (0.8 + 1 + 0)/3.
    // Balanced accuracy over true classes 0, 1: (2/3 + 1)/2.
    const r = metricsOf(m);
    expect(r.macroF1).toBeCloseTo((100 * 1.8) / 3, 10);
    expect(r.balancedAccuracy).toBeCloseTo((100 * (2 / 3 + 1)) / 2, 10);
    expect(r.accuracy).toBeCloseTo(75, 10);
  });

  it('a single-class predictor: 100 % of windows in one column', () => {
    const r = metricsOf([
      [0, 5],
      [0, 15],
    ]);
    expect(r.topShare).toBe(100);
    expect(r.predictedClasses).toBe(1);
    expect(r.accuracy).toBe(75);
    expect(r.balancedAccuracy).toBe(50);
    expect(r.macroF1).toBeCloseTo((100 * (0 + 30 / 35)) / 2, 10);
  });

  it('the majority baseline answers the TRAINING majority, scored on the test counts', () => {
    // Training majority is class 1 (5 windows); the test set is 76 % class 1.
    const b = majorityBaseline([2, 5, 1], [6, 19, 0]);
    expect(b.cls).toBe(1);
    expect(b.accuracy).toBeCloseTo(76, 10);
    expect(b.balancedAccuracy).toBe(50);
    expect(b.macroF1).toBeCloseTo((100 * (0 + 38 / 44)) / 2, 10); // class 1: 2·19/(19 + 25)
    expect(chanceLevel(12)).toBeCloseTo(8.333, 3);
  });
});

// Naive references, written without the module's helpers.
function naiveSoftmax(z: number[], T: number): number[] {
  const e = z.map((v) => Math.exp(v / T));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
function rows(flat: Float32Array, k: number): number[][] {
  return Array.from({ length: flat.length / k }, (_, i) => Array.from(flat.subarray(i * k, i * k + k)));
}
function naiveArgmax(r: number[]): number {
  return r.indexOf(Math.max(...r));
}

describe('agreement and KL against naive loops', () => {
  const K = 5,
    N = 40;
  const rng = createRng(3);
  const make = (scale: number) => Float32Array.from({ length: N * K }, () => rng.normal() * scale);
  const student = make(2),
    gaf = make(3),
    sig = make(1.5);

  it('top-1 agreement', () => {
    const s = rows(student, K),
      g = rows(gaf, K);
    const naive = (100 * s.filter((r, i) => naiveArgmax(r) === naiveArgmax(g[i]!)).length) / N;
    expect(topAgreement(student, gaf, K)).toBeCloseTo(naive, 10);
    expect(topAgreement(gaf, gaf, K)).toBe(100);
  });

  it('mean KL(p_teacher ‖ p_student) at T', () => {
    for (const T of [1, 4]) {
      const s = rows(student, K),
        g = rows(gaf, K);
      let total = 0;
      for (let i = 0; i < N; i++) {
        const p = naiveSoftmax(g[i]!, T),
          q = naiveSoftmax(s[i]!, T);
        for (let j = 0; j < K; j++) total += p[j]! * Math.log(p[j]! / q[j]!);
      }
      expect(meanKl(gaf, student, K, T)).toBeCloseTo(total / N, 8);
    }
    expect(meanKl(gaf, gaf, K, 4)).toBeCloseTo(0, 12);
    const p = softmaxRow(gaf, K, 3, 4);
    expect(Array.from(p)).toEqual(naiveSoftmax(rows(gaf, K)[3]!, 4).map((v) => expect.closeTo(v, 12)));
  });

  it('on the windows where the teachers disagree, whom the student sides with', () => {
    const s = rows(student, K),
      g = rows(gaf, K),
      q = rows(sig, K);
    const split = g.map((r, i) => naiveArgmax(r) !== naiveArgmax(q[i]!));
    const n = split.filter(Boolean).length;
    const withG = s.filter((r, i) => split[i] && naiveArgmax(r) === naiveArgmax(g[i]!)).length;
    const withS = s.filter((r, i) => split[i] && naiveArgmax(r) === naiveArgmax(q[i]!)).length;
    const f = teacherFit(student, gaf, sig, K, 4);
    expect(f.disagree).toBe(n);
    expect(f.followGaf).toBeCloseTo((100 * withG) / n, 10);
    expect(f.followSig).toBeCloseTo((100 * withS) / n, 10);
    expect(teacherFit(student, gaf, gaf, K, 4).followGaf).toBeNull(); // teachers never disagree
  });
});
