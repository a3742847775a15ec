/**
 * AssemblyScript source of the 2D Winograd F(2×2,3×3) transforms (conv/winograd2d.ts),
 * compiled with ./kernels.as.ts into one module; every buffer argument is a byte offset into
 * the tfjs heap, float32, NHWC, channels a multiple of 4 (f32x4 over channels).
 *
 * 3×3, stride 1, pad 1: tile (b, ty, tx) gives the 2×2 outputs at rows 2ty, 2ty+1 and columns
 * 2tx, 2tx+1 from the 4×4 input patch d at rows 2ty−1 .. 2ty+2, columns 2tx−1 .. 2tx+2 (zero
 * outside); th = ⌈H/2⌉, tw = ⌈W/2⌉, T = B·th·tw tiles, row t = (b·th + ty)·tw + tx. The 1D
 * F(2,3) matrices applied along both axes (the tensor product; Lavin & Gray 2016):
 *   Bᵀ rows: d0 − d2, d1 + d2, d2 − d1, d1 − d3      G rows: g0, (g0+g1+g2)/2, (g0−g1+g2)/2, g2
 *   Aᵀ rows: m0 + m1 + m2, m1 − m2 − m3
 *   U = BᵀdB (16 (T, C) matrices ms floats apart: U_ξν(t, c) at u + (4ξ + ν)·ms + t·C + c),
 *   V = GgGᵀ (16 (C, O)), M_ξν = U_ξν·V_ξν, y = AᵀMA.
 * M, dM and dU are laid out like U. ms (the matrix stride, conv/winograd.ts) is T·C (T·O)
 * rounded so that the 16 streams a transform writes do not start at the same offset modulo
 * 4 KiB: at T·C = 2^18 they all fell into the same cache sets and the writing transforms ran
 * 2–3× slower. The backward pass applies the transposed matrices (the adjoints). Plain
 * mul/add (no fused multiply-add), so both builds give the same transforms.
 */

// 1D transforms, applied along one axis at a time.
@inline function bt0(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.sub(a, c); }
@inline function bt1(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.add(b, c); }
@inline function bt2(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.sub(c, b); }
@inline function bt3(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.sub(b, d); }
// Adjoint of Bᵀ: the input gradient of one axis from the four transformed ones.
@inline function bb0(a: v128, b: v128, c: v128, d: v128): v128 { return a; }
@inline function bb1(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.add(f32x4.sub(b, c), d); }
@inline function bb2(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.sub(f32x4.add(b, c), a); }
@inline function bb3(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.neg(d); }
@inline function at0(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.add(f32x4.add(a, b), c); }
@inline function at1(a: v128, b: v128, c: v128, d: v128): v128 { return f32x4.sub(f32x4.sub(b, c), d); }
@inline function half(v: v128): v128 { return f32x4.mul(v, f32x4.splat(0.5)); }

/** Byte offset of input pixel (i, j) of a sample, or -1 outside the image (zero padding). */
@inline function px(base: usize, i: i32, j: i32, H: i32, W: i32, cb: usize): isize {
  return i < 0 || i >= H || j < 0 || j >= W ? -1 : <isize>(base + (<usize>i * <usize>W + <usize>j) * cb);
}

@inline function ld(p: isize, o: usize): v128 {
  return p < 0 ? f32x4.splat(0) : v128.load(<usize>p + o);
}

