/**
 * Two workers training one KD run together, one per core ("lanes"). The default run's four
 * models are small (batch 8, a few dozen windows), so splitting each matrix product over
 * threads gains almost nothing (bench/gemm-share.ts); its phases, though, are independent up
 * to the KD student. So the other end trains the GAF teacher, the longest phase, while this end
 * trains the signal teacher and the CE student; the KD student then trains here with both.
 * (Evaluating each other's epochs as well was tried and measured slower in Chromium:
 * demos/kd/wasm/README.md § Threads.)
 *
 * A LanePeer is one end. It answers the other end's requests with a WrnPhaseTrainer built from
 * the other end's setup: the same windows and split, so with the same seeds, backend and
 * kernels a phase trained on either end gives the same numbers bit for bit
 * (test/unit/kd-lanes.test.ts). A request for data this end does not hold fails, and the
 * session then trains the phase itself.
 * Ownership: a peer disposes the models it trains for the other end once their weights are
 * sent; trainers hold no tensors.
 */
import { openChannel, type Channel, type PortLike } from '../../shared/channel';
import type { RunConfig } from './config';
import type { Phase } from '../experiment/phases';
import { runInputs } from '../experiment/inputs';
import type { InputChoice } from '../experiment/split';
import { capSource } from '../experiment/cap';
import { asWindowSource, type Windows } from '../pamap2/window-source';
import type { WindowSet } from '../pamap2/windows';
import type { FoldInputs } from '../experiment/inputs';
import type { PhaseLane, SavedWeights, TrainHooks, TrainOutcome } from './session';
import { LaneMsgSchema, type LaneMsg, type LaneRuntime } from './lane-protocol';
import { WrnPhaseTrainer } from './trainer';
import { abortError, errorMessage } from '../../shared/errors';

/**
 * How many lanes a run uses: two on WASM with two or more threads (the runtime gives one thread
 * without cross-origin isolation, on one core and for ?threads=1), else one. WebGPU and WebGL
 * keep one: a second worker would share the same GPU.
 */
export function laneCount(backend: string, threads: number): 1 | 2 {
  return backend === 'wasm' && threads >= 2 ? 2 : 1;
}
/** The fast path's matMul threads per lane: the cores shared out, so the lanes don't take each other's. */
export function kernelThreadsPerLane(threads: number, lanes: number): number {
  return Math.max(1, Math.floor(threads / lanes));
}

type Pending = {
  resolve: (m: LaneMsg) => void;
  reject: (e: Error) => void;
  hooks?: Pick<TrainHooks, 'onStep' | 'onEpoch'>;
};

/** The windows a run with `choice` uses (capped), copied into one WindowSet for a setup message. */
export function runWindows(ws: Windows, choice: InputChoice): WindowSet {
  const used = capSource(ws, choice).ws;
  return asWindowSource(used).select(Int32Array.from({ length: used.n }, (_, i) => i));
}

export class LanePeer implements PhaseLane {
  private readonly channel: Channel<LaneMsg>;
  /** The trainer built from the other end's setup, for the data `key` (trainers hold no tensors: nothing to dispose). */
  private local: { key: string; trainer: WrnPhaseTrainer } | null = null;
  /** The key of the last setup sent; requests carry it, so an end holding other data refuses them. */
  private key = '';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly serving = new Map<number, AbortController>();
  private closed = false;
  /** What the other end runs on, once it has said (hello); null before. */
  remote: LaneRuntime | null = null;
  /** Called when the other end says hello. */
  onHello: ((r: LaneRuntime) => void) | null = null;

  /** `build` makes this end's trainer from a setup (the page worker: new WrnPhaseTrainer(fold, 'auto')). */
  constructor(
    port: PortLike,
    private readonly build: (fold: FoldInputs) => WrnPhaseTrainer = (fold) => new WrnPhaseTrainer(fold, 'auto'),
    onRejected: (problem: string) => void = () => {},
  ) {
    this.channel = openChannel(
      port,
      { receive: LaneMsgSchema, send: LaneMsgSchema, name: 'lane message' },
      (m) => this.receive(m),
      onRejected,
    );
  }

  /** Tells the other end what this end runs on (an end that serves sends it once, when ready). */
  hello(r: LaneRuntime): void {
    this.channel.send({ type: 'hello', ...r });
  }

