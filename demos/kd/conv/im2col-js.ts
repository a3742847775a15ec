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
  B: number; H: number; W: number; C: number;
  kh: number; kw: number; s: number; ph: number; pw: number;
  Ho: number; Wo: number;
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
        for (let i = 0; i < kh; i++) {
          const ih = oh * s + i - ph;
          if (ih < 0 || ih >= H) { out.fill(0, o, o + kw * C); o += kw * C; continue; }
          const row = xb + ih * W * C;
          for (let j = 0; j < kw; j++) {
            const iw = ow * s + j - pw;
            if (iw >= 0 && iw < W) {
              const src = row + iw * C;
              for (let c = 0; c < C; c++) out[o + c] = x[src + c]!;
            } else {
              for (let c = 0; c < C; c++) out[o + c] = 0;
            }
            o += C;
          }
        }
      }
    }
  }
  return out;
}

/** Adjoint of im2col: P-shaped gradient (B·Ho·Wo, kh·kw·C) -> dx (B, H, W, C), overlaps summed. */
export function col2im(dp: Float32Array, g: ConvGeom, outBuf?: Float32Array): Float32Array {
  const { B, H, W, C, kh, kw, s, ph, pw, Ho, Wo } = g;
  const dx = outBuf ?? new Float32Array(B * H * W * C); // must be zero-initialised
  let o = 0;
  for (let b = 0; b < B; b++) {
    const xb = b * H * W * C;
    for (let oh = 0; oh < Ho; oh++) {
      for (let ow = 0; ow < Wo; ow++) {
        for (let i = 0; i < kh; i++) {
          const ih = oh * s + i - ph;
          if (ih < 0 || ih >= H) { o += kw * C; continue; }
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