/** g (3, 3, C, O) -> V (16, C, O) = G g Gᵀ. */
export function wino2Filter(g: usize, C: i32, O: i32, v: usize): void {
  const n = <usize>C * <usize>O << 2;
  for (let o: usize = 0; o < n; o += 16) {
    const q = g + o;
    const g00 = v128.load(q), g01 = v128.load(q + n), g02 = v128.load(q + 2 * n);
    const g10 = v128.load(q + 3 * n), g11 = v128.load(q + 4 * n), g12 = v128.load(q + 5 * n);
    const g20 = v128.load(q + 6 * n), g21 = v128.load(q + 7 * n), g22 = v128.load(q + 8 * n);
    // h_ξj = (G g)_ξj, along the kernel's rows.
    const s0 = f32x4.add(g00, g20), s1 = f32x4.add(g01, g21), s2 = f32x4.add(g02, g22);
    const h10 = half(f32x4.add(s0, g10)), h11 = half(f32x4.add(s1, g11)), h12 = half(f32x4.add(s2, g12));
    const h20 = half(f32x4.sub(s0, g10)), h21 = half(f32x4.sub(s1, g11)), h22 = half(f32x4.sub(s2, g12));
    filterRow(v + o, n, g00, g01, g02, 0);
    filterRow(v + o, n, h10, h11, h12, 1);
    filterRow(v + o, n, h20, h21, h22, 2);
    filterRow(v + o, n, g20, g21, g22, 3);
  }
}

/** V_ξ0 .. V_ξ3 = G·(a, b, c) along the kernel's columns. */
@inline function filterRow(v: usize, n: usize, a: v128, b: v128, c: v128, xi: i32): void {
  const p = v + <usize>(4 * xi) * n, s = f32x4.add(a, c);
  v128.store(p, a);
  v128.store(p + n, half(f32x4.add(s, b)));
  v128.store(p + 2 * n, half(f32x4.sub(s, b)));
  v128.store(p + 3 * n, c);
}

/** Component j of Gᵀ·(a, b, c, d), the adjoint of G: a + (b+c)/2, (b−c)/2, (b+c)/2 + d. */
@inline function gt(a: v128, b: v128, c: v128, d: v128, j: i32): v128 {
  if (j == 0) return f32x4.add(a, half(f32x4.add(b, c)));
  if (j == 1) return half(f32x4.sub(b, c));
  return f32x4.add(half(f32x4.add(b, c)), d);
}

/** dV (16, C, O) -> dg (3, 3, C, O) = Gᵀ dV G, the adjoint of wino2Filter. */
export function wino2FilterGrad(dv: usize, C: i32, O: i32, dg: usize): void {
  const n = <usize>C * <usize>O << 2;
  for (let o: usize = 0; o < n; o += 16) {
    const q = dv + o;
    const v00 = v128.load(q), v01 = v128.load(q + n), v02 = v128.load(q + 2 * n), v03 = v128.load(q + 3 * n);
    const v10 = v128.load(q + 4 * n), v11 = v128.load(q + 5 * n), v12 = v128.load(q + 6 * n), v13 = v128.load(q + 7 * n);
    const v20 = v128.load(q + 8 * n), v21 = v128.load(q + 9 * n), v22 = v128.load(q + 10 * n), v23 = v128.load(q + 11 * n);
    const v30 = v128.load(q + 12 * n), v31 = v128.load(q + 13 * n), v32 = v128.load(q + 14 * n), v33 = v128.load(q + 15 * n);
    for (let j = 0; j < 3; j++) {
      // dh_ξj along the kernel's columns, then dg_ij along its rows.
      const h0 = gt(v00, v01, v02, v03, j), h1 = gt(v10, v11, v12, v13, j), h2 = gt(v20, v21, v22, v23, j), h3 = gt(v30, v31, v32, v33, j);
      const p = dg + <usize>j * n + o;
      v128.store(p, gt(h0, h1, h2, h3, 0));
      v128.store(p + 3 * n, gt(h0, h1, h2, h3, 1));
      v128.store(p + 6 * n, gt(h0, h1, h2, h3, 2));
    }
  }
}

