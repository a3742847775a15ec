/**
 * AssemblyScript source of the 1D Winograd F(4,3) transforms (conv/winograd1d.ts), compiled
 * with ./kernels.as.ts into one module; every buffer argument is a byte offset into the tfjs
 * heap, float32, row-major, channels a multiple of 4 (f32x4 over channels).
 *
 * 3-tap, stride 1, pad 1: tile t of a sample gives outputs 4t .. 4t+3 from the six inputs
 * d0..d5 = x[4t−1 .. 4t+4] (zero outside [0, W)); Tw = ⌈W/4⌉ tiles per sample, T = B·Tw rows.
 * Interpolation points 0, ±1, ±2, ∞ (Lavin & Gray 2016):
 *   U = Bᵀd   (six (T, C) matrices, ms floats apart: U_ξ(t, c) at u + ξ·ms + t·C + c)
 *   V = Gg    (six (C, O) matrices)          M_ξ = U_ξ·V_ξ   (six (T, O))
 *   y = AᵀM   y0 = M0+M1+M2+M3+M4, y1 = M1−M2+2(M3−M4), y2 = M1+M2+4(M3+M4), y3 = M1−M2+8(M3−M4)+M5
 * M, dM and dU are laid out the same way. ms (the matrix stride, conv/winograd.ts) is T·C (T·O)
 * rounded so that the six streams a transform reads or writes do not start at the same offset
 * modulo 4 KiB (they would share cache sets). The backward pass applies the transposed
 * matrices (the adjoints).
 * Plain mul/add (no fused multiply-add), so both builds give the same transforms.
 */

/** Row i of a sample (C floats at byte offset), or -1 for the zero padding. */
@inline function row(base: usize, i: i32, W: i32, rowBytes: usize): isize {
  return i < 0 || i >= W ? -1 : <isize>(base + <usize>i * rowBytes);
}

@inline function ld(p: isize, o: usize): v128 {
  return p < 0 ? f32x4.splat(0) : v128.load(<usize>p + o);
}

@inline function k(v: f32): v128 { return f32x4.splat(v); }

/** g (3, C, O) -> V (6, C, O): V0 = g0/4, V1,2 = −(g0 ± g1 + g2)/6, V3,4 = g0/24 ± g1/12 + g2/6, V5 = g2. */
export function wino4Filter(g: usize, C: i32, O: i32, v: usize): void {
  const n = <usize>C * <usize>O << 2;
  for (let o: usize = 0; o < n; o += 16) {
    const g0 = v128.load(g + o), g1 = v128.load(g + n + o), g2 = v128.load(g + 2 * n + o);
    const s02 = f32x4.add(g0, g2), a = f32x4.add(f32x4.mul(g0, k(1.0 / 24)), f32x4.mul(g2, k(1.0 / 6))), b = f32x4.mul(g1, k(1.0 / 12));
    v128.store(v + o, f32x4.mul(g0, k(0.25)));
    v128.store(v + n + o, f32x4.mul(f32x4.add(s02, g1), k(-1.0 / 6)));
    v128.store(v + 2 * n + o, f32x4.mul(f32x4.sub(s02, g1), k(-1.0 / 6)));
    v128.store(v + 3 * n + o, f32x4.add(a, b));
    v128.store(v + 4 * n + o, f32x4.sub(a, b));
    v128.store(v + 5 * n + o, g2);
  }
}

/** dV (6, C, O) -> dg (3, C, O) = Gᵀ·dV, the adjoint of wino4Filter. */
export function wino4FilterGrad(dv: usize, C: i32, O: i32, dg: usize): void {
  const n = <usize>C * <usize>O << 2;
  for (let o: usize = 0; o < n; o += 16) {
    const v0 = v128.load(dv + o), v1 = v128.load(dv + n + o), v2 = v128.load(dv + 2 * n + o);
    const v3 = v128.load(dv + 3 * n + o), v4 = v128.load(dv + 4 * n + o), v5 = v128.load(dv + 5 * n + o);
    const s12 = f32x4.mul(f32x4.add(v1, v2), k(-1.0 / 6)), s34 = f32x4.add(v3, v4);
    v128.store(dg + o, f32x4.add(f32x4.add(f32x4.mul(v0, k(0.25)), s12), f32x4.mul(s34, k(1.0 / 24))));
    v128.store(dg + n + o, f32x4.add(f32x4.mul(f32x4.sub(v2, v1), k(1.0 / 6)), f32x4.mul(f32x4.sub(v3, v4), k(1.0 / 12))));
    v128.store(dg + 2 * n + o, f32x4.add(f32x4.add(s12, f32x4.mul(s34, k(1.0 / 6))), v5));
  }
}

