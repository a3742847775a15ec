// Subject-level intervals and paired comparisons of the results pages (demos/kd/stats,
// src/components/results/uncertainty.ts), checked against a hand computation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArtifact, type ReferenceCellsArtifact, type ReferenceRawTrialsArtifact } from '@demos/kd/artifact/index.ts';
import { pairedDifference, studentTQuantile, summarizeSubjects } from '@demos/kd/stats/subject-stats.ts';
import { alphaUncertainty, lambdaUncertainty } from '@src/components/results/uncertainty.ts';

const load = <T>(n: string) => parseArtifact(n, JSON.parse(readFileSync(`content/results/reference/${n}`, 'utf8'))) as T;
const { cells } = load<ReferenceCellsArtifact>('cells.json');
const raw = load<ReferenceRawTrialsArtifact>('raw-trials.json');

describe('Student t quantile', () => {
  it('matches printed tables (two-sided 95 %: t_0.975)', () => {
    expect(studentTQuantile(0.975, 8)).toBeCloseTo(2.306004, 6);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    expect(studentTQuantile(0.995, 8)).toBeCloseTo(3.355387, 5);
  });
});

describe('paired difference: α 0.9 − α 0.7, teacher WRN16-3, λ = 0.99 (2025-05-09 raw sheet), by hand', () => {
  // Per subject (fold 0…8 = S101…S109): (sum of the 3 α 0.9 trials − sum of the 3 α 0.7 trials) / 3,
  // the sums added by hand from raw-trials.json (raw_2T_GAF_lam0.99_alpha0.7_0.9).
  const d = [
    (225.2818 - 229.1197) / 3, // S101: 76.4359+73.0542+75.7917 vs 76.8116+75.0939+77.2142
    (227.4395 - 221.9618) / 3, // S102
    (281.7515 - 281.6744) / 3, // S103
    (281.201 - 280.5628) / 3, // S104
    (259.0407 - 260.0246) / 3, // S105
    (277.9506 - 276.5558) / 3, // S106
    (287.8499 - 287.2438) / 3, // S107
    (203.5815 - 199.9488) / 3, // S108
    (297.826 - 300) / 3, // S109
  ];
  // mean = Σd / 9 = 1.61027 / 9 = 0.178919
  const mean = 1.6102667 / 9;
  // sample sd: √(Σ(d − mean)² / 8) = 0.941029; SE = sd / √9 = 0.313676
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 8);
  const se = sd / 3;
  // 95 % interval: mean ± 2.306004 × SE = [−0.5444, +0.9023] → contains 0
  const lo = mean - 2.306004 * se;
  const hi = mean + 2.306004 * se;

  it('the hand numbers themselves', () => {
    expect(mean).toBeCloseTo(0.178919, 5);
    expect(sd).toBeCloseTo(0.941029, 5);
    expect(lo).toBeCloseTo(-0.5444, 4);
    expect(hi).toBeCloseTo(0.9023, 4);
  });

  it('the page computation gives the same numbers and says it is not distinguishable from zero', () => {
    const c = alphaUncertainty(raw, cells).comparisons[0]!;
    expect(c.label).toBe('두 교사 α 0.9 · WRN16-3 − 두 교사 α 0.7 · WRN16-3');
    for (let s = 0; s < 9; s++) expect(c.d.diffs[s]).toBeCloseTo(d[s]!, 9);
    expect(c.d.mean).toBeCloseTo(mean, 6);
    expect(c.d.sd).toBeCloseTo(sd, 6);
    expect(c.d.se).toBeCloseTo(se, 6);
    expect(c.d.lo).toBeCloseTo(lo, 5);
    expect(c.d.hi).toBeCloseTo(hi, 5);
    expect(c.d.distinguishable).toBe(false);
    expect(c.sentence).toBe(
      '두 교사 α 0.9 · WRN16-3 − 두 교사 α 0.7 · WRN16-3: 피험자별 차이의 평균 +0.18 %p, 95 % 구간 [−0.54, +0.90] %p — 95 % 구간이 0을 포함하므로 피험자 9명 기준으로 0과 구별되지 않습니다.',
    );
  });
});

