/**
 * Orchestration of the mini KD run: four phases in order —
 *   teacher-gaf (2D WRN on GAF images), teacher-signal (1D WRN on signals),
 *   student-ce (1D WRN16-1, CE only), student-kd (1D WRN16-1, two-teacher KD).
 * Pure: training itself is injected (`PhaseTrainer`), so this runs in the worker, in Node
 * tests and in the bench unchanged.
 *
 * Resume: a `RunSession` keeps every finished phase's model in memory, keyed by the phase's
 * cache key (config.ts). Starting again after a cancel or a config change re-uses what is
 * still valid and trains only the rest; teachers and the CE student are also persisted to a
 * `ModelCache` (IndexedDB in the browser) so a reload does not retrain them.
 * Ownership: the session owns the models it holds and disposes the ones it replaces.
 */
import type { DataId, RunConfig } from './config';
import type { Phase } from '../experiment/phases';
import { phaseCacheKey, splitKey } from './config';
import { PHASES } from '../experiment/phases';
import type { PhaseResult } from './protocol';
import type { TeacherFit } from './agreement';
import { KdRunError } from './errors';

/** epoch is 1-based; accuracies in %. */
interface EpochReport {
  epoch: number;
  trainLoss: number;
  testAcc: number;
}
/**
 * Where one epoch's wall time went, in ms: the SGD steps, precise BN, the held-out evaluation
 * and (KD student) agreement / KL with the teachers from the evaluation's logits. The bench
 * prints it (bench/kd-run-full.ts); the page does not show it.
 */
interface EpochMs {
  train: number;
  bn: number;
  eval: number;
  fit: number;
}
/** Per epoch (KD student only): what it takes from each teacher, on the test windows (agreement.ts). */
export type FitReport = { epoch: number } & TeacherFit;
export interface TrainOutcome {
  curve: EpochReport[];
  fit: FitReport[];
  /** Final model's logits on the test windows, (N_test, K) row-major. */
  testLogits: number[];
  trainAcc: number;
  bestAcc: number;
  bestEpoch: number;
  lastAcc: number;
  confusion: number[][];
}
export interface TrainHooks {
  signal: AbortSignal;
  onEpoch: (r: EpochReport, fit: FitReport | null, ms?: EpochMs) => void;
  onStep: (s: { epoch: number; step: number; steps: number; loss: number }) => void;
}
/** Serialisable weights (structured-clone friendly, for IndexedDB). */
export interface SavedWeights {
  names: string[];
  shapes: number[][];
  data: Float32Array[];
}

export interface PhaseTrainer<M> {
  /** Windows in the fold's train / test split (for the UI and the artifact). */
  sizes(): { train: number; test: number };
  /** Trains `phase`; for student-kd, `teachers` = [gaf, signal] models. Throws AbortError on cancel. */
  train(phase: Phase, config: RunConfig, hooks: TrainHooks, teachers: readonly [M, M] | null): Promise<{ model: M; outcome: TrainOutcome }>;
  /** Evaluates a model (e.g. a loaded checkpoint) on the test split. */
  evaluate(phase: Phase, model: M): Promise<TrainOutcome>;
  save(model: M): Promise<SavedWeights>;
  /** Tensors a live model owns (its variables), for the leak readout. */
  tensorCount(model: M): number;
  load(phase: Phase, config: RunConfig, w: SavedWeights): M;
  dispose(model: M): void;
}

/** Another worker that trains phases for this session (lanes.ts LanePeer). */
export interface PhaseLane {
  /** Trains a phase without teachers there: its weights and outcome. Rejects with an AbortError on cancel. */
  train(phase: Phase, config: RunConfig, hooks: TrainHooks): Promise<{ weights: SavedWeights; outcome: TrainOutcome }>;
}

export interface ModelCache {
  get(key: string): Promise<{ weights: SavedWeights; result: PhaseResult } | undefined>;
  set(key: string, value: { weights: SavedWeights; result: PhaseResult }): Promise<void>;
}

export type RunEvent =
  | { type: 'phase-start'; phase: Phase; trainWindows: number; testWindows: number }
  | { type: 'step'; phase: Phase; epoch: number; step: number; steps: number; loss: number }
  | ({ type: 'epoch'; phase: Phase; fit: FitReport | null; ms?: EpochMs } & EpochReport)
  | { type: 'phase-done'; result: PhaseResult };

interface Held<M> {
  key: string;
  model: M;
  result: PhaseResult;
}

/** One KD student of an α comparison: its final test confusion and what it took from each teacher. */
export interface AlphaPoint {
  alpha: number;
  lastAcc: number;
  confusion: number[][];
  fit: TeacherFit;
}

export class RunSession<M> {
  private held = new Map<Phase, Held<M>>();
  /** How many times each phase was actually trained here (not taken from memory, cache or a checkpoint). */
  readonly trained: Record<Phase, number> = { 'teacher-gaf': 0, 'teacher-signal': 0, 'student-ce': 0, 'student-kd': 0 };
  /** Checkpoint teachers supplied by the reader: [gaf, signal]. */
  private checkpoints: readonly [M, M] | null = null;

