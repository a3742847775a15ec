/**
 * Node stand-in for the page's pool helpers (../wasm/pool.ts): a worker_threads Worker running
 * the same HELPER_SOURCE the page loads from a Blob URL, behind the pool's HelperWorker shape.
 * For the unit tests and bench:gemm (tfjs's own threaded build does not start in Node).
 */
import { Worker } from 'node:worker_threads';
import { HELPER_SOURCE, type HelperWorker } from '../wasm/pool';

export function spawnNodeHelper(): HelperWorker {
  const w = new Worker(HELPER_SOURCE, { eval: true });
  const h: HelperWorker = {
    postMessage: (m) => w.postMessage(m),
    onmessage: null,
    terminate: () => {
      void w.terminate();
    },
  };
  w.on('message', (data) => h.onmessage?.({ data }));
  return h;
}
