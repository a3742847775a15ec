/**
 * Checkpoint of the tiny reversal Transformer (public/models/attention/reverse.json).
 * Written by scripts/train-attention-checkpoint.ts, read by the page. Weights are stored
 * as base64 little-endian float32 in paramSpecs() order; the schema checks names, shapes
 * and byte lengths so a truncated or mismatched file fails with the parameter's name.
 */
import { z } from 'zod';
import { paramSpecs, type TinyConfig } from './tiny-transformer';
import { formatZodError } from '../shared/zod-error';

export const CHECKPOINT_SCHEMA_VERSION = 'attention-reverse/1';

const tinyConfigSchema = z.object({
  vocab: z.number().int().positive(),
  seqLen: z.number().int().positive(),
  d: z.number().int().positive(),
  heads: z.number().int().positive(),
  layers: z.number().int().positive(),
  ff: z.number().int().positive(),
});

export const checkpointSchema = z.object({
  schema: z.literal(CHECKPOINT_SCHEMA_VERSION),
  task: z.literal('reverse-digits'),
  config: tinyConfigSchema,
  seed: z.number().int(),
  dataSeed: z.number().int(),
  steps: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  lr: z.number().positive(),
  backend: z.string(),
  codeVersion: z.string(),
  createdAt: z.string(),
  eval: z.object({ token: z.number().min(0).max(1), sequence: z.number().min(0).max(1), loss: z.number() }),
  params: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().positive()), data: z.string() })),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export function encodeFloat32(a: Float32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function decodeFloat32(b64: string): Float32Array {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new Float32Array(bytes.buffer, 0, Math.floor(bytes.length / 4));
}

/** Validates `json` and returns the config and parameter values; throws naming the bad field. */
export function parseCheckpoint(json: unknown, source: string): { ckpt: Checkpoint; config: TinyConfig; values: Float32Array[] } {
  const r = checkpointSchema.safeParse(json);
  if (!r.success) throw new Error(`${source}: invalid checkpoint: ${formatZodError(r.error)}`);
  const ckpt = r.data;
  const specs = paramSpecs(ckpt.config);
  if (specs.length !== ckpt.params.length) throw new Error(`${source}: ${ckpt.params.length} parameters, config needs ${specs.length}`);
  const values = specs.map((spec, i) => {
    const p = ckpt.params[i]!;
    if (p.name !== spec.name || p.shape.join() !== spec.shape.join())
      throw new Error(
        `${source}: params[${i}] is ${p.name} ${JSON.stringify(p.shape)}, expected ${spec.name} ${JSON.stringify(spec.shape)}`,
      );
    const v = decodeFloat32(p.data);
    const n = spec.shape.reduce((a, b) => a * b, 1);
    if (v.length !== n) throw new Error(`${source}: params[${i}] (${p.name}) has ${v.length} values, expected ${n}`);
    if (!v.every(Number.isFinite)) throw new Error(`${source}: params[${i}] (${p.name}) contains NaN/Infinity`);
    return v;
  });
  return { ckpt, config: ckpt.config, values };
}
