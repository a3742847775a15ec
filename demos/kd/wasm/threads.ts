/**
 * How many threads the fast path's kernels may use, as the runtime decided it (src/lib/runtime.ts
 * sets it when it starts tfjs's threaded build; a small module so the runtime does not load the
 * kernels). 1 until set.
 */
let threads = 1;
export function setKernelThreads(n: number): void {
  threads = Math.max(1, Math.floor(n));
}
export function kernelThreadsWanted(): number {
  return threads;
}
