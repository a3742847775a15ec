/**
 * AssemblyScript source of the 1D Winograd F(5,3) transforms (conv/winograd1d.ts), compiled
 * with ./kernels.as.ts into one module; every buffer argument is a byte offset into the tfjs
 * heap, float32, row-major, channels a multiple of 4 (f32x4 over channels).
 *
 * 3-tap, stride 1, pad 1: tile t of a sample gives outputs 5t .. 5t+4 from the seven inputs
 * d0..d6 = x[5t−1 .. 5t+5] (zero outside [0, W)); Tw = ⌈W/5⌉ tiles per sample, T = B·Tw rows.
 * Five outputs per tile fit the WRN's lengths 100, 50 and 25 exactly (F(4,3) computed 28
 * outputs for 25). Interpolation points 0, ±1, ±2, 1/2, ∞ (Lavin & Gray 2016; the matrices
 * below were checked exactly, in rational arithmetic, to give the correlation):
 *   Bᵀ [-2, 4, 5.0/2, -5, -1.0/2, 1, 0]
 *      [0, 2, -2, -9.0/2, 1.0/2, 1, 0]
 *      [0, -2, 6, -7.0/2, -3.0/2, 1, 0]
 *      [0, 1, -3.0/2, -2, 3.0/2, 1, 0]
 *      [0, -1, 5.0/2, 0, -5.0/2, 1, 0]
 *      [0, 4, 0, -5, 0, 1, 0]
 *      [0, -2, 4, 5.0/2, -5, -1.0/2, 1]
 *   G  [-1.0/2, 0, 0]
 *      [-1.0/3, -1.0/3, -1.0/3]
 *      [1.0/9, -1.0/9, 1.0/9]
 *      [1.0/36, 1.0/18, 1.0/9]
 *      [-1.0/60, 1.0/30, -1.0/15]
 *      [32.0/45, 16.0/45, 8.0/45]
 *      [0, 0, 1]
 *   Aᵀ [1, 1, 1, 1, 1, 1, 0]
 *      [0, 1, -1, 2, -2, 1.0/2, 0]
 *      [0, 1, 1, 4, 4, 1.0/4, 0]
 *      [0, 1, -1, 8, -8, 1.0/8, 0]
 *      [0, 1, 1, 16, 16, 1.0/16, 1]
 *   U = Bᵀd (seven (T, C) matrices ms floats apart: U_ξ(t, c) at u + ξ·ms + t·C + c),
 *   V = Gg (seven (C, O)), M_ξ = U_ξ·V_ξ (seven (T, O)), y = AᵀM.
 * M, dM and dU are laid out like U; ms (the matrix stride, conv/winograd.ts) keeps the seven
 * streams of a transform from sharing cache sets. The backward pass applies the transposed
 * matrices (the adjoints). Plain mul/add (no fused multiply-add), so both builds give the same
 * transforms; each row below is the matrix row with equal-magnitude terms summed first.
 */

/** Row i of a sample (C floats at byte offset), or -1 for the zero padding. */
@inline function row(base: usize, i: i32, W: i32, rowBytes: usize): isize {
  return i < 0 || i >= W ? -1 : <isize>(base + <usize>i * rowBytes);
}

@inline function ld(p: isize, o: usize): v128 {
  return p < 0 ? f32x4.splat(0) : v128.load(<usize>p + o);
}

@inline function k(v: f32): v128 { return f32x4.splat(v); }

/** g (3, C, O) -> V (7, C, O) = G·g. */
export function wino5Filter(g: usize, C: i32, O: i32, v: usize): void {
  const n = <usize>C * <usize>O << 2;
  for (let o: usize = 0; o < n; o += 16) {
    const g0 = v128.load(g + o), g1 = v128.load(g + n + o), g2 = v128.load(g + 2 * n + o);
    v128.store(v + o, f32x4.mul(g0, k(-1.0 / 2)));
    v128.store(v + 1 * n + o, f32x4.mul(f32x4.add(f32x4.add(g0, g1), g2), k(-1.0 / 3)));
    v128.store(v + 2 * n + o, f32x4.mul(f32x4.sub(f32x4.add(g0, g2), g1), k(1.0 / 9)));
    v128.store(v + 3 * n + o, f32x4.add(f32x4.add(f32x4.mul(g0, k(1.0 / 36)), f32x4.mul(g1, k(1.0 / 18))), f32x4.mul(g2, k(1.0 / 9))));
    v128.store(v + 4 * n + o, f32x4.add(f32x4.add(f32x4.mul(g0, k(-1.0 / 60)), f32x4.mul(g1, k(1.0 / 30))), f32x4.mul(g2, k(-1.0 / 15))));
    v128.store(v + 5 * n + o, f32x4.add(f32x4.add(f32x4.mul(g2, k(8.0 / 45)), f32x4.mul(g1, k(16.0 / 45))), f32x4.mul(g0, k(32.0 / 45))));
    v128.store(v + 6 * n + o, g2);
  }
}

