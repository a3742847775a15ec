/**
 * The fast path's matMuls on several threads: helper workers instantiate the same kernel
 * module on the same shared WebAssembly memory (tfjs's heap in its threaded build); C's rows are
 * cut into blocks that the calling thread and the helpers take one at a time from a shared
 * counter, so a helper the OS has not scheduled (other processes on the cores) delays nothing:
 * the caller takes its blocks and waits only for blocks already started. tfjs ops are synchronous, so the split is too: the caller blocks (Atomics.wait) until
 * every helper is done, which is allowed in a Web Worker and in Node, not on a page's main
 * thread (there no pool starts and the product runs on one thread).
 *
 * Control block (Int32Array over its own SharedArrayBuffer, CTL_WORDS words):
 *   [GEN]  job generation: the caller bumps it and notifies; helpers wait on it
 *   [NEXT] next block, tagged with the job: (GEN & 0x7fff) << 16 | block; a thread takes a block
 *          by compare-and-swap only while the tag is its job's, so a helper that wakes late can
 *          never take a block of a later job with an earlier job's arguments
 *   [DONE] blocks finished in the current job (the caller waits until all are)
 *   [OP]   OP_GEMM or OP_STOP;  [ARGS..] a, lda, ka, b, kb, pb, c, ldc, K, N, M, rows per block (u32)
 * Helpers spin briefly before sleeping, so back-to-back products skip the wake-up latency.
 */

/**
 * The matMul kernel's entry point (gemm.as.ts): rows [m0, m1) of C = A·B, A, B and C read and
 * written through their strides (lda/ka, kb/pb, ldc), K the inner dimension, N the columns.
 */
export type GemmKernel = (
  a: number,
  lda: number,
  ka: number,
  b: number,
  kb: number,
  pb: number,
  c: number,
  ldc: number,
  m0: number,
  m1: number,
  K: number,
  N: number,
) => void;

/** What the pool needs of a kernel heap (kernels.ts WasmHeap): its memory, which build runs, the gemm. */
interface PoolHeap {
  memory: WebAssembly.Memory;
  build: string;
  k: { gemm: GemmKernel };
}

const GEN = 0,
  DONE = 1,
  OP = 2,
  NEXT = 3,
  ARGS = 4;
const OP_GEMM = 1,
  OP_STOP = 2;
const MAX_HELPERS = 15;
const CTL_WORDS = ARGS + 12;
/** Products smaller than this many multiply-adds run on one thread (waking a helper costs ~10–50 µs). */
export const PARALLEL_MIN_MACS = 1 << 20;

/** What a helper needs: the compiled kernel module (shared-memory build), the heap, the control block. */
interface HelperInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  ctl: SharedArrayBuffer;
  id: number;
}

/** A worker as the pool uses it (a browser Worker, or a Node worker_threads adapter in tests). */
export interface HelperWorker {
  postMessage(m: HelperInit): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  terminate(): void;
}

/**
 * The helper's source. Self-contained (no imports, no bundler), so it runs from a Blob URL in
 * any build and is evaluated as it is by Node's worker_threads in tests.
 */
export const HELPER_SOURCE = `
const web = typeof self !== 'undefined' && typeof self.postMessage === 'function';
const port = web ? self : require('node:worker_threads').parentPort;
const listen = (f) => { if (web) self.onmessage = f; else port.on('message', (data) => f({ data })); };
listen((e) => {
  const { module, memory, ctl } = e.data;
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const I = new Int32Array(ctl), U = new Uint32Array(ctl);
  let gen = Atomics.load(I, ${GEN});
  port.postMessage('ready');
  for (;;) {
    for (let s = 0; s < 20000 && Atomics.load(I, ${GEN}) === gen; s++);
    Atomics.wait(I, ${GEN}, gen);
    gen = Atomics.load(I, ${GEN});
    if (U[${OP}] === ${OP_STOP}) break;
    const a = U[${ARGS}], lda = U[${ARGS + 1}], ka = U[${ARGS + 2}], b = U[${ARGS + 3}], kb = U[${ARGS + 4}], pb = U[${ARGS + 5}];
    const c = U[${ARGS + 6}], ldc = U[${ARGS + 7}], K = U[${ARGS + 8}], N = U[${ARGS + 9}], M = U[${ARGS + 10}], rows = U[${ARGS + 11}];
    for (;;) {
      const v = Atomics.load(I, ${NEXT});
      if ((v >>> 16) !== (gen & 0x7fff)) break;
      const m0 = (v & 0xffff) * rows;
      if (m0 >= M) break;
      if (Atomics.compareExchange(I, ${NEXT}, v, v + 1) !== v) continue;
      k.gemm(a, lda, ka, b, kb, pb, c, ldc, m0, Math.min(M, m0 + rows), K, N);
      Atomics.add(I, ${DONE}, 1);
      Atomics.notify(I, ${DONE});
    }
  }
});
`;

interface Pool {
  helpers: HelperWorker[];
  I: Int32Array;
  U: Uint32Array;
}
const pools = new WeakMap<WebAssembly.Memory, Pool>();

