import { describe, expect, it } from 'vitest';
import { compare, compareStudents, verdictOf } from '@demos/kd/story/verdict';
import { conclusionKey, signedPoints, storySentence } from '@demos/kd/story/sentence';
import { SENTENCE_WORDS } from '@src/islands/kd-story/strings';

/** Seeds with the given macro-F1 per model (accuracy is not read by the verdict). */
const seeds = (alone: number[], ls: number[], kd: number[]) =>
  kd.map((v, i) => ({
    scores: {
      teacher: { accuracy: 0.9, macroF1: 0.9 },
      alone: { accuracy: alone[i]!, macroF1: alone[i]! },
      ls: { accuracy: ls[i]!, macroF1: ls[i]! },
      kd: { accuracy: v, macroF1: v },
    },
  }));

describe('the KD story sentence follows the numbers', () => {
  it('beats both: every seed well ahead of the student alone and of the control', () => {
    const c = compareStudents(seeds([0.57, 0.58, 0.58, 0.59, 0.53], [0.54, 0.54, 0.57, 0.61, 0.48], [0.78, 0.8, 0.81, 0.82, 0.78]));
    expect(c.vsAlone.verdict).toBe('better');
    expect(c.vsLs.verdict).toBe('better');
    expect(c.vsAlone.wins).toBe(5);
    const s = storySentence(c, SENTENCE_WORDS);
    expect(s).toContain('혼자 배운 학생보다 +22.8점 높고');
    expect(s).toContain('시드 5개 중 5개에서 앞섬');
    expect(s).toContain(SENTENCE_WORDS.conclusion['beats-both']);
  });

  it('no clear difference against the control (the lab setting shape): the gain may be just soft targets', () => {
    const c = compareStudents(seeds([0.71, 0.78, 0.75, 0.78, 0.7], [0.77, 0.81, 0.86, 0.83, 0.77], [0.79, 0.81, 0.81, 0.84, 0.81]));
    expect(c.vsAlone.verdict).toBe('better');
    expect(c.vsLs.verdict).toBe('unclear');
    const s = storySentence(c, SENTENCE_WORDS);
    expect(s).toContain('레이블 스무딩 대조군 대비');
    expect(s).toContain('0을 포함해 시드 간 흩어짐과 구별되지 않습니다');
    expect(s).toContain(SENTENCE_WORDS.conclusion['only-soft-targets']);
    expect(s).not.toContain(SENTENCE_WORDS.conclusion['beats-both']);
  });

  it('no clear difference at all: one seed up, one down', () => {
    const c = compareStudents(seeds([0.6, 0.6, 0.6], [0.6, 0.6, 0.6], [0.65, 0.55, 0.61]));
    expect(c.vsAlone.verdict).toBe('unclear');
    expect(storySentence(c, SENTENCE_WORDS)).toContain(SENTENCE_WORDS.conclusion['no-help']);
  });

  it('worse: distillation below the student alone in every seed', () => {
    const c = compareStudents(seeds([0.8, 0.82, 0.81], [0.8, 0.8, 0.8], [0.7, 0.71, 0.705]));
    expect(c.vsAlone.verdict).toBe('worse');
    const s = storySentence(c, SENTENCE_WORDS);
    expect(s).toContain('혼자 배운 학생보다 10.5점 낮고');
    expect(s).toContain(SENTENCE_WORDS.conclusion.hurts);
  });

  it('a big mean difference inside a wide spread stays unclear (the interval decides, not the mean)', () => {
    const c = compare([0.9, 0.5, 0.95, 0.52], [0.6, 0.6, 0.6, 0.6]);
    expect(c.diff.mean).toBeGreaterThan(0.1);
    expect(c.verdict).toBe('unclear');
  });

  it('one seed never decides', () => {
    expect(verdictOf({ n: 1, mean: 0.3, sd: 0, lo: 0.3, hi: 0.3 })).toBe('unclear');
    expect(conclusionKey('better', 'worse')).toBe('only-soft-targets');
    expect(signedPoints(0.2284)).toBe('+22.8');
    expect(signedPoints(-0.034)).toBe('−3.4');
    expect(signedPoints(0)).toBe('±0.0');
  });
});