/** x (B, W, C) -> U (6, T, C). */
export function wino4In(x: usize, B: i32, W: i32, C: i32, u: usize, ms: i32): void {
  const Tw = (W + 3) >> 2, rowBytes = <usize>C << 2, mat = <usize>ms << 2;
  let o = u;
  for (let b = 0; b < B; b++) {
    const xb = x + <usize>b * <usize>W * rowBytes;
    for (let t = 0; t < Tw; t++) {
      const i = 4 * t - 1;
      const p0 = row(xb, i, W, rowBytes), p1 = row(xb, i + 1, W, rowBytes), p2 = row(xb, i + 2, W, rowBytes);
      const p3 = row(xb, i + 3, W, rowBytes), p4 = row(xb, i + 4, W, rowBytes), p5 = row(xb, i + 5, W, rowBytes);
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const d0 = ld(p0, c), d1 = ld(p1, c), d2 = ld(p2, c), d3 = ld(p3, c), d4 = ld(p4, c), d5 = ld(p5, c);
        const s34 = f32x4.add(d3, d4), s12 = f32x4.add(d1, d2), e43 = f32x4.sub(d4, d3), e12 = f32x4.sub(d1, d2);
        const e42 = f32x4.sub(d4, d2), e31 = f32x4.mul(f32x4.sub(d3, d1), k(2));
        const q = o + c;
        v128.store(q, f32x4.add(f32x4.sub(f32x4.mul(d0, k(4)), f32x4.mul(d2, k(5))), d4));
        v128.store(q + mat, f32x4.sub(s34, f32x4.mul(s12, k(4))));
        v128.store(q + 2 * mat, f32x4.add(e43, f32x4.mul(e12, k(4))));
        v128.store(q + 3 * mat, f32x4.add(e42, e31));
        v128.store(q + 4 * mat, f32x4.sub(e42, e31));
        v128.store(q + 5 * mat, f32x4.add(f32x4.sub(f32x4.mul(d1, k(4)), f32x4.mul(d3, k(5))), d5));
      }
      o += rowBytes;
    }
  }
}

/** M (6, T, O) -> y (B, W, O). */
export function wino4Out(m: usize, B: i32, W: i32, O: i32, y: usize, ms: i32): void {
  const Tw = (W + 3) >> 2, rowBytes = <usize>O << 2, mat = <usize>ms << 2;
  let o = m;
  for (let b = 0; b < B; b++) {
    const yb = y + <usize>b * <usize>W * rowBytes;
    for (let t = 0; t < Tw; t++) {
      const n = min(4, W - 4 * t);
      const y0 = yb + <usize>(4 * t) * rowBytes;
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const q = o + c;
        const m0 = v128.load(q), m1 = v128.load(q + mat), m2 = v128.load(q + 2 * mat);
        const m3 = v128.load(q + 3 * mat), m4 = v128.load(q + 4 * mat), m5 = v128.load(q + 5 * mat);
        const a = f32x4.add(m1, m2), s = f32x4.sub(m1, m2), b3 = f32x4.add(m3, m4), d3 = f32x4.sub(m3, m4);
        v128.store(y0 + c, f32x4.add(f32x4.add(m0, a), b3));
        if (n > 1) v128.store(y0 + rowBytes + c, f32x4.add(s, f32x4.mul(d3, k(2))));
        if (n > 2) v128.store(y0 + 2 * rowBytes + c, f32x4.add(a, f32x4.mul(b3, k(4))));
        if (n > 3) v128.store(y0 + 3 * rowBytes + c, f32x4.add(f32x4.add(s, f32x4.mul(d3, k(8))), m5));
      }
      o += rowBytes;
    }
  }
}

/**
 * dy (B, W, O) -> dM (6, T, O) = A·dy: dM0 = dy0, dM1,2 = dy0 ± dy1 + dy2 ± dy3,
 * dM3,4 = dy0 ± 2dy1 + 4dy2 ± 8dy3, dM5 = dy3 (dy zero past W).
 */
