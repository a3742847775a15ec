/** Pure parts of the KD run: config validation, cache keys, worker messages, confusion matrix. */
import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG, parseConfig, phaseCacheKey } from '@demos/kd/run/config';
import { FromWorkerSchema, ToWorkerSchema } from '@demos/kd/run/protocol';
import { formatZodError } from '@demos/shared/zod-error';
import { accuracyOf, confusionMatrix, recallPerClass } from '@demos/kd/run/confusion';

describe('run config', () => {
  it('accepts the default and names the bad field otherwise', () => {
    expect(parseConfig(DEFAULT_CONFIG).ok).toBe(true);
    const bad = parseConfig({ ...DEFAULT_CONFIG, alpha: 1.5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('alpha');
    const nan = parseConfig({ ...DEFAULT_CONFIG, epochs: Number.NaN });
    expect(nan.ok).toBe(false);
  });

  it('teacher cache keys ignore α, λ, T but not arch, epochs, GAF size, fold, data', () => {
    const k = (
      over: Partial<typeof DEFAULT_CONFIG>,
      phase: 'teacher-gaf' | 'teacher-signal' | 'student-ce' = 'teacher-gaf',
      data = 'excerpt:1',
    ) => phaseCacheKey(phase, data, { ...DEFAULT_CONFIG, ...over });
    expect(k({ alpha: 0.1, lambda: 0.5, temperature: 2 })).toBe(k({}));
    for (const over of [{ teacherArch: 'wrn16-3' as const }, { epochs: 3 }, { gafSize: 32 }, { testSubject: 102 }])
      expect(k(over)).not.toBe(k({}));
    expect(k({}, 'teacher-gaf', 'upload:2')).not.toBe(k({}));
    // GAF size does not concern the signal teacher; the CE student ignores the teacher choice.
    expect(k({ gafSize: 32 }, 'teacher-signal')).toBe(k({}, 'teacher-signal'));
    expect(k({ teacherArch: 'wrn28-3' }, 'student-ce')).toBe(k({}, 'student-ce'));
    expect(phaseCacheKey('student-kd', 'excerpt:1', DEFAULT_CONFIG)).toBe('');
  });
});

describe('worker protocol', () => {
  it('accepts valid messages both ways and names the bad field of a malformed one', () => {
    expect(
      FromWorkerSchema.safeParse({ type: 'epoch', phase: 'student-kd', epoch: 1, trainLoss: 0.5, testAcc: 40, fit: null }).success,
    ).toBe(true);
    const bad = FromWorkerSchema.safeParse({ type: 'epoch', phase: 'student-kd', epoch: 1, trainLoss: Number.NaN, testAcc: 40, fit: null });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(formatZodError(bad.error)).toContain('trainLoss');
    expect(FromWorkerSchema.safeParse({ type: 'nope' }).success).toBe(false);
    expect(ToWorkerSchema.safeParse({ type: 'start', config: DEFAULT_CONFIG }).success).toBe(true);
    expect(ToWorkerSchema.safeParse({ type: 'start', config: { ...DEFAULT_CONFIG, gafSize: 2 } }).success).toBe(false);
    expect(ToWorkerSchema.safeParse({ type: 'compare-alphas', config: DEFAULT_CONFIG, alphas: [0, 0.5, 1] }).success).toBe(true);
    expect(ToWorkerSchema.safeParse({ type: 'compare-alphas', config: DEFAULT_CONFIG, alphas: [1.5] }).success).toBe(false);
  });
});

describe('confusion matrix', () => {
  it('counts rows = truth, columns = prediction', () => {
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(accuracyOf(m)).toBeCloseTo((4 / 6) * 100, 10);
    recallPerClass(m).forEach((v, i) => expect(v).toBeCloseTo([50, 100, 200 / 3][i]!, 10));
    expect(Number.isNaN(accuracyOf(confusionMatrix([], [], 3)))).toBe(true);
    expect(() => confusionMatrix([3], [0], 3)).toThrow(/out of range/);
  });
});
