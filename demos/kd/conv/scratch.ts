/**
 * Reusable Float32Array scratch buffers for the fast path's JS loops. Only safe where
 * tf.tensor(values) COPIES the values (the WASM backend copies into its heap); the CPU
 * backend keeps a reference to the array, so there every request gets a fresh array.
 * Cuts the garbage collector's share of a WASM training step (large short-lived arrays).
 */
import * as tf from '@tensorflow/tfjs-core';
import { allocHeapTensor, heapBytes, heapOffset, wasmInternals } from '../wasm/internals';

const pool = new Map<number, Float32Array[]>();
// A training step keeps dozens of same-sized buffers alive at once (x̂ and y of every BN, xᵀ of
// every 1D conv, until the backward pass): pool up to MAX_PER_SIZE of a size while the pool
// stays under MAX_POOL_BYTES, and always up to MIN_PER_SIZE (the large 2D patch matrices).
const MIN_PER_SIZE = 6;
const MAX_PER_SIZE = 64;
const MAX_POOL_BYTES = 128 * 2 ** 20;
let poolBytes = 0;

/** A buffer of `n` floats; zeroed if `zero` (fresh arrays are zero already). */
export function takeScratch(n: number, zero: boolean): Float32Array {
  if (tf.getBackend() !== 'wasm') return new Float32Array(n);
  const a = pool.get(n)?.pop();
  if (!a) return new Float32Array(n);
  poolBytes -= a.byteLength;
  if (zero) a.fill(0);
  return a;
}

/** Returns a buffer once nothing reads it any more (after tf.tensor copied it on WASM). */
export function giveScratch(a: Float32Array): void {
  if (tf.getBackend() !== 'wasm') return;
  const list = pool.get(a.length) ?? [];
  if (list.length < MIN_PER_SIZE || (list.length < MAX_PER_SIZE && poolBytes + a.byteLength <= MAX_POOL_BYTES)) {
    list.push(a);
    pool.set(a.length, list);
    poolBytes += a.byteLength;
  }
}

/**
 * The float32 values of `t` for immediate, read-only use. On WASM this is a view into the
 * backend's heap (tfjs-backend-wasm 4.x internals: dataIdMap + HEAPU8), which saves the copy
 * dataSync() makes; the view is invalid after any tfjs call that may allocate (the heap can
 * grow), so read it completely before creating tensors. Elsewhere (or if the internals are
 * not as expected) it is dataSync().
 */
export function readNow(t: tf.Tensor): Float32Array {
  const b = t.dtype === 'float32' ? wasmInternals() : null;
  const heap = b ? heapBytes(b) : null,
    off = b ? heapOffset(b, t) : null;
  if (heap && off !== null) return new Float32Array(heap.buffer, off, t.size);
  return t.dataSync() as Float32Array;
}

/**
 * A new float32 tensor whose values `fill` writes in place. On WASM the tensor's heap memory
 * is allocated first and filled through a view (no JS array, no copy); elsewhere a JS array is
 * filled and wrapped. `fill` must write every element and must not call tfjs.
 */
export function tensorFilled(shape: number[], fill: (out: Float32Array) => void): tf.Tensor {
  const b = wasmInternals();
  const a = b && heapBytes(b) ? allocHeapTensor(b, shape) : null;
  if (a) {
    fill(readNow(a.t));
    return a.t;
  }
  const arr = new Float32Array(shape.reduce((x, y) => x * y, 1));
  fill(arr);
  return tf.tensor(arr, shape);
}
