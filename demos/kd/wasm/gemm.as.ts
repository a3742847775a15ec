/**
 * AssemblyScript source of the fast path's matrix product, compiled with ./kernels.as.ts into
 * one module (scripts/build-wasm.mjs). C (M, N) = A (M, K) · B, all float32 row-major, every
 * argument a byte offset into the tfjs heap (see kernels.as.ts).
 *
 * Register blocking: B is first packed (packB) into panels of NR = 8 columns, each panel K rows
 * of 8 contiguous floats (zero-padded past N), so the micro-kernel reads B with two aligned
 * 16-byte loads per k. The micro-kernel keeps an MR × 8 block of C (MR = 4 rows, 8 f32x4
 * accumulators) in registers for the whole K loop, broadcasting one A value per row and k.
 * With relaxed SIMD (ASC_FEATURE_RELAXED_SIMD, the "relaxed" build) the multiply-add is
 * f32x4.relaxed_madd, a fused multiply-add on x86 with FMA and on ARM; the other build uses
 * mul + add (one rounding more per term, same order of summation).
 *
 * gemm works on a range of rows [m0, m1) so that several threads can share one product (each
 * its own rows; the packed B is read-only and shared).
 *
 * A is read through two strides, so the same kernel serves A and Aᵀ without a transpose:
 * A(i, k) is the float at a + 4·(i·lda + k·ka). Row-major A (M, K): lda = K, ka = 1. For the
 * weight gradients (Uᵀ·dM, Pᵀ·dy) A is stored as S (K, M) and the product is Sᵀ·B: lda = 1,
 * ka = M; a block's four rows then sit side by side in one 16-byte run of each row of S.
 */

const NR: i32 = 8;

@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Bytes packB writes for a (K, N) right-hand side. */
export function packedBytes(K: i32, N: i32): usize {
  return <usize>K * <usize>((N + NR - 1) / NR) * <usize>(NR << 2);
}

/**
 * Packs the right-hand side into 8-column panels. trans = 0: b is B itself, (K, N);
 * trans = 1: b is Bᵀ, (N, K) (the product then is A·bᵀ without transposing in memory).
 * ldb: the stored matrix's row stride in floats (N, or K with trans, for a dense one; more for
 * one of Winograd's interleaved matrices).
 */
export function packB(b: usize, ldb: i32, K: i32, N: i32, trans: i32, out: usize): void {
  let o = out;
  for (let j0 = 0; j0 < N; j0 += NR) {
    const w = min(NR, N - j0);
    if (!trans && w == NR) {
      for (let k = 0; k < K; k++) {
        const src = b + ((<usize>k * <usize>ldb + <usize>j0) << 2);
        v128.store(o, v128.load(src));
        v128.store(o + 16, v128.load(src + 16));
        o += NR << 2;
      }
      continue;
    }
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < NR; j++) {
        let v: f32 = 0;
        if (j < w) v = trans ? load<f32>(b + ((<usize>(j0 + j) * <usize>ldb + <usize>k) << 2)) : load<f32>(b + ((<usize>k * <usize>ldb + <usize>(j0 + j)) << 2));
        store<f32>(o + (<usize>j << 2), v);
      }
      o += NR << 2;
    }
  }
}

/** Stores the first w (< 8) columns of an 8-wide row held in two vectors. */
@inline function storePartial(p: usize, lo: v128, hi: v128, w: i32): void {
  if (w >= 4) {
    v128.store(p, lo);
    if (w > 4) store<f32>(p + 16, f32x4.extract_lane(hi, 0));
    if (w > 5) store<f32>(p + 20, f32x4.extract_lane(hi, 1));
    if (w > 6) store<f32>(p + 24, f32x4.extract_lane(hi, 2));
  } else {
    store<f32>(p, f32x4.extract_lane(lo, 0));
    if (w > 1) store<f32>(p + 4, f32x4.extract_lane(lo, 1));
    if (w > 2) store<f32>(p + 8, f32x4.extract_lane(lo, 2));
  }
}

@inline function storeRow(p: usize, lo: v128, hi: v128, w: i32): void {
  if (w == NR) { v128.store(p, lo); v128.store(p + 16, hi); } else storePartial(p, lo, hi, w);
}

/** Loads the first w (< 8) floats of a row into two vectors (the rest zero): never reads past them. */
@inline function loadPartial(p: usize, w: i32, hi: bool): v128 {
  let v = f32x4.splat(0);
  const o: i32 = hi ? 4 : 0;
  if (w > o) v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (w > o + 1) v = f32x4.replace_lane(v, 1, load<f32>(p + 4));
  if (w > o + 2) v = f32x4.replace_lane(v, 2, load<f32>(p + 8));
  if (w > o + 3) v = f32x4.replace_lane(v, 3, load<f32>(p + 12));
  return v;
}

