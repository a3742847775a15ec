/**
 * Messages between two KD workers that train one run together (lanes.ts). Each end validates
 * what it receives with LaneMsgSchema (demos/shared/channel.ts), like the page ↔ worker
 * channel (protocol.ts). Windows and weights travel as typed arrays whose buffers are
 * transferred, not copied.
 *
 *   setup      the windows the run uses and the split choice: the receiver builds the same
 *              FoldInputs (experiment/inputs.ts runInputs) and so the same WrnPhaseTrainer
 *   train      train one phase without teachers; answered by step / epoch … then trained | failed
 *   cancel     abort the request `id` (the answer is failed with aborted: true)
 *   hello      sent once by an end that can serve: its backend and kernels. The session uses
 *              the other end only when they match its own (else the numbers could differ).
 * Before that, the worker that starts the other (src/islands/kd/worker/worker-lane.ts) sends it
 * LaneInitSchema: the page's query string, to pick the same backend.
 */
import { z } from 'zod';
import { RunConfigSchema } from './config';
import { PhaseResultSchema } from './protocol';
import { SPLITS } from '../experiment/split';

const F32 = z.custom<Float32Array>((v) => v instanceof Float32Array, 'not a Float32Array');
const I32 = z.custom<Int32Array>((v) => v instanceof Int32Array, 'not an Int32Array');
const int = z.number().int();
const finite = z.number().refine(Number.isFinite, 'not a finite number');
const id = int.positive();
const key = z.string().min(1);

/** Every parameter by name (trainer.ts save), names[i] ↔ data[i]. */
const LaneWeightsSchema = z
  .object({ names: z.array(z.string()), data: z.array(F32) })
  .refine((w) => w.names.length === w.data.length, 'names and data differ in length');

/** A trained phase's outcome (phases.ts TrainOutcome): a PhaseResult without what the session adds. */
const LaneOutcomeSchema = PhaseResultSchema.omit({ phase: true, ms: true, origin: true, trainWindows: true, testWindows: true });

export const LaneMsgSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('setup'),
    key,
    /** (N, W, S) windows of the run, already capped (experiment/cap.ts), in the order the sender's split sees them. */
    windows: z.object({ n: int.nonnegative(), x: F32, y: I32, subject: I32, start: I32 }),
    choice: z.object({ split: z.enum(SPLITS), testSubject: int, seed: int, gafSize: int.positive() }),
  }),
  z.object({ type: z.literal('train'), id, key, phase: z.enum(['teacher-gaf', 'teacher-signal', 'student-ce']), config: RunConfigSchema }),
  z.object({ type: z.literal('cancel'), id }),
  z.object({ type: z.literal('step'), id, epoch: int, step: int, steps: int, loss: finite }),
  z.object({
    type: z.literal('epoch'),
    id,
    epoch: int,
    trainLoss: finite,
    testAcc: finite,
    ms: z.object({ train: finite, bn: finite, eval: finite, fit: finite }).optional(),
  }),
  z.object({
    type: z.literal('trained'),
    id,
    weights: LaneWeightsSchema,
    shapes: z.array(z.array(int.nonnegative())),
    outcome: LaneOutcomeSchema,
  }),
  z.object({ type: z.literal('failed'), id, message: z.string(), aborted: z.boolean() }),
  z.object({ type: z.literal('hello'), backend: z.string(), kernels: z.boolean().nullable() }),
]);
export type LaneMsg = z.infer<typeof LaneMsgSchema>;

/** The first message to a lane worker: the page's query string (?backend=, ?threads=). */
export const LaneInitSchema = z.object({ type: z.literal('lane-init'), search: z.string() });
export type LaneInit = z.infer<typeof LaneInitSchema>;
/** What an end runs on: hello's payload. */
export type LaneRuntime = { backend: string; kernels: boolean | null };