/** x (B, H, W, C) -> U (16, T, C). */
export function wino2In(x: usize, B: i32, H: i32, W: i32, C: i32, u: usize, ms: i32): void {
  const th = (H + 1) >> 1, tw = (W + 1) >> 1, cb = <usize>C << 2, mat = <usize>ms << 2;
  let o = u;
  for (let b = 0; b < B; b++) {
    const xb = x + <usize>b * <usize>H * <usize>W * cb;
    for (let ty = 0; ty < th; ty++) {
      const i = 2 * ty - 1;
      for (let tx = 0; tx < tw; tx++) {
        const j = 2 * tx - 1;
        const p00 = px(xb, i, j, H, W, cb), p01 = px(xb, i, j + 1, H, W, cb), p02 = px(xb, i, j + 2, H, W, cb), p03 = px(xb, i, j + 3, H, W, cb);
        const p10 = px(xb, i + 1, j, H, W, cb), p11 = px(xb, i + 1, j + 1, H, W, cb), p12 = px(xb, i + 1, j + 2, H, W, cb), p13 = px(xb, i + 1, j + 3, H, W, cb);
        const p20 = px(xb, i + 2, j, H, W, cb), p21 = px(xb, i + 2, j + 1, H, W, cb), p22 = px(xb, i + 2, j + 2, H, W, cb), p23 = px(xb, i + 2, j + 3, H, W, cb);
        const p30 = px(xb, i + 3, j, H, W, cb), p31 = px(xb, i + 3, j + 1, H, W, cb), p32 = px(xb, i + 3, j + 2, H, W, cb), p33 = px(xb, i + 3, j + 3, H, W, cb);
        for (let c: usize = 0; c < cb; c += 16) {
          // Along rows (ξ) first: e_ξs = (Bᵀ d)_ξs for each patch column s.
          const d00 = ld(p00, c), d01 = ld(p01, c), d02 = ld(p02, c), d03 = ld(p03, c);
          const d10 = ld(p10, c), d11 = ld(p11, c), d12 = ld(p12, c), d13 = ld(p13, c);
          const d20 = ld(p20, c), d21 = ld(p21, c), d22 = ld(p22, c), d23 = ld(p23, c);
          const d30 = ld(p30, c), d31 = ld(p31, c), d32 = ld(p32, c), d33 = ld(p33, c);
          const q = o + c;
          inRow(q, mat, bt0(d00, d10, d20, d30), bt0(d01, d11, d21, d31), bt0(d02, d12, d22, d32), bt0(d03, d13, d23, d33), 0);
          inRow(q, mat, bt1(d00, d10, d20, d30), bt1(d01, d11, d21, d31), bt1(d02, d12, d22, d32), bt1(d03, d13, d23, d33), 1);
          inRow(q, mat, bt2(d00, d10, d20, d30), bt2(d01, d11, d21, d31), bt2(d02, d12, d22, d32), bt2(d03, d13, d23, d33), 2);
          inRow(q, mat, bt3(d00, d10, d20, d30), bt3(d01, d11, d21, d31), bt3(d02, d12, d22, d32), bt3(d03, d13, d23, d33), 3);
        }
        o += cb;
      }
    }
  }
}

/** U_ξ0 .. U_ξ3 = Bᵀ·(e0, e1, e2, e3) along the patch's columns, stored at matrices 4ξ .. 4ξ+3. */
@inline function inRow(q: usize, mat: usize, e0: v128, e1: v128, e2: v128, e3: v128, xi: i32): void {
  const p = q + <usize>(4 * xi) * mat;
  v128.store(p, bt0(e0, e1, e2, e3));
  v128.store(p + mat, bt1(e0, e1, e2, e3));
  v128.store(p + 2 * mat, bt2(e0, e1, e2, e3));
  v128.store(p + 3 * mat, bt3(e0, e1, e2, e3));
}

