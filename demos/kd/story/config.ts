/**
 * The story's settings (zod: the worker and the URL read them through this schema).
 * few: Hinton et al. 2015's transfer-set setting — the teacher learns from every training
 *      window; the student gets 1 labelled window per class plus the teacher's soft labels on all.
 * lab: the protocol's setting — every model gets every training window's label.
 */
import { z } from 'zod';
import { enumControl, numberControl, zodOf } from '../../shared/controls';

export const SETTINGS = ['few', 'lab'] as const;
export type Setting = (typeof SETTINGS)[number];
/** The story reports a spread over seeds: fewer than 5 makes the t interval too wide to say anything. */
export const MIN_SEEDS = 5;
export const MAX_SEEDS = 10;

/** The reader's two controls, declared once: the schema below, the page's inputs and the URL codec read them. */
export const STORY_CONTROLS = {
  setting: enumControl(SETTINGS, 'few'),
  seeds: numberControl(MIN_SEEDS, MAX_SEEDS, 1, true, 5),
};

export const StoryConfigSchema = z.object({
  setting: zodOf(STORY_CONTROLS.setting).default(STORY_CONTROLS.setting.default),
  seeds: zodOf(STORY_CONTROLS.seeds).default(STORY_CONTROLS.seeds.default),
  /** Softmax temperature of the soft labels. */
  T: z.number().min(1).max(20).default(4),
  /** Weight of the soft-label term; 1 − λ on the labels. */
  lambda: z.number().min(0).max(1).default(0.9),
  /** Label smoothing ε of the control (and of the same-view teacher). */
  smoothing: z.number().min(0).max(0.5).default(0.1),
});
export type StoryConfig = z.output<typeof StoryConfigSchema>;
export const DEFAULT_CONFIG: StoryConfig = StoryConfigSchema.parse({});

/** Optimisation budget, fixed per setting (not a reader's control): same steps for every student. */
export const BUDGET = {
  teacher: { steps: 120, batch: 64, lr: 0.01 },
  student: { steps: 100, batch: 64, lr: 0.01 },
} as const;

export const STUDENTS = ['alone', 'ls', 'kd'] as const;
export type StudentKind = (typeof STUDENTS)[number];