@inline function loadLo(p: usize, w: i32): v128 { return w >= 4 ? v128.load(p) : loadPartial(p, w, false); }
@inline function loadHi(p: usize, w: i32): v128 { return w == NR ? v128.load(p + 16) : loadPartial(p + 16, w, true); }

/**
 * K is walked in chunks of KC: for each chunk, every row block and panel. The chunk's rows of A
 * and B then stay in L1/L2 across the blocks and panels that reuse them; without chunks a long
 * K (the weight gradients, K = B·H·W up to 65536) streamed both from memory once per block and
 * panel. It matters most when A is read transposed (a block's rows are 16 bytes of each 4·M-byte
 * row of S): 128 measured 43–50 GFLOP/s on the weight-gradient shapes where 1024 gave 34–45.
 * C holds the partial sums between chunks (the same additions in the same order: results do
 * not depend on KC).
 */
const KC: i32 = 128;

/**
 * Rows [m0, m1) of C = A·B. A(i, k) at a + 4·(i·lda + k·ka) (see the top of this file); the 8
 * columns j0 .. j0+7 of B's row k at b + 4·(k·kb + (j0/8)·pb): packed by packB, kb = 8 and
 * pb = 8K; a row-major B with rows ldb floats apart read in place, kb = ldb and pb = 8 (only
 * when N % 8 == 0: a panel reads 8 floats). C's rows are ldc floats apart (N for a dense C).
 */
export function gemm(a: usize, lda: i32, ka: i32, b: usize, kb: i32, pb: i32, c: usize, ldc: i32, m0: i32, m1: i32, K: i32, N: i32): void {
  for (let k0 = 0; k0 < K; k0 += KC) {
    gemmChunk(a + (<usize>k0 * <usize>ka << 2), lda, ka, b + (<usize>k0 * <usize>kb << 2), kb, pb, c, ldc, m0, m1, min(KC, K - k0), N, k0 > 0);
  }
}

/** gemm over k in one chunk of kn: C = (acc ? C : 0) + A[:, chunk]·B[chunk, :]. */
function gemmChunk(a: usize, lda: i32, ka: i32, b: usize, kb: i32, pb: i32, c: usize, ldc: i32, m0: i32, m1: i32, kn: i32, N: i32, acc: bool): void {
  const rowA = <usize>lda << 2, rowC = <usize>ldc << 2, panel = <usize>pb << 2, stepB = <usize>kb << 2;
  const stepA = <usize>ka << 2, endA = <usize>kn * stepA;
  const zero = f32x4.splat(0);
  let i = m0;
  for (; i + 4 <= m1; i += 4) {
    const a0 = a + <usize>i * rowA, a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
    let bp = b;
    for (let j0 = 0; j0 < N; j0 += NR) {
      const w = min(NR, N - j0);
      const q = c + <usize>i * rowC + (<usize>j0 << 2);
      let c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
      if (acc) {
        c00 = loadLo(q, w); c01 = loadHi(q, w);
        c10 = loadLo(q + rowC, w); c11 = loadHi(q + rowC, w);
        c20 = loadLo(q + 2 * rowC, w); c21 = loadHi(q + 2 * rowC, w);
        c30 = loadLo(q + 3 * rowC, w); c31 = loadHi(q + 3 * rowC, w);
      }
      let p = bp;
      for (let k: usize = 0; k < endA; k += stepA) {
        const b0 = v128.load(p), b1 = v128.load(p + 16);
        p += stepB;
        const x0 = v128.load32_splat(a0 + k), x1 = v128.load32_splat(a1 + k);
        const x2 = v128.load32_splat(a2 + k), x3 = v128.load32_splat(a3 + k);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01);
        c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
        c20 = madd(x2, b0, c20); c21 = madd(x2, b1, c21);
        c30 = madd(x3, b0, c30); c31 = madd(x3, b1, c31);
      }
      storeRow(q, c00, c01, w);
      storeRow(q + rowC, c10, c11, w);
      storeRow(q + 2 * rowC, c20, c21, w);
      storeRow(q + 3 * rowC, c30, c31, w);
      bp += panel;
    }
  }
  for (; i < m1; i++) {
    const a0 = a + <usize>i * rowA;
    let bp = b;
    for (let j0 = 0; j0 < N; j0 += NR) {
      const w = min(NR, N - j0);
      const q = c + <usize>i * rowC + (<usize>j0 << 2);
      let c00 = zero, c01 = zero;
      if (acc) { c00 = loadLo(q, w); c01 = loadHi(q, w); }
      let p = bp;
      for (let k: usize = 0; k < endA; k += stepA) {
        const x0 = v128.load32_splat(a0 + k);
        c00 = madd(x0, v128.load(p), c00); c01 = madd(x0, v128.load(p + 16), c01);
        p += stepB;
      }
      storeRow(q, c00, c01, w);
      bp += panel;
    }
  }
}
