/**
 * AssemblyScript source of the fast path's WASM kernels (demos/kd/wasm/README.md, "WASM SIMD kernels and Winograd").
 * Compiled by `npm run build:wasm` into ./kernels-wasm.ts (base64, committed); the unit test
 * test/unit/wasm-kernels.test.ts recompiles it and fails if the committed bytes are stale.
 *
 * The module IMPORTS tfjs-backend-wasm's own memory (env.memory), so every argument named like
 * a buffer is a byte offset into the tfjs heap: tensors are read and written where they live,
 * with no copy in or out. The module has no data segments, no globals written, no allocator
 * and never grows memory: it only touches the ranges it is given.
 * All buffers are float32 (f64 where the name says so), row-major. Channel loops use f32x4 and
 * need C % 4 == 0 (the caller checks; WRN widths are multiples of 16).
 */

// ---------------------------------------------------------------- BN + ReLU (models/bn-relu-wasm.ts)
// Rows are summed in f32 blocks of BLOCK rows, each block added to an f64 total: SIMD speed
// with an error close to f64 accumulation (the JS loops accumulate in f64).
const BLOCK: i32 = 64;

/** tot[c] (f64) = Σ_r x[r, c] − center[c], squared if `square`; acc: C floats of scratch. x (R, C). */
export function colSums(x: usize, R: i32, C: i32, center: usize, square: bool, acc: usize, tot: usize): void {
  for (let c = 0; c < C; c++) store<f64>(tot + (<usize>c << 3), 0);
  const rowBytes = <usize>C << 2;
  for (let r0 = 0; r0 < R; r0 += BLOCK) {
    const r1 = min(R, r0 + BLOCK);
    memory.fill(acc, 0, rowBytes);
    for (let r = r0; r < r1; r++) {
      const row = x + <usize>r * rowBytes;
      for (let o: usize = 0; o < rowBytes; o += 16) {
        let d = f32x4.sub(v128.load(row + o), v128.load(center + o));
        if (square) d = f32x4.mul(d, d);
        v128.store(acc + o, f32x4.add(v128.load(acc + o), d));
      }
    }
    for (let c = 0; c < C; c++) {
      const p = tot + (<usize>c << 3);
      store<f64>(p, load<f64>(p) + <f64>load<f32>(acc + (<usize>c << 2)));
    }
  }
}

/** x̂ = (x − mean)·invStd (stored), y = max(x̂·γ + β, 0). x, xhat, y (R, C); per-channel f32[C]. */
export function bnForward(x: usize, R: i32, C: i32, mean: usize, invStd: usize, gamma: usize, beta: usize, xhat: usize, y: usize): void {
  const rowBytes = <usize>C << 2;
  const zero = f32x4.splat(0);
  for (let r = 0; r < R; r++) {
    const base = <usize>r * rowBytes;
    for (let o: usize = 0; o < rowBytes; o += 16) {
      const h = f32x4.mul(f32x4.sub(v128.load(x + base + o), v128.load(mean + o)), v128.load(invStd + o));
      v128.store(xhat + base + o, h);
      v128.store(y + base + o, f32x4.max(f32x4.add(f32x4.mul(h, v128.load(gamma + o)), v128.load(beta + o)), zero));
    }
  }
}

/** Eval mode: y = max(x·scale + shift, 0). */
export function affineRelu(x: usize, R: i32, C: i32, scale: usize, shift: usize, y: usize): void {
  const rowBytes = <usize>C << 2;
  const zero = f32x4.splat(0);
  for (let r = 0; r < R; r++) {
    const base = <usize>r * rowBytes;
    for (let o: usize = 0; o < rowBytes; o += 16) {
      v128.store(y + base + o, f32x4.max(f32x4.add(f32x4.mul(v128.load(x + base + o), v128.load(scale + o)), v128.load(shift + o)), zero));
    }
  }
}

/**
 * Backward, pass 1: g = dy·[x̂·γ + β > 0] (the ReLU mask recomputed from x̂ exactly as the
 * forward computed y), totB[c] = Σ g, totG[c] = Σ g·x̂ (f64). accB, accG: C floats of scratch.
 */
