/**
 * Everything the KD worker holds, as one object: the runtime, the loaded data, one RunSession
 * per (data, split/fold, GAF size, backend) — finished phases and loaded checkpoints live
 * there, so "start" after "cancel" resumes and the α comparison reuses the teachers — the
 * reader's checkpoint bytes, and the run in flight. One run (or comparison) at a time.
 * Memory: after every phase, cancel and error it reports tf.memory().numTensors.
 */
import { makePreview, type LoadedData } from '@demos/kd/run/data-summary';
import { runInputs } from '@demos/kd/experiment/inputs';
import { RunSession } from '@demos/kd/run/session';
import { WrnPhaseTrainer } from '@demos/kd/run/trainer';
import { splitKey, type RunConfig } from '@demos/kd/run/config';
import type { Phase } from '@demos/kd/experiment/phases';
import { foldInfoOf, type FromWorker, type ToWorker } from '@demos/kd/run/protocol';
import type { Wrn } from '@demos/kd/models/wrn';
import { idbModelCache, clearModelCache } from '../idb-cache';
import { loadUploaded } from './worker-files';
import { loadBundled, probeFullManifest } from './worker-bundled';
import { CheckpointTeachers } from './worker-checkpoints';
import { WorkerRuntime } from './worker-runtime';
import { WorkerLane } from './worker-lane';
import { debugMessage } from './worker-debug';
import { stepFilter } from '../step-filter';
import { S } from '../strings';

const GAF_PREVIEW_SIZE = 16; // the default run's GAF size: the preview shows what teacher 1 sees

/** A problem from demos/** (a code) in the reader's language; anything else as it is. */
const errText = (e: unknown): string => S.errorText(e);

export class KdWorkerSession {
  private readonly rt: WorkerRuntime;
  private baseUrl = '/';
  private data: LoadedData | null = null;
  private session: { key: string; s: RunSession<Wrn> } | null = null;
  private readonly lane: WorkerLane;
  private readonly checkpoints = new CheckpointTeachers();
  private running: AbortController | null = null;
  /** Phases training now (two at once with a second worker). */
  private readonly runningPhases = new Set<Phase>();

  constructor(private readonly post: (m: FromWorker) => void) {
    this.rt = new WorkerRuntime(post, () => this.running?.abort(new Error('device-lost')));
    this.lane = new WorkerLane((workers, why) => post({ type: 'lanes', workers, why }));
  }

  private readonly progress = (file: string, done: number, total: number): void => this.post({ type: 'data-progress', file, done, total });

  private memory(when: string): void {
    const tf = this.rt.tf;
    if (!tf) return;
    const held = this.session?.s.heldTensors() ?? 0;
    this.post({ type: 'memory', numTensors: tf.memory().numTensors, baseline: this.rt.baseline, held, when });
  }

  private setData(d: LoadedData): void {
    this.data = d;
    this.session?.s.dispose();
    this.session = null;
    this.post({ type: 'data-ready', summary: d.summary, preview: makePreview(d.windows, GAF_PREVIEW_SIZE) });
    this.memory('data');
  }

  private async loadData(load: () => Promise<LoadedData>): Promise<void> {
    if (this.running) return this.post({ type: 'data-error', message: S.busyData });
    try {
      this.setData(await load());
    } catch (e) {
      this.post({ type: 'data-error', message: errText(e) }); // the previous data stays loaded
    }
  }

  private sessionFor(c: RunConfig): RunSession<Wrn> {
    const tf = this.rt.tf;
    if (!this.data || !tf) throw new Error('data or backend not ready');
    const key = `${this.data.summary.dataId}|${splitKey(c)}|${c.gafSize}|${tf.getBackend()}`;
    if (this.session?.key !== key) {
      this.session?.s.dispose();
      this.session = null;
      const fold = runInputs(this.data.windows, c);
      this.post({ type: 'fold-info', ...foldInfoOf(fold) });
      this.session = { key, s: new RunSession<Wrn>(new WrnPhaseTrainer(fold, 'auto'), this.data.summary.dataId, idbModelCache) };
    }
    // Also for a session made before the second worker was ready.
    this.lane.attach(this.session.s, key, this.data.windows, c);
    return this.session.s;
  }