/** M (16, T, O) -> y (B, H, W, O). */
export function wino2Out(m: usize, B: i32, H: i32, W: i32, O: i32, y: usize, ms: i32): void {
  const th = (H + 1) >> 1, tw = (W + 1) >> 1, cb = <usize>O << 2, mat = <usize>ms << 2;
  let o = m;
  for (let b = 0; b < B; b++) {
    const yb = y + <usize>b * <usize>H * <usize>W * cb;
    for (let ty = 0; ty < th; ty++) {
      const i = 2 * ty, down = i + 1 < H;
      for (let tx = 0; tx < tw; tx++) {
        const j = 2 * tx, right = j + 1 < W;
        const q0 = yb + (<usize>i * <usize>W + <usize>j) * cb, q1 = q0 + <usize>W * cb;
        for (let c: usize = 0; c < cb; c += 16) {
          const q = o + c;
          // Along columns (ν) first: z_ξa = (M Aᵀ... ) for output column a, then along rows.
          const m0 = colOut(q, mat, 0), m1 = colOut(q, mat, 1), m2 = colOut(q, mat, 2), m3 = colOut(q, mat, 3);
          const n0 = colOut1(q, mat, 0), n1 = colOut1(q, mat, 1), n2 = colOut1(q, mat, 2), n3 = colOut1(q, mat, 3);
          v128.store(q0 + c, at0(m0, m1, m2, m3));
          if (right) v128.store(q0 + cb + c, at0(n0, n1, n2, n3));
          if (down) {
            v128.store(q1 + c, at1(m0, m1, m2, m3));
            if (right) v128.store(q1 + cb + c, at1(n0, n1, n2, n3));
          }
        }
        o += cb;
      }
    }
  }
}

/** Output column 0 of row ξ of M: M_ξ0 + M_ξ1 + M_ξ2. */
@inline function colOut(q: usize, mat: usize, xi: i32): v128 {
  const p = q + <usize>(4 * xi) * mat;
  return at0(v128.load(p), v128.load(p + mat), v128.load(p + 2 * mat), v128.load(p + 3 * mat));
}

/** Output column 1 of row ξ of M: M_ξ1 − M_ξ2 − M_ξ3. */
@inline function colOut1(q: usize, mat: usize, xi: i32): v128 {
  const p = q + <usize>(4 * xi) * mat;
  return at1(v128.load(p), v128.load(p + mat), v128.load(p + 2 * mat), v128.load(p + 3 * mat));
}

/** dy (B, H, W, O) -> dM (16, T, O) = A dy Aᵀ per tile (dy zero outside the image). */
export function wino2GradOut(dy: usize, B: i32, H: i32, W: i32, O: i32, m: usize, ms: i32): void {
  const th = (H + 1) >> 1, tw = (W + 1) >> 1, cb = <usize>O << 2, mat = <usize>ms << 2;
  let o = m;
  for (let b = 0; b < B; b++) {
    const yb = dy + <usize>b * <usize>H * <usize>W * cb;
    for (let ty = 0; ty < th; ty++) {
      const i = 2 * ty;
      for (let tx = 0; tx < tw; tx++) {
        const j = 2 * tx;
        const p00 = px(yb, i, j, H, W, cb), p01 = px(yb, i, j + 1, H, W, cb), p10 = px(yb, i + 1, j, H, W, cb), p11 = px(yb, i + 1, j + 1, H, W, cb);
        for (let c: usize = 0; c < cb; c += 16) {
          const g00 = ld(p00, c), g01 = ld(p01, c), g10 = ld(p10, c), g11 = ld(p11, c);
          // A·(g0, g1) = (g0, g0 + g1, g0 − g1, −g1) along rows, then along columns.
          const q = o + c;
          gradOutRow(q, mat, g00, g01, 0);
          gradOutRow(q, mat, f32x4.add(g00, g10), f32x4.add(g01, g11), 1);
          gradOutRow(q, mat, f32x4.sub(g00, g10), f32x4.sub(g01, g11), 2);
          gradOutRow(q, mat, f32x4.neg(g10), f32x4.neg(g11), 3);
        }
        o += cb;
      }
    }
  }
}

@inline function gradOutRow(q: usize, mat: usize, a: v128, b: v128, xi: i32): void {
  const p = q + <usize>(4 * xi) * mat;
  v128.store(p, a);
  v128.store(p + mat, f32x4.add(a, b));
  v128.store(p + 2 * mat, f32x4.sub(a, b));
  v128.store(p + 3 * mat, f32x4.neg(b));
}