/** dV (7, C, O) -> dg (3, C, O) = Gᵀ·dV, the adjoint of wino5Filter. */
export function wino5FilterGrad(dv: usize, C: i32, O: i32, dg: usize): void {
  const n = <usize>C * <usize>O << 2;
  for (let o: usize = 0; o < n; o += 16) {
    const q = dv + o;
    const v0 = v128.load(q), v1 = v128.load(q + n), v2 = v128.load(q + 2 * n), v3 = v128.load(q + 3 * n);
    const v4 = v128.load(q + 4 * n), v5 = v128.load(q + 5 * n), v6 = v128.load(q + 6 * n);
    v128.store(dg + o, f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(v4, k(-1.0 / 60)), f32x4.mul(v3, k(1.0 / 36))), f32x4.mul(v2, k(1.0 / 9))), f32x4.mul(v1, k(-1.0 / 3))), f32x4.mul(v0, k(-1.0 / 2))), f32x4.mul(v5, k(32.0 / 45))));
    v128.store(dg + 1 * n + o, f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(v4, k(1.0 / 30)), f32x4.mul(v3, k(1.0 / 18))), f32x4.mul(v2, k(-1.0 / 9))), f32x4.mul(v1, k(-1.0 / 3))), f32x4.mul(v5, k(16.0 / 45))));
    v128.store(dg + 2 * n + o, f32x4.add(f32x4.add(f32x4.add(f32x4.add(v6, f32x4.mul(v4, k(-1.0 / 15))), f32x4.mul(f32x4.add(v2, v3), k(1.0 / 9))), f32x4.mul(v5, k(8.0 / 45))), f32x4.mul(v1, k(-1.0 / 3))));
  }
}

/** x (B, W, C) -> U (7, T, C). */
export function wino5In(x: usize, B: i32, W: i32, C: i32, u: usize, ms: i32): void {
  const Tw = (W + 4) / 5, rowBytes = <usize>C << 2, mat = <usize>ms << 2;
  let o = u;
  for (let b = 0; b < B; b++) {
    const xb = x + <usize>b * <usize>W * rowBytes;
    for (let t = 0; t < Tw; t++) {
      const i = 5 * t - 1;
      const p0 = row(xb, i, W, rowBytes), p1 = row(xb, i + 1, W, rowBytes), p2 = row(xb, i + 2, W, rowBytes), p3 = row(xb, i + 3, W, rowBytes);
      const p4 = row(xb, i + 4, W, rowBytes), p5 = row(xb, i + 5, W, rowBytes), p6 = row(xb, i + 6, W, rowBytes);
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const d0 = ld(p0, c), d1 = ld(p1, c), d2 = ld(p2, c), d3 = ld(p3, c), d4 = ld(p4, c), d5 = ld(p5, c), d6 = ld(p6, c);
        const q = o + c;
        v128.store(q, f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(d5, f32x4.mul(d4, k(-1.0 / 2))), f32x4.mul(d0, k(-2))), f32x4.mul(d2, k(5.0 / 2))), f32x4.mul(d1, k(4))), f32x4.mul(d3, k(-5))));
        v128.store(q + mat, f32x4.add(f32x4.add(f32x4.add(d5, f32x4.mul(d4, k(1.0 / 2))), f32x4.mul(f32x4.sub(d1, d2), k(2))), f32x4.mul(d3, k(-9.0 / 2))));
        v128.store(q + 2 * mat, f32x4.add(f32x4.add(f32x4.add(f32x4.add(d5, f32x4.mul(d4, k(-3.0 / 2))), f32x4.mul(d1, k(-2))), f32x4.mul(d3, k(-7.0 / 2))), f32x4.mul(d2, k(6))));
        v128.store(q + 3 * mat, f32x4.add(f32x4.add(f32x4.add(d1, d5), f32x4.mul(f32x4.sub(d4, d2), k(3.0 / 2))), f32x4.mul(d3, k(-2))));
        v128.store(q + 4 * mat, f32x4.add(f32x4.sub(d5, d1), f32x4.mul(f32x4.sub(d2, d4), k(5.0 / 2))));
        v128.store(q + 5 * mat, f32x4.add(f32x4.add(d5, f32x4.mul(d1, k(4))), f32x4.mul(d3, k(-5))));
        v128.store(q + 6 * mat, f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(d6, f32x4.mul(d5, k(-1.0 / 2))), f32x4.mul(d1, k(-2))), f32x4.mul(d3, k(5.0 / 2))), f32x4.mul(d2, k(4))), f32x4.mul(d4, k(-5))));
      }
      o += rowBytes;
    }
  }
}

