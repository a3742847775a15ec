/**
 * The first KD worker's side of the lanes (demos/kd/run/lanes.ts): it starts the second worker
 * (kd-lane-worker.ts) when the page computes on WASM with two or more threads (cross-origin
 * isolated, ≥ 2 cores, not ?threads=1: one thread means one core for the whole run), and gives
 * each RunSession the lane once the second worker runs the same backend and kernels. The
 * reader sees how many workers train (report → the status line under the badge).
 * Ownership: owns the second worker; stop() terminates it.
 */
import type { RuntimeInfo } from '@src/lib/runtime';
import { LanePeer, laneCount, runWindows } from '@demos/kd/run/lanes';
import type { LaneInit } from '@demos/kd/run/lane-protocol';
import type { RunSession } from '@demos/kd/run/session';
import type { RunConfig } from '@demos/kd/run/config';
import type { Windows } from '@demos/kd/pamap2/window-source';
import type { Wrn } from '@demos/kd/models/wrn';
import { wasmHeap } from '@demos/kd/wasm/kernels';
import { S } from '../strings';
import { workerName } from '../../strings-lang';
import { errorMessage } from '@demos/shared/errors';

const START_TIMEOUT_MS = 20_000;

export class WorkerLane {
  private worker: Worker | null = null;
  private peer: LanePeer | null = null;
  private ready = false;
  private shared = '';

  /** `report(workers, why)`: how many workers train, and why only one (null: two, or not known yet). */
  constructor(private readonly report: (workers: number, why: string | null) => void) {}

  start(search: string, info: RuntimeInfo): void {
    if (laneCount(info.backend, info.threads) < 2) {
      this.report(1, null); // the badge already says why there is one thread
      return;
    }
    const kernels = wasmHeap() !== null;
    try {
      this.worker = new Worker(new URL('./kd-lane-worker.ts', import.meta.url), { type: 'module', name: workerName('kd-lane') });
    } catch (e) {
      this.report(1, S.laneNotStarted(errorMessage(e)));
      return;
    }
    const peer = new LanePeer(this.worker, undefined, (problem) => console.warn(problem));
    peer.onHello = (r) => {
      if (r.backend === info.backend && r.kernels === kernels) {
        this.ready = true;
        this.report(2, null);
      } else {
        this.stop();
        this.report(1, S.laneOther(`${r.backend}${r.kernels ? ' + kernels' : ''}`));
      }
    };
    this.worker.addEventListener('error', (e) => this.fail(e.message || 'error'));
    this.peer = peer;
    this.worker.postMessage({ type: 'lane-init', search } satisfies LaneInit);
    // The page's start button waits for this decision; a second worker that never says hello
    // (a browser without nested workers that fails silently) must not hold it forever.
    setTimeout(() => {
      if (this.ready || !this.peer) return;
      this.stop();
      this.report(1, S.laneTimeout(START_TIMEOUT_MS / 1000));
    }, START_TIMEOUT_MS);
  }

  /** Gives `s` the lane (sharing the run's windows with the second worker once per session key), or none. */
  attach(s: RunSession<Wrn>, key: string, windows: Windows, c: RunConfig): void {
    if (!this.peer || !this.ready) {
      s.setLane(null);
      return;
    }
    if (this.shared !== key) {
      this.peer.share(key, runWindows(windows, c), c);
      this.shared = key;
    }
    s.setLane(this.peer);
  }

  /** The second worker failed (or a test says so): what is in flight is rejected and the session finishes the run here. */
  fail(why: string): void {
    this.stop();
    this.report(1, S.laneFailed(why));
  }

  stop(): void {
    this.peer?.close();
    this.worker?.terminate();
    this.peer = null;
    this.worker = null;
    this.ready = false;
    this.shared = '';
  }
}