  /** Runs `work` as the one job in flight: cancel, device loss (re-run on the fallback), errors, memory readout. */
  private async job(
    c: RunConfig,
    work: (s: RunSession<Wrn>, signal: AbortSignal) => Promise<FromWorker>,
    retry: () => Promise<void>,
  ): Promise<void> {
    if (this.running) {
      this.post({ type: 'error', message: S.busyRun });
      return;
    }
    const ctl = new AbortController();
    this.running = ctl;
    let final: FromWorker | null = null;
    try {
      const s = this.sessionFor(c);
      const loaded = this.checkpoints.use(c, s);
      if (loaded) this.post({ type: 'checkpoints-ready', names: loaded });
      final = await work(s, ctl.signal);
    } catch (e) {
      // Models on the lost device are gone; teachers come back from the IndexedDB cache.
      if (await this.rt.recover(() => this.session?.s.dispose())) {
        this.session = null;
        this.running = null;
        void retry();
        return;
      }
      final = ctl.signal.aborted
        ? { type: 'cancelled', phase: [...this.runningPhases][0] ?? null }
        : { type: 'error', message: errText(e) };
    } finally {
      if (this.running === ctl) this.running = null;
      this.runningPhases.clear();
      if (this.session) this.post({ type: 'trained-count', counts: { ...this.session.s.trained } });
      this.memory(ctl.signal.aborted ? 'after cancel' : 'idle');
      // The job's end last, so the page shows it with the counts and the readout already final.
      if (final) this.post(final);
    }
  }

  private start(c: RunConfig): Promise<void> {
    return this.job(
      c,
      async (s, signal) => {
        const pass = stepFilter();
        const results = await s.run(c, signal, (e) => {
          if (!pass(e)) return;
          if (e.type === 'phase-start') this.runningPhases.add(e.phase);
          this.post(e);
          if (e.type === 'phase-done') {
            this.runningPhases.delete(e.result.phase);
            this.post({ type: 'trained-count', counts: { ...s.trained } });
            this.memory(`after ${e.result.phase}`);
          }
        });
        return { type: 'run-done', results };
      },
      () => this.start(c),
    );
  }

  private compare(c: RunConfig, alphas: number[]): Promise<void> {
    return this.job(
      c,
      async (s, signal) => {
        const points = await s.compareAlphas(c, alphas, signal, (alpha, e) => {
          if (e.type === 'epoch') this.post({ type: 'alpha-progress', alpha, epoch: e.epoch, epochs: c.epochs });
        });
        return { type: 'alpha-done', points };
      },
      () => this.compare(c, alphas),
    );
  }

  async handle(m: ToWorker): Promise<void> {
    switch (m.type) {
      case 'init':
        this.baseUrl = m.baseUrl;
        await this.rt.init(m.search);
        this.memory('init');
        if (this.rt.info) this.lane.start(m.search, this.rt.info);
        void probeFullManifest(this.baseUrl).then((d) => this.post({ type: 'full-data', description: d }));
        return;
      case 'load-bundled':
        return this.loadData(() => loadBundled(m.which, this.baseUrl, this.progress));
      case 'load-files':
        return this.loadData(() => loadUploaded(m.files, this.progress));
      case 'load-checkpoints':
        this.checkpoints.set(m.gaf, m.signal, m.names);
        this.post({ type: 'notice', message: S.checkpointsQueued(m.names) });
        return;
      case 'start':
        return this.start(m.config);
      case 'compare-alphas':
        return this.compare(m.config, m.alphas);
      case 'cancel':
        this.running?.abort();
        return;
      case 'debug-fail-lane':
        return this.lane.fail('debug-fail-lane');
      case 'debug-lose-device':
      case 'debug-train-steps':
        return debugMessage(m, this.rt, this.data, this.post);
      case 'clear-cache':
        await clearModelCache();
        this.post({ type: 'notice', message: S.cacheCleared });
        return;
    }
  }
}