/** M (7, T, O) -> y (B, W, O). */
export function wino5Out(m: usize, B: i32, W: i32, O: i32, y: usize, ms: i32): void {
  const Tw = (W + 4) / 5, rowBytes = <usize>O << 2, mat = <usize>ms << 2;
  let o = m;
  for (let b = 0; b < B; b++) {
    const yb = y + <usize>b * <usize>W * rowBytes;
    for (let t = 0; t < Tw; t++) {
      const nOut = min(5, W - 5 * t);
      const y0 = yb + <usize>(5 * t) * rowBytes;
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const q = o + c;
        const m0 = v128.load(q), m1 = v128.load(q + mat), m2 = v128.load(q + 2 * mat), m3 = v128.load(q + 3 * mat);
        const m4 = v128.load(q + 4 * mat), m5 = v128.load(q + 5 * mat), m6 = v128.load(q + 6 * mat);
        v128.store(y0 + c, f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(m0, m1), m2), m3), m4), m5));
        if (nOut > 1) v128.store(y0 + 1 * rowBytes + c, f32x4.add(f32x4.add(f32x4.sub(m1, m2), f32x4.mul(m5, k(1.0 / 2))), f32x4.mul(f32x4.sub(m3, m4), k(2))));
        if (nOut > 2) v128.store(y0 + 2 * rowBytes + c, f32x4.add(f32x4.add(f32x4.add(m1, m2), f32x4.mul(m5, k(1.0 / 4))), f32x4.mul(f32x4.add(m3, m4), k(4))));
        if (nOut > 3) v128.store(y0 + 3 * rowBytes + c, f32x4.add(f32x4.add(f32x4.sub(m1, m2), f32x4.mul(m5, k(1.0 / 8))), f32x4.mul(f32x4.sub(m3, m4), k(8))));
        if (nOut > 4) v128.store(y0 + 4 * rowBytes + c, f32x4.add(f32x4.add(f32x4.add(f32x4.add(m1, m2), m6), f32x4.mul(m5, k(1.0 / 16))), f32x4.mul(f32x4.add(m3, m4), k(16))));
      }
      o += rowBytes;
    }
  }
}

/** dy (B, W, O) -> dM (7, T, O) = A·dy (dy zero past W). */
export function wino5GradOut(dy: usize, B: i32, W: i32, O: i32, m: usize, ms: i32): void {
  const Tw = (W + 4) / 5, rowBytes = <usize>O << 2, mat = <usize>ms << 2;
  let o = m;
  for (let b = 0; b < B; b++) {
    const yb = dy + <usize>b * <usize>W * rowBytes;
    for (let t = 0; t < Tw; t++) {
      const i = 5 * t;
      const p0 = row(yb, i, W, rowBytes), p1 = row(yb, i + 1, W, rowBytes), p2 = row(yb, i + 2, W, rowBytes);
      const p3 = row(yb, i + 3, W, rowBytes), p4 = row(yb, i + 4, W, rowBytes);
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const g0 = ld(p0, c), g1 = ld(p1, c), g2 = ld(p2, c), g3 = ld(p3, c), g4 = ld(p4, c);
        const q = o + c;
        v128.store(q, g0);
        v128.store(q + mat, f32x4.add(f32x4.add(f32x4.add(f32x4.add(g0, g1), g2), g3), g4));
        v128.store(q + 2 * mat, f32x4.sub(f32x4.sub(f32x4.add(f32x4.add(g0, g2), g4), g1), g3));
        v128.store(q + 3 * mat, f32x4.add(f32x4.add(f32x4.add(f32x4.add(g0, f32x4.mul(g1, k(2))), f32x4.mul(g2, k(4))), f32x4.mul(g3, k(8))), f32x4.mul(g4, k(16))));
        v128.store(q + 4 * mat, f32x4.add(f32x4.add(f32x4.add(f32x4.add(g0, f32x4.mul(g1, k(-2))), f32x4.mul(g2, k(4))), f32x4.mul(g3, k(-8))), f32x4.mul(g4, k(16))));
        v128.store(q + 5 * mat, f32x4.add(f32x4.add(f32x4.add(f32x4.add(g0, f32x4.mul(g4, k(1.0 / 16))), f32x4.mul(g3, k(1.0 / 8))), f32x4.mul(g2, k(1.0 / 4))), f32x4.mul(g1, k(1.0 / 2))));
        v128.store(q + 6 * mat, g4);
      }
      o += rowBytes;
    }
  }
}

