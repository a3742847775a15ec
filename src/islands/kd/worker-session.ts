/**
 * Everything the KD worker holds, as one object: the runtime, the loaded data, one RunSession
 * per (data, split/fold, GAF size, backend) — finished phases and loaded checkpoints live
 * there, so "start" after "cancel" resumes and the α comparison reuses the teachers — the
 * reader's checkpoint bytes, and the run in flight. One run (or comparison) at a time.
 * Memory: after every phase, cancel and error it reports tf.memory().numTensors.
 */
import { buildData, makePreview, type LoadedData } from '@demos/kd/run/data';
import { runInputs } from '@demos/kd/experiment/inputs';
import { RunSession } from '@demos/kd/run/phases';
import { WrnPhaseTrainer } from '@demos/kd/run/trainer';
import { splitKey, type RunConfig } from '@demos/kd/run/config';
import type { Phase } from '@demos/kd/experiment/phases';
import type { FromWorker, ToWorker } from '@demos/kd/run/protocol';
import type { Wrn } from '@demos/kd/models/wrn';
import { countWindowsPerClass } from '@demos/kd/pamap2/windows';
import { idbModelCache, clearModelCache } from './idb-cache';
import { readFiles, hashFiles } from './worker-files';
import { loadBundled, probeFullManifest } from './worker-bundled';
import { loadCheckpointPair } from './worker-checkpoints';
import { WorkerRuntime } from './worker-runtime';
import { debugTrainSteps } from './worker-debug';
import { S } from './strings';

