/**
 * Node stand-in for the page's second KD worker (src/islands/kd/worker/kd-lane-worker.ts), for
 * bench/kd-run-lanes.ts: a worker_threads thread with tfjs wasm and the fast path, answering
 * lane requests on the MessagePort it is given (workerData.port).
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { LanePeer } from '../demos/kd/run/lanes';
import type { PortLike } from '../demos/shared/channel';
import { wasmHeap } from '../demos/kd/wasm/kernels';

const port = (workerData as { port: MessagePort }).port;
const backend = await useNodeBackend('wasm');
const peer = new LanePeer(port as unknown as PortLike, undefined, (p) => console.warn(p));
port.start();
peer.hello({ backend, kernels: wasmHeap() !== null });
