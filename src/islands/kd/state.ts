/**
 * The KD island's state and its reducer: worker messages and page actions in, a new state
 * out. Pure (no DOM, no worker): unit-tested in Node (test/unit/kd-island-state.test.ts).
 * Updates are immutable per slice, so a view can skip a slice whose reference is unchanged.
 */
import { PHASES, type Phase } from '@demos/kd/experiment/phases';
import { S } from './strings';
import type { Action, Curve, KdState } from './state-types';

export type { Action, KdState } from './state-types';

const zeroCounts = (): Record<Phase, number> => Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;

/** No run on the current data: what a new data set resets (results of other data no longer apply). Never mutated. */
const NO_RUN = {
  progress: null,
  fold: null,
  config: null,
  results: {},
  curves: {},
  running: [],
  done: false,
  alpha: { config: null, points: null, at: null },
} satisfies Partial<KdState>;

export const initialState: KdState = {
  status: S.preparing,
  busy: 'data',
  runtime: null,
  lanes: null,
  data: null,
  preview: null,
  dataError: null,
  ...NO_RUN,
  error: null,
  counts: zeroCounts(),
  memory: null,
  fullData: undefined,
  debug: null,
  seq: 0,
};

function withCurve(s: KdState, p: Phase, f: (c: Curve) => Curve): KdState {
  const c = s.curves[p];
  return c ? { ...s, curves: { ...s.curves, [p]: f(c) } } : s;
}

type PhaseAction = Extract<Action, { type: 'phase-start' | 'step' | 'epoch' | 'phase-done' }>;

/** A phase's life (start, steps, epochs, done): its curve and result. */
function reducePhase(s: KdState, a: PhaseAction): KdState {
  switch (a.type) {
    case 'phase-start': {
      const { [a.phase]: _, ...results } = s.results;
      const curve: Curve = { key: s.seq + 1, epochs: s.config?.epochs ?? 1, losses: [], acc: [], fit: [] };
      return {
        ...s,
        seq: s.seq + 1,
        results,
        running: [...s.running.filter((p) => p !== a.phase), a.phase],
        curves: { ...s.curves, [a.phase]: curve },
        status: S.phaseStart(a.phase, a.trainWindows, a.testWindows),
      };
    }
    case 'step':
      return withCurve(s, a.phase, (c) => ({ ...c, losses: [...c.losses, { x: a.epoch - 1 + a.step / a.steps, loss: a.loss }] }));
    case 'epoch': {
      const next = withCurve(s, a.phase, (c) => ({
        ...c,
        acc: [...c.acc, { epoch: a.epoch, testAcc: a.testAcc }],
        fit: a.fit ? [...c.fit, { epoch: a.epoch, ...a.fit }] : c.fit,
      }));
      return { ...next, status: S.epoch(a.phase, a.epoch, s.config?.epochs ?? a.epoch, a.trainLoss, a.testAcc) };
    }
    case 'phase-done': {
      const r = a.result;
      // Phases not trained now (memory, cache, checkpoint) draw the curve they were trained with.
      const curve: Curve =
        s.curves[r.phase] && r.origin === 'trained'
          ? s.curves[r.phase]!
          : {
              key: s.seq + 1,
              epochs: Math.max(1, r.curve.length),
              losses: r.curve.map((p) => ({ x: p.epoch, loss: p.trainLoss })),
              acc: r.curve,
              fit: r.fit,
            };
      return {
        ...s,
        seq: s.seq + 1,
        running: s.running.filter((p) => p !== r.phase),
        results: { ...s.results, [r.phase]: r },
        curves: { ...s.curves, [r.phase]: curve },
      };
    }
  }
}

export function reduce(s: KdState, a: Action): KdState {
  switch (a.type) {
    case 'runtime': {
      const { type: _, ...runtime } = a;
      return { ...s, runtime, status: a.deviceLost ? S.deviceLostStatus(a.info.backend) : s.status };
    }
    case 'lanes':
      return { ...s, lanes: { workers: a.workers, why: a.why } };
    case 'ui-loading':
      return { ...s, busy: 'data', status: S.reading(a.what) };
    case 'ui-status':
      return { ...s, status: a.text };
    case 'data-progress':
      return { ...s, progress: a.total > 0 ? a.done / a.total : 0, status: S.readingBytes(a.file, a.done, a.total) };
    case 'data-ready':
      // Results of other data no longer apply.
      return {
        ...s,
        busy: 'none',
        data: a.summary,
        preview: a.preview,
        dataError: null,
        ...NO_RUN,
        status: S.dataReady,
      };
    case 'data-error':
      return { ...s, busy: 'none', progress: null, dataError: a.message, status: s.data ? S.dataErrorKeep(s.data.label) : S.dataErrorNone };
    case 'checkpoints-ready':
      return { ...s, status: S.checkpointsReady(a.names) };
    case 'ui-start':
      return { ...s, busy: 'run', config: a.config, done: false, error: null, status: S.starting };
    case 'fold-info': {
      const { type: _, ...fold } = a;
      return { ...s, fold };
    }
    case 'phase-start':
    case 'step':
    case 'epoch':
    case 'phase-done':
      return reducePhase(s, a);
    case 'run-done':
      return { ...s, busy: 'none', done: true, running: [], status: S.runDone(a.results) };
    case 'ui-compare':
      return { ...s, busy: 'compare', alpha: { config: a.config, points: null, at: null }, status: S.compareStart };
    case 'alpha-progress':
      return {
        ...s,
        alpha: { ...s.alpha, at: { alpha: a.alpha, epoch: a.epoch, epochs: a.epochs } },
        status: S.compareProgress(a.alpha, a.epoch, a.epochs),
      };
    case 'alpha-done':
      return { ...s, busy: 'none', alpha: { ...s.alpha, points: a.points, at: null }, status: S.compareDone };
    case 'cancelled':
      return { ...s, busy: 'none', running: [], status: S.cancelled(a.phase) };
    case 'trained-count':
      return { ...s, counts: { ...zeroCounts(), ...a.counts } };
    case 'memory': {
      const { type: _, ...memory } = a;
      return { ...s, memory };
    }
    case 'full-data':
      return { ...s, fullData: a.description };
    case 'notice':
      return { ...s, status: a.message };
    case 'debug-steps': {
      const { type: _, ...debug } = a;
      return { ...s, debug };
    }
    case 'error':
      return { ...s, busy: 'none', running: [], error: a.message, status: S.error(a.message) };
  }
}