export function bnBackwardSums(dy: usize, xhat: usize, R: i32, C: i32, gamma: usize, beta: usize, accG: usize, accB: usize, totG: usize, totB: usize): void {
  for (let c = 0; c < C; c++) { store<f64>(totG + (<usize>c << 3), 0); store<f64>(totB + (<usize>c << 3), 0); }
  const rowBytes = <usize>C << 2;
  const zero = f32x4.splat(0);
  for (let r0 = 0; r0 < R; r0 += BLOCK) {
    const r1 = min(R, r0 + BLOCK);
    memory.fill(accG, 0, rowBytes);
    memory.fill(accB, 0, rowBytes);
    for (let r = r0; r < r1; r++) {
      const base = <usize>r * rowBytes;
      for (let o: usize = 0; o < rowBytes; o += 16) {
        const h = v128.load(xhat + base + o);
        const mask = f32x4.gt(f32x4.add(f32x4.mul(h, v128.load(gamma + o)), v128.load(beta + o)), zero);
        const g = v128.and(v128.load(dy + base + o), mask);
        v128.store(accB + o, f32x4.add(v128.load(accB + o), g));
        v128.store(accG + o, f32x4.add(v128.load(accG + o), f32x4.mul(g, h)));
      }
    }
    for (let c = 0; c < C; c++) {
      const pg = totG + (<usize>c << 3), pb = totB + (<usize>c << 3);
      store<f64>(pg, load<f64>(pg) + <f64>load<f32>(accG + (<usize>c << 2)));
      store<f64>(pb, load<f64>(pb) + <f64>load<f32>(accB + (<usize>c << 2)));
    }
  }
}

/** Backward, pass 2: dx = k·(g − mb − x̂·mg), with k = γ·invStd, mb = Σg/R, mg = Σg·x̂/R per channel. */
export function bnBackwardDx(dy: usize, xhat: usize, R: i32, C: i32, gamma: usize, beta: usize, k: usize, mb: usize, mg: usize, dx: usize): void {
  const rowBytes = <usize>C << 2;
  const zero = f32x4.splat(0);
  for (let r = 0; r < R; r++) {
    const base = <usize>r * rowBytes;
    for (let o: usize = 0; o < rowBytes; o += 16) {
      const h = v128.load(xhat + base + o);
      const mask = f32x4.gt(f32x4.add(f32x4.mul(h, v128.load(gamma + o)), v128.load(beta + o)), zero);
      const g = v128.and(v128.load(dy + base + o), mask);
      const t = f32x4.sub(f32x4.sub(g, v128.load(mb + o)), f32x4.mul(h, v128.load(mg + o)));
      v128.store(dx + base + o, f32x4.mul(v128.load(k + o), t));
    }
  }
}

// ---------------------------------------------------------------- transposes (conv/fast-conv.ts)