/** Whether this thread may block in Atomics.wait (not a page's main thread). */
function canBlock(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

function browserWorker(): HelperWorker {
  const url = URL.createObjectURL(new Blob([HELPER_SOURCE], { type: 'text/javascript' }));
  const w = new Worker(url);
  URL.revokeObjectURL(url);
  return w as unknown as HelperWorker;
}

/**
 * Starts `threads − 1` helpers for `heap` (whose memory must be shared and whose build must be a
 * shared one). Resolves to the number of threads products will use (1 if no pool could start).
 * `spawn` makes a worker from HELPER_SOURCE (default: a Blob URL Worker).
 */
export async function startKernelPool(
  heap: PoolHeap,
  module: WebAssembly.Module,
  threads: number,
  spawn: () => HelperWorker = browserWorker,
): Promise<number> {
  const existing = pools.get(heap.memory);
  if (existing) return existing.helpers.length + 1;
  const n = Math.min(MAX_HELPERS, Math.max(0, Math.floor(threads) - 1));
  if (n === 0 || !heap.build.endsWith('Shared') || !canBlock()) return 1;
  const ctl = new SharedArrayBuffer(CTL_WORDS * 4);
  const helpers: HelperWorker[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: n },
        (_, id) =>
          new Promise<void>((resolve, reject) => {
            const w = spawn();
            helpers.push(w);
            const timer = setTimeout(() => reject(new Error('kernel helper did not start')), 10_000);
            w.onmessage = (e) => {
              if (e.data === 'ready') {
                clearTimeout(timer);
                resolve();
              }
            };
            w.postMessage({ module, memory: heap.memory, ctl, id });
          }),
      ),
    );
  } catch {
    helpers.forEach((w) => w.terminate());
    return 1;
  }
  pools.set(heap.memory, { helpers, I: new Int32Array(ctl), U: new Uint32Array(ctl) });
  return n + 1;
}

/** Stops the helpers of `memory`'s pool (tests; a page keeps its pool for its lifetime). */
export function stopKernelPool(memory: WebAssembly.Memory): void {
  const p = pools.get(memory);
  if (!p) return;
  pools.delete(memory);
  p.U[OP] = OP_STOP;
  Atomics.add(p.I, GEN, 1);
  Atomics.notify(p.I, GEN);
  p.helpers.forEach((w) => w.terminate());
}

/** Threads a product on `memory` uses (1 without a pool). */
export function poolThreads(memory: WebAssembly.Memory): number {
  return (pools.get(memory)?.helpers.length ?? 0) + 1;
}

/** Blocks per thread: several, so a late or slow thread leaves its share to the others. */
const BLOCKS_PER_THREAD = 4;

/**
 * Rows [0, M) of C = A·B (A, B and C read and written through their strides: see gemm.as.ts),
 * in blocks of rows (multiples of 4) taken by the pool's threads when large enough.
 */
export function parallelGemm(
  heap: PoolHeap,
  a: number,
  lda: number,
  ka: number,
  b: number,
  kb: number,
  pb: number,
  c: number,
  ldc: number,
  M: number,
  K: number,
  N: number,
): void {
  const p = pools.get(heap.memory);
  if (!p || M < 8 || M * K * N < PARALLEL_MIN_MACS) {
    heap.k.gemm(a, lda, ka, b, kb, pb, c, ldc, 0, M, K, N);
    return;
  }
  const { I, U, helpers } = p;
  const rows = Math.max(4, Math.ceil(M / ((helpers.length + 1) * BLOCKS_PER_THREAD) / 4) * 4);
  const blocks = Math.ceil(M / rows);
  U[OP] = OP_GEMM;
  U[ARGS] = a;
  U[ARGS + 1] = lda;
  U[ARGS + 2] = ka;
  U[ARGS + 3] = b;
  U[ARGS + 4] = kb;
  U[ARGS + 5] = pb;
  U[ARGS + 6] = c;
  U[ARGS + 7] = ldc;
  U[ARGS + 8] = K;
  U[ARGS + 9] = N;
  U[ARGS + 10] = M;
  U[ARGS + 11] = rows;
  const tag = ((Atomics.load(I, GEN) + 1) & 0x7fff) << 16;
  Atomics.store(I, DONE, 0);
  Atomics.store(I, NEXT, tag);
  Atomics.add(I, GEN, 1);
  Atomics.notify(I, GEN);
  for (;;) {
    const blk = Atomics.add(I, NEXT, 1) - tag;
    if (blk >= blocks) break;
    heap.k.gemm(a, lda, ka, b, kb, pb, c, ldc, blk * rows, Math.min(M, (blk + 1) * rows), K, N);
    Atomics.add(I, DONE, 1);
  }
  for (let d = Atomics.load(I, DONE); d < blocks; d = Atomics.load(I, DONE)) {
    for (let s = 0; s < 2000 && Atomics.load(I, DONE) === d; s++);
    if (Atomics.load(I, DONE) === d) Atomics.wait(I, DONE, d, 1000);
  }
}
