/**
 * Test helper: counts what WebGPU work a piece of code issues, by wrapping three prototype
 * methods of the page's WebGPU classes once: compute dispatches, queue submissions, and buffer
 * maps (the only way a GPU→CPU read reaches the page). The counts are page-wide, so the caller
 * takes a snapshot around the code it measures.
 */
export interface GpuCounts {
  dispatches: number;
  submits: number;
  readbacks: number;
}

const counts: GpuCounts = { dispatches: 0, submits: 0, readbacks: 0 };
let installed = false;

function wrap<T extends object>(proto: T, method: keyof T & string, key: keyof GpuCounts): void {
  const original = proto[method] as unknown as (...a: unknown[]) => unknown;
  Object.defineProperty(proto, method, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      counts[key]++;
      return original.apply(this, args);
    },
  });
}

export function installGpuCounter(): void {
  if (installed) return;
  installed = true;
  wrap(GPUComputePassEncoder.prototype, 'dispatchWorkgroups', 'dispatches');
  wrap(GPUQueue.prototype, 'submit', 'submits');
  wrap(GPUBuffer.prototype, 'mapAsync', 'readbacks');
}

export function gpuCounts(): GpuCounts {
  return { ...counts };
}

export function diffCounts(a: GpuCounts, b: GpuCounts): GpuCounts {
  return { dispatches: b.dispatches - a.dispatches, submits: b.submits - a.submits, readbacks: b.readbacks - a.readbacks };
}
