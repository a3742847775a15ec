/**
 * Messages between the ViT island (page) and its worker, validated on receipt at both ends
 * (demos/shared/channel.ts). The worker decodes images and runs tfjs; the page only draws.
 *
 * page -> worker: load (a Blob to decode), embed (the last loaded image with a config)
 * worker -> page: runtime (backend info, again after a fallback), loaded, embedded, error
 * Every request carries an id; answers echo it (-1: a request that could not be read).
 */
import { z } from 'zod';
import { vitConfigSchema } from './config';
import { RuntimeInfoSchema } from '../shared/runtime-info';

const finite = z.number().refine(Number.isFinite, 'not a finite number');
const f32 = z.custom<Float32Array>((v) => v instanceof Float32Array, 'not a Float32Array');

export const VitRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load'), id: z.number().int(), name: z.string(), blob: z.instanceof(Blob), search: z.string() }),
  z.object({ type: z.literal('embed'), id: z.number().int(), config: vitConfigSchema, search: z.string() }),
]);
/** What the page sends (defaults may be left out) and what the worker gets after parsing. */
export type VitRequest = z.input<typeof VitRequestSchema>;
export type ParsedVitRequest = z.output<typeof VitRequestSchema>;

const LoadedImageSchema = z
  .object({
    name: z.string(),
    /** (S, S, 3) in [0, 1]: the model input after crop/resize and compositing. */
    rgb: f32,
    size: z.number().int().positive(),
    /** Upright size of the decoded image (after EXIF orientation). */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Korean notes on what was done to the image (transparency, upscaling, rotation). */
    notes: z.array(z.string()),
  })
  .refine((im) => im.rgb.length === im.size * im.size * 3, 'rgb must hold size × size × 3 values');
export type LoadedImage = z.infer<typeof LoadedImageSchema>;

/** demos/vit/pipeline.ts VitEmbedding, checked for consistent shapes. */
const VitEmbeddingSchema = z
  .object({
    grid: z.number().int().positive(),
    patches: z.number().int().positive(),
    dim: z.number().int().positive(),
    embeddings: f32, // (P, D)
    tokens: f32, // (T, D), T = P + 1
    position: f32, // (T, D)
    convMatMulMaxDiff: finite,
  })
  .refine(
    (r) =>
      r.patches === r.grid * r.grid &&
      r.embeddings.length === r.patches * r.dim &&
      r.tokens.length === (r.patches + 1) * r.dim &&
      r.position.length === r.tokens.length,
    'embedding shapes do not agree',
  );

export const VitResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('runtime'), info: RuntimeInfoSchema }),
  z.object({ type: z.literal('loaded'), id: z.number().int(), image: LoadedImageSchema, ms: finite }),
  z.object({ type: z.literal('embedded'), id: z.number().int(), result: VitEmbeddingSchema, ms: finite }),
  z.object({ type: z.literal('error'), id: z.number().int(), message: z.string() }),
]);
export type VitResponse = z.infer<typeof VitResponseSchema>;
