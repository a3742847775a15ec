/**
 * The KD page's measured backend choice (demos/kd/run/calibrate.ts): the fastest measured
 * candidate wins, ties go to the first listed (wasm), an unmeasurable candidate never wins, and
 * the sentence beside the badge says what was measured, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { CalibrationSchema, chooseMeasured, measuredSummary, type Calibration } from '@demos/kd/run/calibrate';
import { CALIBRATION_STRINGS } from '@src/islands/kd/strings-calibration';

describe('chooseMeasured', () => {
  it('picks the fastest ms/step', () => {
    expect(
      chooseMeasured([
        { backend: 'wasm', msPerStep: 3.1, why: null },
        { backend: 'webgpu', msPerStep: 41, why: null },
      ]),
    ).toBe('wasm');
    expect(
      chooseMeasured([
        { backend: 'wasm', msPerStep: 30, why: null },
        { backend: 'webgpu', msPerStep: 4.5, why: null },
      ]),
    ).toBe('webgpu');
  });
  it('keeps the first on a tie and skips what could not be measured', () => {
    expect(
      chooseMeasured([
        { backend: 'wasm', msPerStep: 5, why: null },
        { backend: 'webgpu', msPerStep: 5, why: null },
      ]),
    ).toBe('wasm');
    expect(
      chooseMeasured([
        { backend: 'wasm', msPerStep: 50, why: null },
        { backend: 'webgpu', msPerStep: null, why: 'device lost' },
      ]),
    ).toBe('wasm');
    expect(chooseMeasured([{ backend: 'webgpu', msPerStep: Number.NaN, why: null }])).toBeNull();
    expect(chooseMeasured([])).toBeNull();
  });
});

describe('the measured sentence', () => {
  const c: Calibration = {
    chosen: 'wasm',
    measured: [
      { backend: 'wasm', msPerStep: 3.14, why: null },
      { backend: 'webgpu', msPerStep: 41.02, why: null },
    ],
    totalMs: 612,
  };
  it('says what it measured, in both languages', () => {
    expect(CalibrationSchema.parse(c)).toEqual(c);
    expect(CALIBRATION_STRINGS.en.measured(c)).toBe('wasm — 3.1 ms/step vs webgpu 41.0 ms/step [measured on this machine in 0.6 s]');
    expect(CALIBRATION_STRINGS.ko.measured(c)).toContain('wasm — 학습 한 단계 3.1 ms, webgpu 41.0 ms [측정');
    expect(measuredSummary(c)).toBe('wasm 3.1 ms/step · webgpu 41.0 ms/step [measured]');
  });
  it('names a candidate that could not be measured', () => {
    const one: Calibration = { ...c, measured: [c.measured[0]!, { backend: 'webgpu', msPerStep: null, why: 'no adapter' }] };
    expect(CALIBRATION_STRINGS.en.measured(one)).toContain('webgpu: not measurable');
    expect(CALIBRATION_STRINGS.ko.measured(one)).toContain('webgpu: 측정 불가');
  });
});
