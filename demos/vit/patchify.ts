/**
 * Patchify an (S, S, 3) image, row-major HWC, into (P, p·p·3) flattened patches.
 *
 * Patch order (the ViT convention): patch n = row · g + col, g = S/p, i.e. left-to-right,
 * then top-to-bottom, as `x.flatten(2)` of the Conv2d output (B, D, g, g) gives in PyTorch.
 * Order inside a patch: (p1, p2, c) — pixel row, pixel column, then channel, exactly einops
 * `b c (h p1) (w p2) -> b (h w) (p1 p2 c)` (lucidrains/vit-pytorch). A PyTorch Conv2d weight
 * (D, 3, p, p) flattens as (c, p1, p2) instead; the two differ only by a fixed permutation
 * of the p²·3 inputs, which `cp1p2FromP1p2c` gives. Our tfjs conv filter (p, p, 3, D) (HWIO)
 * reshaped to (p²·3, D) is in (p1, p2, c) order, so conv and matMul share one weight array.
 */

/** (S, S, 3) -> (P, p²·3), P = (S/p)². */
export function patchify(rgb: Float32Array, size: number, p: number): Float32Array {
  if (rgb.length !== size * size * 3) throw new Error(`expected ${size}×${size}×3 = ${size * size * 3} values, got ${rgb.length}`);
  if (size % p !== 0) throw new Error(`image size ${size} is not a multiple of patch size ${p}`);
  const g = size / p;
  const dim = p * p * 3;
  const out = new Float32Array(g * g * dim);
  for (let r = 0; r < g; r++)
    for (let c = 0; c < g; c++) {
      const base = (r * g + c) * dim;
      for (let i = 0; i < p; i++) {
        // One pixel row of the patch is 3p contiguous values in both layouts.
        const src = ((r * p + i) * size + c * p) * 3;
        out.set(rgb.subarray(src, src + 3 * p), base + i * p * 3);
      }
    }
  return out;
}

/** Index k of (c, p1, p2) order -> index in (p1, p2, c) order, for one patch of side p. */
export function cp1p2FromP1p2c(p: number): Uint32Array {
  const perm = new Uint32Array(p * p * 3);
  for (let c = 0; c < 3; c++) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) perm[(c * p + i) * p + j] = (i * p + j) * 3 + c;
  return perm;
}

/** (row, col) of patch n on a g×g grid (row-major). */
export function patchRowCol(n: number, g: number): { row: number; col: number } {
  return { row: Math.floor(n / g), col: n % g };
}