export function wino4GradOut(dy: usize, B: i32, W: i32, O: i32, m: usize, ms: i32): void {
  const Tw = (W + 3) >> 2, rowBytes = <usize>O << 2, mat = <usize>ms << 2;
  let o = m;
  for (let b = 0; b < B; b++) {
    const yb = dy + <usize>b * <usize>W * rowBytes;
    for (let t = 0; t < Tw; t++) {
      const i = 4 * t;
      const p0 = row(yb, i, W, rowBytes), p1 = row(yb, i + 1, W, rowBytes), p2 = row(yb, i + 2, W, rowBytes), p3 = row(yb, i + 3, W, rowBytes);
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const g0 = ld(p0, c), g1 = ld(p1, c), g2 = ld(p2, c), g3 = ld(p3, c);
        const e = f32x4.add(g0, g2), od = f32x4.add(g1, g3);
        const e4 = f32x4.add(g0, f32x4.mul(g2, k(4))), od2 = f32x4.add(f32x4.mul(g1, k(2)), f32x4.mul(g3, k(8)));
        const q = o + c;
        v128.store(q, g0);
        v128.store(q + mat, f32x4.add(e, od));
        v128.store(q + 2 * mat, f32x4.sub(e, od));
        v128.store(q + 3 * mat, f32x4.add(e4, od2));
        v128.store(q + 4 * mat, f32x4.sub(e4, od2));
        v128.store(q + 5 * mat, g3);
      }
      o += rowBytes;
    }
  }
}

/**
 * dU (6, T, C) -> dx (B, W, C), the adjoint of wino4In. Tile t's input gradients dd = B·dU:
 *   dd0 = 4dU0, dd1 = 4(dU2 − dU1 + dU5) + 2(dU4 − dU3), dd2 = −5dU0 − 4(dU1 + dU2) − dU3 − dU4,
 *   dd3 = dU1 − dU2 + 2(dU3 − dU4) − 5dU5, dd4 = dU0 + dU1 + dU2 + dU3 + dU4, dd5 = dU5,
 * belong to inputs 4t−1 .. 4t+4; inputs 4t−1 and 4t also get dd4 and dd5 of tile t − 1. Written
 * as a gather: each input row is written once (no zeroing, no read-modify-write of dx).
 */
export function wino4GradIn(du: usize, B: i32, W: i32, C: i32, dx: usize, ms: i32): void {
  const Tw = (W + 3) >> 2, rowBytes = <usize>C << 2, mat = <usize>ms << 2;
  const zero = f32x4.splat(0);
  for (let b = 0; b < B; b++) {
    const xb = dx + <usize>b * <usize>W * rowBytes, ub = du + <usize>(b * Tw) * rowBytes;
    // Tile t = Tw is past the end: it only carries tile Tw − 1's dd4 into input 4Tw − 1.
    for (let t = 0; t <= Tw; t++) {
      const i = 4 * t - 1;
      const here = t < Tw, prev = t > 0;
      const q = ub + <usize>t * rowBytes, qp = q - rowBytes;
      for (let c: usize = 0; c < rowBytes; c += 16) {
        let r0 = zero, r1 = zero, r2 = zero, r3 = zero;
        if (here) {
          const u0 = v128.load(q + c), u1 = v128.load(q + mat + c), u2 = v128.load(q + 2 * mat + c);
          const u3 = v128.load(q + 3 * mat + c), u4 = v128.load(q + 4 * mat + c), u5 = v128.load(q + 5 * mat + c);
          r0 = f32x4.mul(u0, k(4));
          r1 = f32x4.add(f32x4.mul(f32x4.add(f32x4.sub(u2, u1), u5), k(4)), f32x4.mul(f32x4.sub(u4, u3), k(2)));
          r2 = f32x4.sub(f32x4.sub(f32x4.mul(u0, k(-5)), f32x4.mul(f32x4.add(u1, u2), k(4))), f32x4.add(u3, u4));
          r3 = f32x4.sub(f32x4.add(f32x4.sub(u1, u2), f32x4.mul(f32x4.sub(u3, u4), k(2))), f32x4.mul(u5, k(5)));
        }
        if (prev) {
          const p0 = v128.load(qp + c), p1 = v128.load(qp + mat + c), p2 = v128.load(qp + 2 * mat + c);
          const p3 = v128.load(qp + 3 * mat + c), p4 = v128.load(qp + 4 * mat + c), p5 = v128.load(qp + 5 * mat + c);
          r0 = f32x4.add(r0, f32x4.add(f32x4.add(f32x4.add(p0, p1), f32x4.add(p2, p3)), p4));
          r1 = f32x4.add(r1, p5);
        }
        if (i >= 0 && i < W) v128.store(xb + <usize>i * rowBytes + c, r0);
        if (i + 1 < W) v128.store(xb + <usize>(i + 1) * rowBytes + c, r1);
        if (here && i + 2 < W) v128.store(xb + <usize>(i + 2) * rowBytes + c, r2);
        if (here && i + 3 < W) v128.store(xb + <usize>(i + 3) * rowBytes + c, r3);
      }
    }
  }
}
