/**
 * Messages between the KD story island (page) and its worker, validated on receipt at both
 * ends (demos/shared/channel.ts).
 * page -> worker: run (a config, the asset's base URL, the page's query string), cancel
 * worker -> page: runtime, progress (done/total trained models), result, error (id −1: unreadable request)
 */
import { z } from 'zod';
import { StoryConfigSchema } from './config';
import { RuntimeInfoSchema } from '../../shared/runtime-info';

const unit = z.number().min(0).max(1);
const ScoresSchema = z.object({ accuracy: unit, macroF1: unit });

export const StoryRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), id: z.number().int(), config: StoryConfigSchema, dataBase: z.string(), search: z.string() }),
  z.object({ type: z.literal('cancel'), id: z.number().int() }),
]);
export type StoryRequest = z.input<typeof StoryRequestSchema>;

export const StoryResultSchema = z.object({
  config: StoryConfigSchema,
  seeds: z
    .array(
      z.object({
        seed: z.number().int(),
        scores: z.object({ teacher: ScoresSchema, alone: ScoresSchema, ls: ScoresSchema, kd: ScoresSchema }),
      }),
    )
    .min(1),
  testWindows: z.number().int().positive(),
  trainWindows: z.number().int().positive(),
  labelledWindows: z.number().int().positive(),
  seconds: z.number().nonnegative(),
});

export const StoryResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('runtime'), info: RuntimeInfoSchema }),
  z.object({ type: z.literal('progress'), id: z.number().int(), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: StoryResultSchema, backend: z.string() }),
  z.object({ type: z.literal('error'), id: z.number().int(), message: z.string() }),
]);
export type StoryResponse = z.infer<typeof StoryResponseSchema>;
