/**
 * Messages between the ViT island (page) and its worker. The worker decodes images and
 * runs tfjs; the page only draws. Requests are validated with zod in the worker.
 *
 * page -> worker: load (a Blob to decode), embed (the last loaded image with a config)
 * worker -> page: runtime (backend info, again after a fallback), loaded, embedded, error
 */
import { z } from 'zod';
import { vitConfigSchema } from '../../../demos/vit/config';
import type { VitEmbedding } from '../../../demos/vit/pipeline';
import type { RuntimeInfo } from '../../lib/runtime';

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load'), id: z.number().int(), name: z.string(), blob: z.instanceof(Blob), search: z.string() }),
  z.object({ type: z.literal('embed'), id: z.number().int(), config: vitConfigSchema, search: z.string() }),
]);
export type VitRequest = z.input<typeof requestSchema>;

export interface LoadedImage {
  name: string;
  /** (S, S, 3) in [0, 1]: the model input after crop/resize and compositing. */
  rgb: Float32Array;
  size: number;
  /** Upright size of the decoded image (after EXIF orientation). */
  width: number;
  height: number;
  /** Korean notes on what was done to the image (transparency, upscaling, rotation). */
  notes: string[];
}

export type VitResponse =
  | { type: 'runtime'; info: RuntimeInfo }
  | { type: 'loaded'; id: number; image: LoadedImage; ms: number }
  | { type: 'embedded'; id: number; result: VitEmbedding; ms: number }
  | { type: 'error'; id: number; message: string };