describe('subject-level summaries', () => {
  it('the mean over subjects equals the sheet mean (mean3_se: 27 runs, 3 per fold) and SE = √3 × the sheet std', () => {
    for (const s of alphaUncertainty(raw, cells).settings.filter((x) => x.sheet?.rule === 'mean3_se')) {
      // the sheet truncates to 4 decimals and its std to 2
      expect(Math.abs(s.summary.mean - Number(s.sheet!.mean))).toBeLessThan(1e-4);
      expect(s.summary.se / Math.sqrt(3)).toBeGreaterThanOrEqual(Number(s.sheet!.std));
      expect(s.summary.se / Math.sqrt(3)).toBeLessThan(Number(s.sheet!.std) + 0.01);
    }
  });

  it('a verdict flips with the data: a constant shift is distinguishable, noise around 0 is not', () => {
    const base = [80, 90, 70, 85, 95, 60, 75, 88, 100];
    expect(
      pairedDifference(
        base,
        base.map((x, i) => x + 1 + (i % 2) * 0.1),
      ).distinguishable,
    ).toBe(true);
    expect(
      pairedDifference(
        base,
        base.map((x, i) => x + (i % 2 ? 1 : -1)),
      ).distinguishable,
    ).toBe(false);
    expect(() => pairedDifference([1, 2], [1, 2, 3])).toThrow();
    expect(summarizeSubjects([1, 2, 3]).t).toBeCloseTo(4.302653, 5);
  });

  it('λ page: three λ × four teachers + their averages, three paired comparisons of the averages', () => {
    const u = lambdaUncertainty(raw, cells);
    expect(u.settings).toHaveLength(15);
    expect(u.comparisons.map((c) => c.label)).toEqual([
      'λ 0.99 (교사 구조 4개 평균) − λ 0.7 (교사 구조 4개 평균)',
      'λ 0.99 (교사 구조 4개 평균) − λ 0.9 (교사 구조 4개 평균)',
      'λ 0.9 (교사 구조 4개 평균) − λ 0.7 (교사 구조 4개 평균)',
    ]);
  });
});

describe('the English edition says the same numbers in English (issue #23)', () => {
  const ko = alphaUncertainty(raw, cells, 'ko');
  const en = alphaUncertainty(raw, cells, 'en');

  it('same settings, same numbers; labels and notes in English, differences in pp', () => {
    expect(en.settings.map((s) => s.summary)).toEqual(ko.settings.map((s) => s.summary));
    expect(en.comparisons.map((c) => c.d)).toEqual(ko.comparisons.map((c) => c.d));
    expect(en.comparisons[0]!.sentence).toBe(
      'two teachers, α 0.9 · WRN16-3 − two teachers, α 0.7 · WRN16-3: mean per-subject difference +0.18 pp, 95 % interval [−0.54, +0.90] pp — the interval includes 0, so with 9 subjects the difference cannot be told apart from zero.',
    );
    for (const s of [...en.settings.flatMap((x) => [x.label, x.trialsNote]), ...en.comparisons.map((c) => c.sentence)])
      expect(s, s).not.toMatch(/[\p{Script=Hangul}]|%p/u);
  });

  it('a distinguishable difference gets the English verdict too', () => {
    const both = [...alphaUncertainty(raw, cells, 'en').comparisons, ...lambdaUncertainty(raw, cells, 'en').comparisons];
    const yes = both.filter((c) => c.d.distinguishable);
    expect(yes.length).toBeGreaterThan(0);
    for (const c of yes)
      expect(c.sentence).toMatch(/the interval excludes 0, so with 9 subjects the difference is distinguishable from zero\.$/);
    for (const c of both.filter((x) => !x.d.distinguishable)) expect(c.sentence).toMatch(/cannot be told apart from zero\.$/);
    expect(lambdaUncertainty(raw, cells, 'en').comparisons[0]!.label).toBe(
      'λ 0.99 (mean of the 4 teacher architectures) − λ 0.7 (mean of the 4 teacher architectures)',
    );
  });
});