  /**
   * Sends the other end the run's windows and split, so that it builds the same trainer; `key`
   * names them in requests. Takes `windows` (a runWindows copy): its buffers are transferred.
   */
  share(key: string, windows: WindowSet, choice: InputChoice): void {
    const { n, x, y, subject, start } = windows;
    const w = { n, x, y, subject, start };
    const { split, testSubject, seed, gafSize } = choice;
    this.channel.send({ type: 'setup', key, windows: w, choice: { split, testSubject, seed, gafSize } }, [
      w.x.buffer,
      w.y.buffer,
      w.subject.buffer,
      w.start.buffer,
    ]);
    this.key = key;
  }

  train(phase: Phase, config: RunConfig, hooks: TrainHooks): Promise<{ weights: SavedWeights; outcome: TrainOutcome }> {
    if (phase === 'student-kd') return Promise.reject(new Error('the KD student needs its teachers: not trained on another lane'));
    return this.request({ type: 'train', key: this.key, phase, config }, hooks.signal, hooks).then((m) => {
      if (m.type !== 'trained') throw new Error(`lane answered ${m.type} to train`);
      return { weights: { names: m.weights.names, shapes: m.shapes, data: m.weights.data }, outcome: m.outcome };
    });
  }

  /** Rejects what is in flight and stops answering. */
  close(): void {
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new Error('lane closed'));
    this.pending.clear();
    for (const c of this.serving.values()) c.abort();
    this.channel.close();
    this.local = null;
  }

  private request(m: Omit<Extract<LaneMsg, { type: 'train' }>, 'id'>, signal?: AbortSignal, hooks?: Pending['hooks']): Promise<LaneMsg> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.closed) return Promise.reject(new Error('lane closed'));
    const id = this.nextId++;
    return new Promise<LaneMsg>((resolve, reject) => {
      // Cancel settles here at once: a run must not wait on an end that may never answer.
      const onAbort = (): void => {
        this.channel.send({ type: 'cancel', id });
        this.pending.get(id)?.reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
      };
      this.pending.set(id, {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        ...(hooks ? { hooks } : {}),
      });
      this.channel.send({ ...m, id });
    });
  }

  private receive(m: LaneMsg): void {
    switch (m.type) {
      case 'setup': {
        const fold = runInputs(m.windows, m.choice);
        this.local = { key: m.key, trainer: this.build(fold) };
        return;
      }
      case 'train':
        void this.serve(m);
        return;
      case 'cancel':
        this.serving.get(m.id)?.abort();
        return;
      case 'hello':
        this.remote = { backend: m.backend, kernels: m.kernels };
        this.onHello?.(this.remote);
        return;
      case 'step':
        this.pending.get(m.id)?.hooks?.onStep({ epoch: m.epoch, step: m.step, steps: m.steps, loss: m.loss });
        return;
      case 'epoch':
        this.pending.get(m.id)?.hooks?.onEpoch({ epoch: m.epoch, trainLoss: m.trainLoss, testAcc: m.testAcc }, null, m.ms);
        return;
      case 'failed':
        this.pending.get(m.id)?.reject(m.aborted ? abortError(m.message) : new Error(`other lane: ${m.message}`));
        return;
      default:
        this.pending.get(m.id)?.resolve(m);
    }
  }

  /** Answers a train request with this end's trainer. */
  private async serve(m: Extract<LaneMsg, { type: 'train' }>): Promise<void> {
    const ctl = new AbortController();
    this.serving.set(m.id, ctl);
    try {
      const local = this.local;
      if (!local || local.key !== m.key) throw new Error(`no data for ${m.key} on this lane`);
      const { model, outcome } = await local.trainer.train(
        m.phase,
        m.config,
        {
          signal: ctl.signal,
          onStep: (s) => this.channel.send({ type: 'step', id: m.id, ...s }),
          onEpoch: (r, _fit, ms) =>
            this.channel.send({
              type: 'epoch',
              id: m.id,
              epoch: r.epoch,
              trainLoss: r.trainLoss,
              testAcc: r.testAcc,
              ...(ms ? { ms } : {}),
            }),
        },
        null,
      );
      try {
        const w = await local.trainer.save(model);
        this.channel.send(
          { type: 'trained', id: m.id, weights: { names: w.names, data: w.data }, shapes: w.shapes, outcome },
          w.data.map((d) => d.buffer as ArrayBuffer),
        );
      } finally {
        local.trainer.dispose(model);
      }
    } catch (e) {
      this.channel.send({ type: 'failed', id: m.id, message: errorMessage(e), aborted: ctl.signal.aborted });
    } finally {
      this.serving.delete(m.id);
    }
  }
}
