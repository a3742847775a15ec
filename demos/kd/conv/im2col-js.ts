/**
 * im2col / col2im on plain Float32Arrays, for the CPU and WASM backends (whose data lives in
 * JS or WASM memory, so a dataSync() is a copy, not a GPU read-back). Replaces the dozens of
 * pad/slice/concat kernels (and their gradients) of the op-based path with two loops:
 * tfjs's CPU Slice on a non-contiguous region walks TensorBuffer.get per element (~100× slower).
 *
 * Geometry (NHWC, 1D is H = 1, kh = 1, ph = 0): output (oh, ow), tap (i, j) reads input
 * (oh·s + i − ph, ow·s + j − pw); outside the input reads 0 (PyTorch zero padding).
 * Patch matrix P: (B·Ho·Wo, kh·kw·C), column order (i, j, c) = tfjs filter (kh, kw, C, O) order.
 */
export interface ConvGeom {
  B: number;
  H: number;
  W: number;
  C: number;
  kh: number;
  kw: number;
  s: number;
  ph: number;
  pw: number;
  Ho: number;
  Wo: number;
}

export function geom(B: number, H: number, W: number, C: number, kh: number, kw: number, s: number, ph: number, pw: number): ConvGeom {
  return { B, H, W, C, kh, kw, s, ph, pw, Ho: Math.floor((H + 2 * ph - kh) / s) + 1, Wo: Math.floor((W + 2 * pw - kw) / s) + 1 };
}

/** x (B, H, W, C) -> P (B·Ho·Wo, kh·kw·C). Writes every element (padding as 0), so `outBuf` may hold garbage. */
export function im2col(x: Float32Array, g: ConvGeom, outBuf?: Float32Array): Float32Array {
  const { B, H, W, C, kh, kw, s, ph, pw, Ho, Wo } = g;
  const cols = kh * kw * C;
  const out = outBuf ?? new Float32Array(B * Ho * Wo * cols);
  let o = 0;
  for (let b = 0; b < B; b++) {
    const xb = b * H * W * C;
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        // Taps j0..j1-1 fall inside the input row: one contiguous (j, c) range of x (NHWC).
        const iw0 = ow * s - pw;
        const j0 = Math.max(0, -iw0),
          j1 = Math.min(kw, W - iw0);
        for (let i = 0; i < kh; i++) {
          const ih = oh * s + i - ph;
          if (ih < 0 || ih >= H || j1 <= j0) {
            out.fill(0, o, o + kw * C);
            o += kw * C;
            continue;
          }
          if (j0 > 0) out.fill(0, o, o + j0 * C);
          const src = xb + (ih * W + iw0 + j0) * C,
            n = (j1 - j0) * C;
          if (n <= 16) {
            const d = o + j0 * C;
            for (let c = 0; c < n; c++) out[d + c] = x[src + c]!;
          } else out.set(x.subarray(src, src + n), o + j0 * C);
          if (j1 < kw) out.fill(0, o + j1 * C, o + kw * C);
          o += kw * C;
        }
      }
    }
  }
  return out;
}

/**
 * 1D (kh = 1, ph = 0) adjoint as a gather: each dx element is written once, its taps summed in
 * the scatter's order (ow ascending = j descending, so results are bit-identical), so dx
 * needs no zeroing and no read-modify-write.
 */
function col2im1d(dp: Float32Array, g: ConvGeom, dx: Float32Array): void {
  const { B, H, W, C, kw, s, pw, Wo } = g;
  const rowP = kw * C;
  for (let b = 0; b < B; b++) {
    const xb = b * H * W * C,
      pb = b * Wo * rowP;
    for (let w = 0; w < W; w++) {
      const d = xb + w * C;
      let first = true;
      for (let j = kw - 1; j >= 0; j--) {
        const t = w + pw - j; // = ow·s
        if (t < 0 || t % s !== 0) continue;
        const ow = t / s;
        if (ow >= Wo) continue;
        const src = pb + ow * rowP + j * C;
        if (first) {
          for (let c = 0; c < C; c++) dx[d + c] = dp[src + c]!;
          first = false;
        } else for (let c = 0; c < C; c++) dx[d + c] = dx[d + c]! + dp[src + c]!;
      }
      if (first) dx.fill(0, d, d + C);
    }
  }
}

/**
 * Adjoint of im2col: P-shaped gradient (B·Ho·Wo, kh·kw·C) -> dx (B, H, W, C), overlaps summed.
 * 1D: writes every element of dx (`outBuf` may hold garbage); 2D: adds into dx, so `outBuf` must
 * be zeroed (fresh arrays are).
 */
export function col2im(dp: Float32Array, g: ConvGeom, outBuf?: Float32Array): Float32Array {
  const { B, H, W, C, kh, kw, s, ph, pw, Ho, Wo } = g;
  const dx = outBuf ?? new Float32Array(B * H * W * C);
  if (kh === 1 && ph === 0 && H === 1 && Ho === 1) {
    col2im1d(dp, g, dx);
    return dx;
  }
  let o = 0;
  for (let b = 0; b < B; b++) {
    const xb = b * H * W * C;
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        for (let i = 0; i < kh; i++) {
          const ih = oh * s + i - ph;
          if (ih < 0 || ih >= H) {
            o += kw * C;
            continue;
          }
          const row = xb + ih * W * C;
          for (let j = 0; j < kw; j++) {
            const iw = ow * s + j - pw;
            if (iw >= 0 && iw < W) {
              const dst = row + iw * C;
              for (let c = 0; c < C; c++) dx[dst + c]! += dp[o + c]!;
            }
            o += C;
          }
        }
      }
    }
  }
  return dx;
}