/** (rows, cols) -> (cols, rows), in 4×4 SIMD blocks; needs rows % 4 == 0 and cols % 4 == 0. */
export function transpose4(a: usize, rows: i32, cols: i32, out: usize): void {
  const rowA = <usize>cols << 2, rowO = <usize>rows << 2;
  for (let r = 0; r < rows; r += 4) {
    const src = a + <usize>r * rowA;
    for (let c = 0; c < cols; c += 4) {
      const p = src + (<usize>c << 2);
      const r0 = v128.load(p), r1 = v128.load(p + rowA), r2 = v128.load(p + 2 * rowA), r3 = v128.load(p + 3 * rowA);
      // 4×4 transpose: interleave pairs, then halves.
      const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
      const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
      const q = out + <usize>c * rowO + (<usize>r << 2);
      v128.store(q, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
      v128.store(q + rowO, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
      v128.store(q + 2 * rowO, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
      v128.store(q + 3 * rowO, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
    }
  }
}

/** Scalar (rows, cols) -> (cols, rows) for any shape. */
export function transpose(a: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const src = a + (<usize>r * <usize>cols << 2);
    for (let c = 0; c < cols; c++) store<f32>(out + ((<usize>c * <usize>rows + <usize>r) << 2), load<f32>(src + (<usize>c << 2)));
  }
}

// ---------------------------------------------------------------- convolution loops (conv/fast-conv.ts)
// Geometry as conv/im2col-js.ts: x (B, H, W, C) NHWC, output (Ho, Wo), tap (i, j) reads
// (oh·s + i − ph, ow·s + j − pw), zero outside. P (B·Ho·Wo, kh·kw·C), column order (i, j, c).
// 1D convs are the case H = kh = 1, ph = 0.

/** P from x: per output position and tap row i, one contiguous copy of the taps inside x. */
export function im2col2d(x: usize, B: i32, H: i32, W: i32, C: i32, kh: i32, kw: i32, s: i32, ph: i32, pw: i32, Ho: i32, Wo: i32, out: usize): void {
  const cb = <usize>C << 2, rowK = <usize>kw * cb;
  let o = out;
  for (let b = 0; b < B; b++) {
    const xb = x + <usize>b * <usize>H * <usize>W * cb;
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        const iw0 = ow * s - pw;
        const j0 = max(0, -iw0), j1 = min(kw, W - iw0);
        for (let i = 0; i < kh; i++) {
          const ih = oh * s + i - ph;
          if (ih < 0 || ih >= H || j1 <= j0) { memory.fill(o, 0, rowK); o += rowK; continue; }
          if (j0 > 0) memory.fill(o, 0, <usize>j0 * cb);
          memory.copy(o + <usize>j0 * cb, xb + (<usize>ih * <usize>W + <usize>(iw0 + j0)) * cb, <usize>(j1 - j0) * cb);
          if (j1 < kw) memory.fill(o + <usize>j1 * cb, 0, <usize>(kw - j1) * cb);
          o += rowK;
        }
      }
    }
  }
}

/**
 * Pᵀ (kh·kw·C, B·Ho·Wo) from xᵀ (C, B·H·W): row (i, j, c), for each (b, oh), is a run of
 * input row ih = oh·s + i − ph of channel c, shifted by j − pw and strided by s (zero outside).
 */
export function patchesT2d(xT: usize, B: i32, H: i32, W: i32, C: i32, kh: i32, kw: i32, s: i32, ph: i32, pw: i32, Ho: i32, Wo: i32, out: usize): void {
  const M = B * Ho * Wo, HW = H * W, BHW = B * HW;
  const woBytes = <usize>Wo << 2;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const sh = j - pw; // iw = ow·s + sh
      let lo = 0;
      while (lo < Wo && lo * s + sh < 0) lo++;
      let hi = Wo;
      while (hi > lo && (hi - 1) * s + sh > W - 1) hi--;
      for (let c = 0; c < C; c++) {
        const rowOut = out + (<usize>((i * kw + j) * C + c) * <usize>M << 2), rowIn = xT + (<usize>c * <usize>BHW << 2);
        for (let b = 0; b < B; b++) {
          for (let oh = 0; oh < Ho; oh++) {
            const o = rowOut + (<usize>((b * Ho + oh) * Wo) << 2);
            const ih = oh * s + i - ph;
            if (ih < 0 || ih >= H || hi <= lo) { memory.fill(o, 0, woBytes); continue; }
            if (lo > 0) memory.fill(o, 0, <usize>lo << 2);
            const src = rowIn + (<usize>(b * HW + ih * W + sh) << 2);
            if (s === 1) memory.copy(o + (<usize>lo << 2), src + (<usize>lo << 2), <usize>(hi - lo) << 2);
            else for (let ow = lo; ow < hi; ow++) store<f32>(o + (<usize>ow << 2), load<f32>(src + (<usize>(ow * s) << 2)));
            if (hi < Wo) memory.fill(o + (<usize>hi << 2), 0, <usize>(Wo - hi) << 2);
          }
        }
      }
    }
  }
}

/** dx (B, H, W, C) from dP (B·Ho·Wo, kh·kw·C): zeroes dx, then adds every patch back (C % 4 == 0). */
export function col2im2d(dp: usize, B: i32, H: i32, W: i32, C: i32, kh: i32, kw: i32, s: i32, ph: i32, pw: i32, Ho: i32, Wo: i32, dx: usize): void {
  const cb = <usize>C << 2;
  memory.fill(dx, 0, <usize>B * <usize>H * <usize>W * cb);
  let o = dp;
  for (let b = 0; b < B; b++) {
    const xb = dx + <usize>b * <usize>H * <usize>W * cb;
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        for (let i = 0; i < kh; i++) {
          const ih = oh * s + i - ph;
          if (ih < 0 || ih >= H) { o += <usize>kw * cb; continue; }
          const row = xb + <usize>ih * <usize>W * cb;
          for (let j = 0; j < kw; j++) {
            const iw = ow * s + j - pw;
            if (iw >= 0 && iw < W) {
              const d = row + <usize>iw * cb;
              for (let c: usize = 0; c < cb; c += 16) v128.store(d + c, f32x4.add(v128.load(d + c), v128.load(o + c)));
            }
            o += cb;
          }
        }
      }
    }
  }
}
