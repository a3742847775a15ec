/// <reference lib="webworker" />
/**
 * The second KD worker ("lane", demos/kd/run/lanes.ts), started by the first one
 * (worker-lane.ts) when the page may use two cores. It picks its backend the way the first
 * worker does (the page's query string and backend-preference.ts's preference), says which (hello), and then
 * trains and evaluates what the first worker asks of it. It talks to nobody else.
 */
// tfjs-core alone registers no gradient functions; training needs them (demos/kd/README.md).
import '@demos/shared/gradients';
import { initRuntime } from '@src/lib/runtime';
import { prepareWasmKernels, wasmHeap } from '@demos/kd/wasm/kernels';
import { LanePeer, kernelThreadsPerLane } from '@demos/kd/run/lanes';
import { setKernelThreads } from '@demos/kd/wasm/threads';
import { LaneInitSchema } from '@demos/kd/run/lane-protocol';
import { runtimeOptions, trainingPreference } from '../backend-preference';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function start(search: string): Promise<void> {
  const { info } = await initRuntime(runtimeOptions(search, await trainingPreference(search), setKernelThreads));
  setKernelThreads(kernelThreadsPerLane(info.threads, 2));
  if (info.backend === 'wasm') await prepareWasmKernels();
  const kernels = info.backend === 'wasm' ? wasmHeap() !== null : null;
  // Problems with a message are the first worker's to show; this one only logs them.
  const peer = new LanePeer(scope, undefined, (problem) => console.warn(problem));
  peer.hello({ backend: info.backend, kernels });
}

const onInit = (ev: MessageEvent): void => {
  const m = LaneInitSchema.safeParse(ev.data);
  if (!m.success) return;
  scope.removeEventListener('message', onInit);
  void start(m.data.search);
};
scope.addEventListener('message', onInit);