/**
 * dU (16, T, C) -> dx (B, H, W, C), the adjoint of wino2In: each tile's dd = B dU Bᵀ (4×4) is
 * added into its patch; patches of neighbouring tiles overlap by two rows or columns, so dx
 * is zeroed first and every pixel inside sums up to four tiles' terms.
 */
export function wino2GradIn(du: usize, B: i32, H: i32, W: i32, C: i32, dx: usize, ms: i32): void {
  const th = (H + 1) >> 1, tw = (W + 1) >> 1, cb = <usize>C << 2, mat = <usize>ms << 2;
  memory.fill(dx, 0, <usize>B * <usize>H * <usize>W * cb);
  let o = du;
  for (let b = 0; b < B; b++) {
    const xb = dx + <usize>b * <usize>H * <usize>W * cb;
    for (let ty = 0; ty < th; ty++) {
      const i = 2 * ty - 1;
      for (let tx = 0; tx < tw; tx++) {
        const j = 2 * tx - 1;
        for (let c: usize = 0; c < cb; c += 16) {
          const q = o + c;
          // Along rows: f_rν = (B·dU)_rν for each column ν, then along columns into the patch.
          const u00 = v128.load(q), u01 = v128.load(q + mat), u02 = v128.load(q + 2 * mat), u03 = v128.load(q + 3 * mat);
          const u10 = v128.load(q + 4 * mat), u11 = v128.load(q + 5 * mat), u12 = v128.load(q + 6 * mat), u13 = v128.load(q + 7 * mat);
          const u20 = v128.load(q + 8 * mat), u21 = v128.load(q + 9 * mat), u22 = v128.load(q + 10 * mat), u23 = v128.load(q + 11 * mat);
          const u30 = v128.load(q + 12 * mat), u31 = v128.load(q + 13 * mat), u32 = v128.load(q + 14 * mat), u33 = v128.load(q + 15 * mat);
          gradInRow(xb, i, j, H, W, cb, c, bb0(u00, u10, u20, u30), bb0(u01, u11, u21, u31), bb0(u02, u12, u22, u32), bb0(u03, u13, u23, u33));
          gradInRow(xb, i + 1, j, H, W, cb, c, bb1(u00, u10, u20, u30), bb1(u01, u11, u21, u31), bb1(u02, u12, u22, u32), bb1(u03, u13, u23, u33));
          gradInRow(xb, i + 2, j, H, W, cb, c, bb2(u00, u10, u20, u30), bb2(u01, u11, u21, u31), bb2(u02, u12, u22, u32), bb2(u03, u13, u23, u33));
          gradInRow(xb, i + 3, j, H, W, cb, c, bb3(u00, u10, u20, u30), bb3(u01, u11, u21, u31), bb3(u02, u12, u22, u32), bb3(u03, u13, u23, u33));
        }
        o += cb;
      }
    }
  }
}

/** Adds B·(f0, f1, f2, f3) along the patch's columns into input row i, columns j .. j+3 (inside only). */
@inline function gradInRow(xb: usize, i: i32, j: i32, H: i32, W: i32, cb: usize, c: usize, f0: v128, f1: v128, f2: v128, f3: v128): void {
  if (i < 0 || i >= H) return;
  const r = xb + <usize>i * <usize>W * cb + c;
  if (j >= 0) addAt(r + <usize>j * cb, bb0(f0, f1, f2, f3));
  addAt(r + <usize>(j + 1) * cb, bb1(f0, f1, f2, f3)); // j + 1 = 2tx is always inside
  if (j + 2 < W) addAt(r + <usize>(j + 2) * cb, bb2(f0, f1, f2, f3));
  if (j + 3 < W) addAt(r + <usize>(j + 3) * cb, bb3(f0, f1, f2, f3));
}

@inline function addAt(p: usize, v: v128): void { v128.store(p, f32x4.add(v128.load(p), v)); }