const GAF_PREVIEW_SIZE = 16; // the default run's GAF size: the preview shows what teacher 1 sees
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class KdWorkerSession {
  private readonly rt: WorkerRuntime;
  private baseUrl = '/';
  private data: LoadedData | null = null;
  private session: { key: string; s: RunSession<Wrn>; ckptKey: string } | null = null;
  /** The reader's teacher checkpoints (bytes kept so a new fold/session can load them again). */
  private checkpoints: { gaf: ArrayBuffer; signal: ArrayBuffer; names: [string, string]; version: number } | null = null;
  private running: AbortController | null = null;
  private currentPhase: Phase | null = null;

  constructor(private readonly post: (m: FromWorker) => void) {
    this.rt = new WorkerRuntime(post, () => this.running?.abort(new Error('device-lost')));
  }

  private memory(when: string): void {
    const tf = this.rt.tf;
    if (tf)
      this.post({
        type: 'memory',
        numTensors: tf.memory().numTensors,
        baseline: this.rt.baseline,
        held: this.session?.s.heldTensors() ?? 0,
        when,
      });
  }

  private setData(d: LoadedData): void {
    this.data = d;
    this.session?.s.dispose();
    this.session = null;
    this.post({ type: 'data-ready', summary: d.summary, preview: makePreview(d.windows, GAF_PREVIEW_SIZE) });
    this.memory('data');
  }

  private async loadData(load: () => Promise<LoadedData>): Promise<void> {
    if (this.running) {
      this.post({ type: 'data-error', message: S.busyData });
      return;
    }
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
    if (this.session?.key === key) return this.session.s;
    this.session?.s.dispose();
    this.session = null;
    const fold = runInputs(this.data.windows, c);
    this.post({
      type: 'fold-info',
      split: fold.split,
      testSubject: fold.testSubject,
      train: fold.signal.train.n,
      test: fold.signal.test.n,
      unseenTest: fold.unseenTest,
      testLabels: Array.from(fold.signal.test.y),
      trainClassCounts: countWindowsPerClass(fold.signal.train),
      capped: fold.capped,
    });
    const s = new RunSession<Wrn>(new WrnPhaseTrainer(fold, 'auto'), this.data.summary.dataId, idbModelCache);
    this.session = { key, s, ckptKey: '' };
    return s;
  }

  private useCheckpoints(c: RunConfig, s: RunSession<Wrn>): void {
    if (c.teachers !== 'checkpoint') return;
    if (!this.checkpoints) throw new Error(S.needCheckpoints);
    const ckptKey = `${this.checkpoints.version}|${c.teacherArch}`;
    if (this.session && this.session.ckptKey !== ckptKey) {
      s.setCheckpoints(loadCheckpointPair(this.checkpoints.gaf, this.checkpoints.signal, this.checkpoints.names, c));
      this.session.ckptKey = ckptKey;
      this.post({ type: 'checkpoints-ready', names: this.checkpoints.names });
    }
  }

  /** Runs `work` as the one job in flight: cancel, device loss (re-run on the fallback), errors, memory readout. */
  private async job(
    c: RunConfig,
    work: (s: RunSession<Wrn>, signal: AbortSignal) => Promise<void>,
    retry: () => Promise<void>,
  ): Promise<void> {
    if (this.running) {
      this.post({ type: 'error', message: S.busyRun });
      return;
    }
    const ctl = new AbortController();
    this.running = ctl;
    try {
      const s = this.sessionFor(c);
      this.useCheckpoints(c, s);
      await work(s, ctl.signal);
    } catch (e) {
      if (await this.rt.lostSoon()) {
        // Models on the lost device are gone; teachers come back from the IndexedDB cache.
        this.rt.deviceLost = false;
        this.post({ type: 'notice', message: S.deviceLostRetry });
        try {
          this.session?.s.dispose();
        } catch {
          /* buffers of a destroyed device */
        }
        this.session = null;
        await this.rt.select();
        this.running = null;
        void retry();
        return;
      }
      if (ctl.signal.aborted) this.post({ type: 'cancelled', phase: this.currentPhase });
      else this.post({ type: 'error', message: errText(e) });
    } finally {
      if (this.running === ctl) this.running = null;
      this.currentPhase = null;
      if (this.session) this.post({ type: 'trained-count', counts: { ...this.session.s.trained } });
      this.memory(ctl.signal.aborted ? 'after cancel' : 'idle');
    }
  }

  private start(c: RunConfig): Promise<void> {
    return this.job(
      c,
      async (s, signal) => {
        let lastStep = 0;
        const results = await s.run(c, signal, (e) => {
          if (e.type === 'step') {
            // At most ~10 step messages a second (always the epoch's last): the page redraws per message.
            const now = performance.now();
            if (now - lastStep < 100 && e.step !== e.steps) return;
            lastStep = now;
          }
          if (e.type === 'phase-start') this.currentPhase = e.phase;
          this.post(e);
          if (e.type === 'phase-done') {
            this.currentPhase = null;
            this.post({ type: 'trained-count', counts: { ...s.trained } });
            this.memory(`after ${e.result.phase}`);
          }
        });
        this.post({ type: 'run-done', results });
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
        this.post({ type: 'alpha-done', points });
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
        void probeFullManifest(this.baseUrl).then((d) => this.post({ type: 'full-data', description: d }));
        return;
      case 'load-bundled':
        return this.loadData(() =>
          loadBundled(m.which, this.baseUrl, (file, done, total) => this.post({ type: 'data-progress', file, done, total })),
        );
      case 'load-files':
        return this.loadData(async () => {
          const series = await readFiles(m.files, (file, done, total) => this.post({ type: 'data-progress', file, done, total }));
          const names = m.files.map((f) => f.name);
          return buildData(series, { label: S.ownFiles(names), source: 'upload', files: names, sha256: await hashFiles(m.files) });
        });
      case 'load-checkpoints':
        this.checkpoints = { gaf: m.gaf, signal: m.signal, names: m.names, version: (this.checkpoints?.version ?? 0) + 1 };
        this.post({ type: 'notice', message: S.checkpointsQueued(m.names) });
        return;
      case 'start':
        return this.start(m.config);
      case 'compare-alphas':
        return this.compare(m.config, m.alphas);
      case 'cancel':
        this.running?.abort();
        return;
      case 'debug-lose-device': {
        const device = this.rt.device();
        if (device) device.destroy();
        else this.post({ type: 'notice', message: `debug: backend is ${this.rt.info?.backend ?? '?'}, not webgpu` });
        return;
      }
      case 'debug-train-steps': {
        if (!this.data || !this.rt.tf) throw new Error('data or backend not ready');
        const r = await debugTrainSteps(this.rt.tf, this.data, m.steps, m.seed);
        this.post({ type: 'debug-steps', backend: this.rt.info?.backend ?? '?', ...r });
        return;
      }
      case 'clear-cache':
        await clearModelCache();
        this.post({ type: 'notice', message: S.cacheCleared });
        return;
    }
  }
}
