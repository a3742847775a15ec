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
import type { DataId, Phase, RunConfig } from './config';
import { PHASES, phaseCacheKey, splitKey } from './config';
import type { PhaseResult } from './protocol';

/** epoch is 1-based; accuracies in %. */
export interface EpochReport { epoch: number; trainLoss: number; testAcc: number }
export interface TrainOutcome {
  curve: EpochReport[];
  trainAcc: number;
  bestAcc: number;
  bestEpoch: number;
  lastAcc: number;
  confusion: number[][];
}
export interface TrainHooks {
  signal: AbortSignal;
  onEpoch: (r: EpochReport) => void;
  onStep: (s: { epoch: number; step: number; steps: number; loss: number }) => void;
}
/** Serialisable weights (structured-clone friendly, for IndexedDB). */
export interface SavedWeights { names: string[]; shapes: number[][]; data: Float32Array[] }

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

export interface ModelCache {
  get(key: string): Promise<{ weights: SavedWeights; result: PhaseResult } | undefined>;
  set(key: string, value: { weights: SavedWeights; result: PhaseResult }): Promise<void>;
}

export type RunEvent =
  | { type: 'phase-start'; phase: Phase; trainWindows: number; testWindows: number }
  | { type: 'step'; phase: Phase; epoch: number; step: number; steps: number; loss: number }
  | { type: 'epoch'; phase: Phase } & EpochReport
  | { type: 'phase-done'; result: PhaseResult };

interface Held<M> { key: string; model: M; result: PhaseResult }

export class RunSession<M> {
  private held = new Map<Phase, Held<M>>();
  /** Checkpoint teachers supplied by the reader: [gaf, signal]. */
  private checkpoints: readonly [M, M] | null = null;

  constructor(private readonly trainer: PhaseTrainer<M>, private readonly dataId: DataId, private readonly cache: ModelCache | null) {}

  setCheckpoints(models: readonly [M, M]): void {
    if (this.checkpoints) this.checkpoints.forEach((m) => this.trainer.dispose(m));
    this.checkpoints = models;
    for (const p of ['teacher-gaf', 'teacher-signal', 'student-kd'] as const) this.drop(p);
  }

  hasCheckpoints(): boolean { return this.checkpoints !== null; }

  /** Runs the phases not already valid for `config`; resolves with all four results. */
  async run(config: RunConfig, signal: AbortSignal, emit: (e: RunEvent) => void): Promise<PhaseResult[]> {
    if (config.teachers === 'checkpoint' && !this.checkpoints) throw new Error('체크포인트 교사를 먼저 불러오세요 (teacher checkpoints not loaded)');
    // The KD student depends on both teachers and on α, λ, T; the other phases on their cache key.
    const keyOf = (p: Phase): string => p === 'student-kd'
      ? `kd|${keyOf('teacher-gaf')}|${keyOf('teacher-signal')}|${keyOf('student-ce')}|a${config.alpha}|l${config.lambda}|T${config.temperature}`
      : `${p}|${config.teachers}|${phaseCacheKey(p, this.dataId, config) || `${this.dataId}|${splitKey(config)}`}`;
    const results: PhaseResult[] = [];
    for (const phase of PHASES) {
      signal.throwIfAborted();
      const key = keyOf(phase);
      const have = this.held.get(phase);
      if (have && have.key === key) { results.push(have.result); continue; }
      this.drop(phase);
      const sizes = this.trainer.sizes();
      emit({ type: 'phase-start', phase, trainWindows: sizes.train, testWindows: sizes.test });
      const t0 = performance.now();
      const got = await this.obtain(phase, config, key, signal, emit);
      const result: PhaseResult = { ...got.result, ms: got.result.origin === 'trained' ? performance.now() - t0 : got.result.ms };
      this.held.set(phase, { key, model: got.model, result });
      emit({ type: 'phase-done', result });
      results.push(result);
    }
    return results;
  }

  private async obtain(phase: Phase, config: RunConfig, key: string, signal: AbortSignal, emit: (e: RunEvent) => void): Promise<{ model: M; result: PhaseResult }> {
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
    const { model, outcome } = await this.trainer.train(phase, config, {
      signal,
      onEpoch: (r) => emit({ type: 'epoch', phase, ...r }),
      onStep: (s) => emit({ type: 'step', phase, ...s }),
    }, teachers);
    const result: PhaseResult = { ...base, ...outcome, origin: 'trained' };
    if (persistent && this.cache) {
      const weights = await this.trainer.save(model);
      await this.cache.set(key, { weights, result }).catch(() => { /* quota / private mode: run on without caching */ });
    }
    return { model, result };
  }

  private teacherModels(): readonly [M, M] {
    const g = this.held.get('teacher-gaf'), s = this.held.get('teacher-signal');
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
    models.forEach((m) => { n += this.trainer.tensorCount(m); });
    return n;
  }

  /** Frees every model (and the checkpoints). */
  dispose(): void {
    for (const p of PHASES) this.drop(p);
    if (this.checkpoints) this.checkpoints.forEach((m) => this.trainer.dispose(m));
    this.checkpoints = null;
  }
}
