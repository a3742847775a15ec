/**
 * The KD island's reducer (src/islands/kd/state.ts) without a DOM: worker messages and page
 * actions in, state out — a run's life, the α comparison, cancel, errors, data replacement,
 * and the slices a view skips (unchanged references).
 */
import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG } from '@demos/kd/run/config';
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import type { FromWorker, PhaseResult } from '@demos/kd/run/protocol';
import { initialState, reduce, type Action, type KdState } from '@src/islands/kd/state';

const fit = { agreeGaf: 50, agreeSig: 60, klGaf: 0.1, klSig: 0.05, followGaf: 25, followSig: 75, disagree: 4 };
const result = (phase: Phase, origin: PhaseResult['origin'] = 'trained'): PhaseResult => ({
  phase,
  bestAcc: 60,
  lastAcc: 55,
  bestEpoch: 2,
  confusion: [
    [1, 0],
    [1, 2],
  ],
  curve: [
    { epoch: 1, trainLoss: 2, testAcc: 40 },
    { epoch: 2, trainLoss: 1, testAcc: 60 },
  ],
  fit: phase === 'student-kd' ? [{ epoch: 1, ...fit }] : [],
  testLogits: [0.1, 0.2],
  trainAcc: 70,
  ms: 1200,
  origin,
  trainWindows: 26,
  testWindows: 13,
});
const summary = {
  label: 'x',
  source: 'excerpt' as const,
  dataId: 'excerpt:1',
  sha256: 'a'.repeat(64),
  windows: 39,
  subjects: [{ id: 101, windows: 39, classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
  classCounts: new Array(12).fill(3),
  rows: 1,
  files: [],
};
const run = (...as: Action[]): KdState => as.reduce(reduce, initialState);
const counts = Object.fromEntries(PHASES.map((p) => [p, 1])) as Record<Phase, number>;

describe('KD island reducer', () => {
  it('a run: start → phases with steps and epochs → done, with counts and the status line', () => {
    const ready = run({ type: 'data-ready', summary, preview: null });
    expect(ready.busy).toBe('none');
    const s1 = reduce(ready, { type: 'ui-start', config: DEFAULT_CONFIG });
    expect(s1.busy).toBe('run');
    const s2 = [
      { type: 'phase-start', phase: 'student-kd', trainWindows: 26, testWindows: 13 },
      { type: 'step', phase: 'student-kd', epoch: 1, step: 2, steps: 4, loss: 1.5 },
      { type: 'epoch', phase: 'student-kd', epoch: 1, trainLoss: 1.4, testAcc: 40, fit },
    ].reduce((s, a) => reduce(s, a as FromWorker), s1);
    expect(s2.running).toEqual(['student-kd']);
    expect(s2.curves['student-kd']).toEqual({
      key: 1,
      epochs: DEFAULT_CONFIG.epochs,
      losses: [{ x: 0.5, loss: 1.5 }],
      acc: [{ epoch: 1, testAcc: 40 }],
      fit: [{ epoch: 1, ...fit }],
    });
    expect(s2.status).toContain(`에폭 1/${DEFAULT_CONFIG.epochs}`);
    const s3 = reduce(s2, { type: 'phase-done', result: result('student-kd') });
    expect(s3.results['student-kd']?.lastAcc).toBe(55);
    expect(s3.curves['student-kd']).toBe(s2.curves['student-kd']); // trained now: the live curve stays
    const s4 = reduce(reduce(s3, { type: 'trained-count', counts }), { type: 'run-done', results: [result('student-kd')] });
    expect(s4).toMatchObject({ busy: 'none', done: true, counts });
    expect(s4.status).toContain('55.0%');
  });

  it('a phase from the cache draws the curve it was trained with', () => {
    const s = run(
      { type: 'ui-start', config: DEFAULT_CONFIG },
      { type: 'phase-start', phase: 'teacher-gaf', trainWindows: 1, testWindows: 1 },
      { type: 'phase-done', result: result('teacher-gaf', 'cache') },
    );
    expect(s.curves['teacher-gaf']?.acc).toEqual(result('teacher-gaf').curve);
    expect(s.curves['teacher-gaf']?.losses.map((p) => p.loss)).toEqual([2, 1]);
    expect(s.curves['teacher-gaf']?.key).toBe(2); // a new curve: the view re-frames its panel
  });

  it('the α comparison keeps the run, reports progress and its points', () => {
    const base = run(
      { type: 'data-ready', summary, preview: null },
      { type: 'ui-start', config: DEFAULT_CONFIG },
      { type: 'phase-done', result: result('teacher-gaf') },
      { type: 'run-done', results: [] },
    );
    const c = reduce(base, { type: 'ui-compare', config: DEFAULT_CONFIG });
    expect(c.busy).toBe('compare');
    const p = reduce(c, { type: 'alpha-progress', alpha: 0.5, epoch: 3, epochs: 10 });
    expect(p.status).toContain('α = 0.5');
    const points = [0, 0.5, 1].map((alpha) => ({ alpha, lastAcc: 50, confusion: [[1]], fit }));
    const d = reduce(p, { type: 'alpha-done', points });
    expect(d.alpha.points).toEqual(points);
    expect(d.results).toBe(base.results); // the run's results untouched
    expect(d.busy).toBe('none');
  });

  it('new data clears results; a bad file keeps the old data; cancel and error end the job', () => {
    const withRun = run(
      { type: 'data-ready', summary, preview: null },
      { type: 'ui-start', config: DEFAULT_CONFIG },
      { type: 'phase-done', result: result('teacher-gaf') },
    );
    const bad = reduce(withRun, { type: 'data-error', message: 'subject.dat:3: 53 columns' });
    expect(bad.data).toBe(withRun.data);
    expect(bad.dataError).toContain('53 columns');
    expect(bad.status).toContain('이전 데이터');
    expect(reduce(withRun, { type: 'data-ready', summary: { ...summary, dataId: 'upload:2' }, preview: null }).results).toEqual({});
    const cancelled = reduce(withRun, { type: 'cancelled', phase: 'teacher-signal' });
    expect(cancelled.busy).toBe('none');
    expect(cancelled.status).toContain('취소');
    const failed = reduce(withRun, { type: 'error', message: 'boom' });
    expect(failed).toMatchObject({ busy: 'none', error: 'boom' });
  });

  it('leaves untouched slices with the same reference (what lets the view skip them)', () => {
    const s = run(
      { type: 'data-ready', summary, preview: null },
      { type: 'ui-start', config: DEFAULT_CONFIG },
      { type: 'phase-start', phase: 'teacher-gaf', trainWindows: 1, testWindows: 1 },
    );
    const t = reduce(s, { type: 'step', phase: 'teacher-gaf', epoch: 1, step: 1, steps: 2, loss: 1 });
    expect(t.results).toBe(s.results);
    expect(t.fold).toBe(s.fold);
    expect(t.curves).not.toBe(s.curves);
    // A step for a phase without a curve changes nothing.
    expect(reduce(s, { type: 'step', phase: 'student-ce', epoch: 1, step: 1, steps: 2, loss: 1 })).toBe(s);
  });
});
