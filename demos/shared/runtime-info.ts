/**
 * What a demo's worker tells its page about the tfjs backend it got: the schema of
 * src/lib/runtime.ts's RuntimeInfo, for validating worker messages (demos/<demo>/protocol.ts).
 */
import { z } from 'zod';

const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

export const RuntimeInfoSchema = z.object({
  backend: z.enum(BACKEND_NAMES),
  forced: z.boolean(),
  adapter: z.object({ vendor: z.string(), architecture: z.string(), description: z.string() }).nullable(),
  skipped: z.array(z.object({ backend: z.enum(BACKEND_NAMES), reason: z.string() })),
  /** CPU threads the backend computes on (1 unless wasm runs its threaded build). */
  threads: z.number().int().min(1),
  /** Why it is one thread where more were possible (e.g. the page is not cross-origin isolated). */
  threadsNote: z.string().nullable(),
  /** Why the caller preferred this backend, when the preferred one runs (src/lib/runtime.ts). */
  preferred: z.string().nullable(),
});
export type RuntimeInfoMessage = z.infer<typeof RuntimeInfoSchema>;
