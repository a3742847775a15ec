/**
 * ViT patch-embedding configuration: image size S, patch size p, model dim D, seed and the
 * kind of position embedding. One zod schema is the boundary for the worker and the UI.
 * Counts follow the ViT paper: g = S/p patches per side, P = g² patches, T = P + 1 tokens
 * (the [CLS] token is prepended), each a D-vector.
 */
import { z } from 'zod';
import { enumControl, zodOf } from '../shared/controls';

export const IMAGE_SIZE = 224;
export const PATCH_SIZES = [8, 14, 16, 32] as const;
/** ViT-Ti 192, ViT-S 384, ViT-B 768. */
const MODEL_DIMS = [192, 384, 768] as const;
const POS_KINDS = ['learned', 'sincos'] as const;

/**
 * The reader's controls, each declared once: the worker's schema below, the page's radios and
 * options (VitDemo.astro) and the URL codec (src/islands/vit/url-state.ts) derive from it.
 */
export const VIT_CONTROLS = {
  p: enumControl(PATCH_SIZES, 16),
  d: enumControl(MODEL_DIMS, 192),
  pos: enumControl(POS_KINDS, 'learned'),
};

export const vitConfigSchema = z
  .object({
    imageSize: z.number().int().positive().default(IMAGE_SIZE),
    patch: zodOf(VIT_CONTROLS.p),
    dim: zodOf(VIT_CONTROLS.d),
    pos: zodOf(VIT_CONTROLS.pos),
    seed: z.number().int().nonnegative(),
  })
  .refine((c) => c.imageSize % c.patch === 0, { message: 'imageSize must be a multiple of the patch size' });
export type VitConfig = z.infer<typeof vitConfigSchema>;

export interface VitCounts {
  /** g = S / p: patches per side. */ grid: number;
  /** P = g². */ patches: number;
  /** p²·3: values in one flattened patch. */ patchDim: number;
  /** T = P + 1 ([CLS] prepended). */ tokens: number;
}

export function vitCounts(imageSize: number, patch: number): VitCounts {
  if (!Number.isInteger(imageSize / patch)) throw new Error(`image size ${imageSize} is not a multiple of patch size ${patch}`);
  const grid = imageSize / patch;
  return { grid, patches: grid * grid, patchDim: patch * patch * 3, tokens: grid * grid + 1 };
}
