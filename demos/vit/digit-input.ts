/**
 * A reader's digit (a drawing or an uploaded picture) -> the 28×28 input the digit ViT was
 * trained on. MNIST digits are white ink on black, scaled so the digit's bounding box fits a
 * 20×20 box (aspect kept), and placed so the ink's centre of mass sits at the image centre;
 * a drawing that skips these steps (a small digit in a corner) is out of distribution and
 * the prediction goes wrong for a reason that has nothing to do with attention.
 * Raw typed arrays, no DOM: unit-tested in Node (test/unit/vit-digit-input.test.ts).
 */

export const DIGIT_SIZE = 28;
const BOX = 20;
/** Ink below this counts as background when finding the bounding box. */
const INK_MIN = 0.1;

/**
 * (H, W, 4) 8-bit RGBA -> (H, W) ink in [0, 1]. Pixels are composited over white, then
 * ink = 1 − luminance (dark strokes on light paper); if the border is darker than mid-grey
 * the picture is light-on-dark (MNIST style) and ink = luminance.
 */
export function inkFromRgba(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const n = width * height;
  if (rgba.length !== n * 4) throw new Error(`expected ${n * 4} bytes, got ${rgba.length}`);
  const lum = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const y = (0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!) / 255;
    lum[i] = a * y + (1 - a);
  }
  let border = 0,
    count = 0;
  for (let x = 0; x < width; x++) {
    border += lum[x]! + lum[(height - 1) * width + x]!;
    count += 2;
  }
  for (let y = 0; y < height; y++) {
    border += lum[y * width]! + lum[y * width + width - 1]!;
    count += 2;
  }
  const lightOnDark = border / count < 0.5;
  for (let i = 0; i < n; i++) lum[i] = lightOnDark ? lum[i]! : 1 - lum[i]!;
  return lum;
}

/** Area-average resample of the (w0 × h0) window at (x0, y0) of an (H, W) map to (tw × th). */
function areaResample(src: Float32Array, W: number, x0: number, y0: number, w0: number, h0: number, tw: number, th: number): Float32Array {
  const out = new Float32Array(tw * th);
  const sx = w0 / tw,
    sy = h0 / th;
  for (let oy = 0; oy < th; oy++) {
    const ya = y0 + oy * sy,
      yb = ya + sy;
    for (let ox = 0; ox < tw; ox++) {
      const xa = x0 + ox * sx,
        xb = xa + sx;
      let sum = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const wy = Math.min(yb, y + 1) - Math.max(ya, y);
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const wx = Math.min(xb, x + 1) - Math.max(xa, x);
          sum += wx * wy * src[y * W + x]!;
        }
      }
      out[oy * tw + ox] = sum / (sx * sy);
    }
  }
  return out;
}

/**
 * (H, W) ink -> (28, 28) ink, MNIST-style; null when there is no ink at all.
 * Bounding box -> longer side scaled to 20 px -> centred -> shifted so the centre of mass is at
 * (14, 14) (clamped so no ink leaves the frame).
 */
export function toDigitInput(ink: Float32Array, width: number, height: number): Float32Array | null {
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]! >= INK_MIN) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1;
  const scale = BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.round(bw * scale)),
    th = Math.max(1, Math.round(bh * scale));
  const box = areaResample(ink, width, x0, y0, bw, bh, tw, th); // (th, tw)
  let mass = 0,
    mx = 0,
    my = 0;
  for (let y = 0; y < th; y++)
    for (let x = 0; x < tw; x++) {
      const v = box[y * tw + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  const S = DIGIT_SIZE;
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  const left = clamp(Math.round(S / 2 - mx / mass), 0, S - tw),
    top = clamp(Math.round(S / 2 - my / mass), 0, S - th);
  const out = new Float32Array(S * S);
  for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++) out[(top + y) * S + left + x] = Math.min(1, box[y * tw + x]!);
  return out;
}

/**
 * The [CLS] query's attention over the P patches for one layer and one head, or the mean over
 * heads (head = null). clsAttention is (L, H, N) flattened, N = P + 1, token 0 = [CLS] itself.
 * Returns the P patch weights (row-major on the g×g grid) and the weight [CLS] keeps on itself.
 */
export function clsMap(
  clsAttention: Float32Array,
  L: number,
  H: number,
  N: number,
  layer: number,
  head: number | null,
): { patches: Float32Array; self: number } {
  if (clsAttention.length !== L * H * N) throw new Error(`expected ${L}×${H}×${N} weights, got ${clsAttention.length}`);
  if (layer < 0 || layer >= L || (head !== null && (head < 0 || head >= H))) throw new Error(`no layer ${layer} / head ${head}`);
  const heads = head === null ? Array.from({ length: H }, (_, h) => h) : [head];
  const patches = new Float32Array(N - 1);
  let self = 0;
  for (const h of heads) {
    const base = (layer * H + h) * N;
    self += clsAttention[base]! / heads.length;
    for (let k = 1; k < N; k++) patches[k - 1]! += clsAttention[base + k]! / heads.length;
  }
  return { patches, self };
}