/**
 * dU (7, T, C) -> dx (B, W, C), the adjoint of wino5In. Tile t's input gradients dd = B·dU
 * (dd_r for input 5t−1+r) are written as a gather: input 5t−1+r gets dd_r of tile t, and inputs
 * 5t−1 and 5t also dd5 and dd6 of tile t − 1; each row is written once.
 */
export function wino5GradIn(du: usize, B: i32, W: i32, C: i32, dx: usize, ms: i32): void {
  const Tw = (W + 4) / 5, rowBytes = <usize>C << 2, mat = <usize>ms << 2;
  const zero = f32x4.splat(0);
  for (let b = 0; b < B; b++) {
    const xb = dx + <usize>b * <usize>W * rowBytes, ub = du + <usize>(b * Tw) * rowBytes;
    // Tile t = Tw is past the end: it only carries tile Tw − 1's dd5, dd6 into inputs 5Tw − 1, 5Tw.
    for (let t = 0; t <= Tw; t++) {
      const i = 5 * t - 1;
      const here = t < Tw, prev = t > 0;
      const q = ub + <usize>t * rowBytes, qp = q - rowBytes;
      for (let c: usize = 0; c < rowBytes; c += 16) {
        let r0 = zero, r1 = zero, r2 = zero, r3 = zero, r4 = zero;
        if (here) {
          const a = q + c;
          const u0 = v128.load(a), u1 = v128.load(a + mat), u2 = v128.load(a + 2 * mat), u3 = v128.load(a + 3 * mat);
          const u4 = v128.load(a + 4 * mat), u5 = v128.load(a + 5 * mat), u6 = v128.load(a + 6 * mat);
          r0 = f32x4.mul(u0, k(-2));
          r1 = f32x4.add(f32x4.add(f32x4.sub(u3, u4), f32x4.mul(f32x4.sub(f32x4.sub(u1, u2), u6), k(2))), f32x4.mul(f32x4.add(u0, u5), k(4)));
          r2 = f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(u3, k(-3.0 / 2)), f32x4.mul(u1, k(-2))), f32x4.mul(f32x4.add(u0, u4), k(5.0 / 2))), f32x4.mul(u6, k(4))), f32x4.mul(u2, k(6)));
          r3 = f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.mul(u3, k(-2)), f32x4.mul(u6, k(5.0 / 2))), f32x4.mul(u2, k(-7.0 / 2))), f32x4.mul(u1, k(-9.0 / 2))), f32x4.mul(f32x4.add(u0, u5), k(-5)));
          r4 = f32x4.add(f32x4.add(f32x4.add(f32x4.mul(f32x4.sub(u1, u0), k(1.0 / 2)), f32x4.mul(f32x4.sub(u3, u2), k(3.0 / 2))), f32x4.mul(u4, k(-5.0 / 2))), f32x4.mul(u6, k(-5)));
        }
        if (prev) {
          const a = qp + c;
          const u0 = v128.load(a), u1 = v128.load(a + mat), u2 = v128.load(a + 2 * mat), u3 = v128.load(a + 3 * mat);
          const u4 = v128.load(a + 4 * mat), u5 = v128.load(a + 5 * mat), u6 = v128.load(a + 6 * mat);
          r0 = f32x4.add(r0, f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(f32x4.add(u0, u1), u2), u3), u4), u5), f32x4.mul(u6, k(-1.0 / 2))));
          r1 = f32x4.add(r1, u6);
        }
        if (i >= 0 && i < W) v128.store(xb + <usize>i * rowBytes + c, r0);
        if (i + 1 < W) v128.store(xb + <usize>(i + 1) * rowBytes + c, r1);
        if (here && i + 2 < W) v128.store(xb + <usize>(i + 2) * rowBytes + c, r2);
        if (here && i + 3 < W) v128.store(xb + <usize>(i + 3) * rowBytes + c, r3);
        if (here && i + 4 < W) v128.store(xb + <usize>(i + 4) * rowBytes + c, r4);
      }
    }
  }
}