  constructor(
    private readonly trainer: PhaseTrainer<M>,
    private readonly dataId: DataId,
    private readonly cache: ModelCache | null,
  ) {}

  setCheckpoints(models: readonly [M, M]): void {
    if (this.checkpoints) this.checkpoints.forEach((m) => this.trainer.dispose(m));
    this.checkpoints = models;
    for (const p of ['teacher-gaf', 'teacher-signal', 'student-kd'] as const) this.drop(p);
  }

  hasCheckpoints(): boolean {
    return this.checkpoints !== null;
  }

  /**
   * Another worker to train with (lanes.ts), or null: it trains the GAF teacher while this one
   * trains the signal teacher and the CE student. The results are the same.
   */
  setLane(lane: PhaseLane | null): void {
    this.lane = lane;
  }
  private lane: PhaseLane | null = null;

  /** Runs the phases not already valid for `config`; resolves with all four results. */
  async run(config: RunConfig, signal: AbortSignal, emit: (e: RunEvent) => void): Promise<PhaseResult[]> {
    if (config.teachers === 'checkpoint' && !this.checkpoints) throw new KdRunError('no-checkpoints');
    // A failure here stops the other lane's phase too.
    const ctl = new AbortController();
    const stop = (): void => ctl.abort(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    try {
      const elsewhere = await this.trainElsewhere('teacher-gaf', config, ctl.signal, emit);
      for (const phase of PHASES) {
        if (phase === 'teacher-gaf' && elsewhere) continue;
        if (phase === 'student-kd' && elsewhere) {
          await elsewhere.done; // the KD student needs both teachers
          await this.ensure('teacher-gaf', config, ctl.signal, emit); // held unless the other lane failed
        }
        await this.ensure(phase, config, ctl.signal, emit);
      }
      return PHASES.map((p) => this.held.get(p)!.result);
    } catch (e) {
      ctl.abort(e);
      throw e;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  /** Makes `phase` held and valid for `config`: from memory, or obtained (checkpoint, cache, training here). */
  private async ensure(phase: Phase, config: RunConfig, signal: AbortSignal, emit: (e: RunEvent) => void): Promise<void> {
    signal.throwIfAborted();
    const key = this.keyOf(phase, config);
    if (this.held.get(phase)?.key === key) return;
    this.drop(phase);
    const sizes = this.trainer.sizes();
    emit({ type: 'phase-start', phase, trainWindows: sizes.train, testWindows: sizes.test });
    const t0 = performance.now();
    const got = await this.obtain(phase, config, key, signal, emit);
    const result: PhaseResult = { ...got.result, ms: got.result.origin === 'trained' ? performance.now() - t0 : got.result.ms };
    this.held.set(phase, { key, model: got.model, result });
    emit({ type: 'phase-done', result });
  }

  /**
   * Starts training `phase` on the other lane when there is one and the phase must be trained
   * (not held, cached or a checkpoint). Resolves (once started) with `done`, which settles
   * when the phase is held, or when the other lane failed (run() then trains it here).
   */
  private async trainElsewhere(
    phase: 'teacher-gaf',
    config: RunConfig,
    signal: AbortSignal,
    emit: (e: RunEvent) => void,
  ): Promise<{ done: Promise<void> } | null> {
    const lane = this.lane;
    const key = this.keyOf(phase, config);
    if (!lane || config.teachers === 'checkpoint' || this.held.get(phase)?.key === key) return null;
    const persistent = phaseCacheKey(phase, this.dataId, config) !== '';
    if (persistent && this.cache && (await this.cache.get(key).catch(() => undefined))) return null;
    this.drop(phase);
    const sizes = this.trainer.sizes();
    emit({ type: 'phase-start', phase, trainWindows: sizes.train, testWindows: sizes.test });
    const t0 = performance.now();
    const done = lane
      .train(phase, config, {
        signal,
        onEpoch: (r, fit, ms) => emit({ type: 'epoch', phase, ...r, fit, ...(ms ? { ms } : {}) }),
        onStep: (s) => emit({ type: 'step', phase, ...s }),
      })
      .then(
        async ({ weights, outcome }) => {
          const model = this.trainer.load(phase, config, weights);
          this.trained[phase]++;
          const result: PhaseResult = { phase, trainWindows: sizes.train, testWindows: sizes.test, ...outcome, origin: 'trained', ms: 0 };
          if (persistent && this.cache) await this.cache.set(key, { weights, result }).catch(() => {});
          result.ms = performance.now() - t0;
          this.held.set(phase, { key, model, result });
          emit({ type: 'phase-done', result });
        },
        (e: unknown) => {
          if (signal.aborted) throw e;
          this.lane = null; // the other worker failed: run() trains the phase here, and the rest too
        },
      );
    done.catch(() => {}); // awaited by run(); a failure of this lane's phases first leaves it unawaited
    return { done }; // wrapped: an async function would wait for a promise it returns
  }

  /** The KD student depends on both teachers and on α, λ, T; the other phases on their cache key. */
  private keyOf(p: Phase, config: RunConfig): string {
    return p === 'student-kd'
      ? `kd|${this.keyOf('teacher-gaf', config)}|${this.keyOf('teacher-signal', config)}|${this.keyOf('student-ce', config)}|a${config.alpha}|l${config.lambda}|T${config.temperature}`
      : `${p}|${config.teachers}|${phaseCacheKey(p, this.dataId, config) || `${this.dataId}|${splitKey(config)}`}`;
  }

  /**
   * The α comparison: re-trains only the KD student, once per α, with the teachers this session
   * already holds for `config` (never re-trains them; throws when they are missing: run first).
   * The students are measured and freed; the held KD student stays.
   */
  async compareAlphas(
    config: RunConfig,
    alphas: readonly number[],
    signal: AbortSignal,
    emit: (alpha: number, e: RunEvent) => void,
  ): Promise<AlphaPoint[]> {
    const teachers = (['teacher-gaf', 'teacher-signal'] as const).map((p) => {
      const h = this.held.get(p);
      if (!h || h.key !== this.keyOf(p, config)) throw new KdRunError('no-teachers');
      return h.model;
    }) as [M, M];
    const points: AlphaPoint[] = [];
    for (const alpha of alphas) {
      signal.throwIfAborted();
      const c = { ...config, alpha };
      const phase = 'student-kd';
      const { model, outcome } = await this.trainer.train(
        phase,
        c,
        {
          signal,
          onEpoch: (r, fit) => emit(alpha, { type: 'epoch', phase, ...r, fit }),
          onStep: (s) => emit(alpha, { type: 'step', phase, ...s }),
        },
        teachers,
      );
      this.trained[phase]++;
      this.trainer.dispose(model);
      const fit = outcome.fit.at(-1);
      if (!fit) throw new Error('α comparison: the student reported no epoch');
      points.push({ alpha, lastAcc: outcome.lastAcc, confusion: outcome.confusion, fit });
    }
    return points;
  }

  private async obtain(
    phase: Phase,
    config: RunConfig,
    key: string,
    signal: AbortSignal,
    emit: (e: RunEvent) => void,
  ): Promise<{ model: M; result: PhaseResult }> {
    const sizes = this.trainer.sizes();
    const base = { phase, trainWindows: sizes.train, testWindows: sizes.test, ms: 0 };
    if (config.teachers === 'checkpoint' && this.checkpoints && (phase === 'teacher-gaf' || phase === 'teacher-signal')) {
      const model = this.checkpoints[phase === 'teacher-gaf' ? 0 : 1];
      const o = await this.trainer.evaluate(phase, model);
      // The session keeps the checkpoint itself; held entries for it are never disposed separately.
      return { model, result: { ...base, ...o, origin: 'checkpoint' } };
    }
    const persistent = phaseCacheKey(phase, this.dataId, config) !== '';
    if (persistent && this.cache) {
      const hit = await this.cache.get(key).catch(() => undefined);
      if (hit) return { model: this.trainer.load(phase, config, hit.weights), result: { ...hit.result, origin: 'cache' } };
    }
    const teachers = phase === 'student-kd' ? this.teacherModels() : null;
    const { model, outcome } = await this.trainer.train(
      phase,
      config,
      {
        signal,
        onEpoch: (r, fit, ms) => emit({ type: 'epoch', phase, ...r, fit, ...(ms ? { ms } : {}) }),
        onStep: (s) => emit({ type: 'step', phase, ...s }),
      },
      teachers,
    );
    this.trained[phase]++;
    const result: PhaseResult = { ...base, ...outcome, origin: 'trained' };
    if (persistent && this.cache) {
      const weights = await this.trainer.save(model);
      await this.cache.set(key, { weights, result }).catch(() => {
        /* quota / private mode: run on without caching */
      });
    }
    return { model, result };
  }

  private teacherModels(): readonly [M, M] {
    const g = this.held.get('teacher-gaf'),
      s = this.held.get('teacher-signal');
    if (!g || !s) throw new Error('teachers missing before the KD phase');
    return [g.model, s.model];
  }

  private drop(phase: Phase): void {
    const h = this.held.get(phase);
    if (!h) return;
    const isCheckpoint = this.checkpoints?.includes(h.model) ?? false;
    if (!isCheckpoint) this.trainer.dispose(h.model);
    this.held.delete(phase);
  }

  /** Tensors owned by the models this session holds (each model counted once). */
  heldTensors(): number {
    const models = new Set<M>([...this.held.values()].map((h) => h.model));
    this.checkpoints?.forEach((m) => models.add(m));
    let n = 0;
    models.forEach((m) => {
      n += this.trainer.tensorCount(m);
    });
    return n;
  }

  /** Frees every model (and the checkpoints). */
  dispose(): void {
    for (const p of PHASES) this.drop(p);
    if (this.checkpoints) this.checkpoints.forEach((m) => this.trainer.dispose(m));
    this.checkpoints = null;
  }
}
