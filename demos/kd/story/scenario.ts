/**
 * Runs the whole story: per fold a teacher (label-smoothed CNN, wider than the student) on all
 * training windows; then for each seed and both folds three students from the same initial weights —
 * alone (CE), ls (CE with label smoothing: the control), kd (soft labels at T, weight λ).
 * Per seed, each score is the mean over the two folds; the summary is over seeds.
 */
import { BUDGET, STUDENTS, type StoryConfig, type StudentKind } from './config';
import { createCnn, type StoryModel } from './models';
import { STORY_CHANNELS as S, STORY_CLASSES as K } from './recordings';
import { scoreLogits, type Scores } from './stats';
import { predict, trainStory } from './train';
import { foldData, WINDOW, WINDOWS_PER_HALF, type FoldData } from './windows';
import { createRng } from '../../shared/rng';
import type { ConvImpl } from '../conv';

export type ModelName = 'teacher' | StudentKind;
export const MODEL_NAMES: readonly ModelName[] = ['teacher', ...STUDENTS];

export interface SeedResult {
  seed: number;
  /** Mean over the two folds, per model. */
  scores: Record<ModelName, Scores>;
}
export interface StoryResult {
  config: StoryConfig;
  seeds: SeedResult[];
  /** Test windows per fold (one window's worth of accuracy = 1 / testWindows). */
  testWindows: number;
  trainWindows: number;
  labelledWindows: number;
  seconds: number;
}

export interface RunHooks {
  impl: ConvImpl;
  /** After every trained model: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Between steps; the worker yields here so a cancel can arrive. */
  yieldNow?: () => Promise<void>;
  now?: () => number;
}

/** One labelled window per class, chosen by the seed (indices into the class-major training windows). */
export function fewLabelIndices(seed: number): number[] {
  const rng = createRng(seed * 7919 + 17);
  return Array.from({ length: K }, (_, k) => k * WINDOWS_PER_HALF + rng.int(WINDOWS_PER_HALF));
}

const SHAPE = [WINDOW, S];
const TEACHER_SEED = 5000;

interface Fit {
  labelled: number[];
  teacher: Float32Array | null;
  smoothing: number;
  seed: number;
  budget: { steps: number; batch: number; lr: number };
}

async function trainAndScore(model: StoryModel, data: FoldData, cfg: StoryConfig, f: Fit, hooks: RunHooks): Promise<Scores> {
  const { labelled, teacher, smoothing, seed, budget: b } = f;
  await trainStory(model, {
    shape: SHAPE,
    x: data.trainX,
    y: data.trainY,
    labelled,
    teacher,
    lambda: teacher ? cfg.lambda : 0,
    T: cfg.T,
    smoothing,
    steps: b.steps,
    batch: b.batch,
    lr: b.lr,
    seed,
    ...(hooks.yieldNow ? { onStep: (s: number) => (s % 10 === 9 ? hooks.yieldNow?.() : undefined) } : {}),
  });
  return scoreLogits(await predict(model, data.testX, SHAPE), data.testY, K);
}

export async function runStory(rows: Float32Array, cfg: StoryConfig, hooks: RunHooks): Promise<StoryResult> {
  const now = hooks.now ?? (() => Date.now());
  const t0 = now();
  const folds = [foldData(rows, 0), foldData(rows, 1)];
  const total = 2 + cfg.seeds * 2 * STUDENTS.length;
  let done = 0;
  const seeds: SeedResult[] = [];
  const all = Array.from({ length: folds[0]!.trainY.length }, (_, i) => i);
  // One teacher per fold, shared by every seed: the seeds vary the students (initial weights,
  // which window of each class is labelled, batch order), which is what the comparison is about.
  const teachers: { scores: Scores; soft: Float32Array }[] = [];
  for (const [f, data] of folds.entries()) {
    const teacher = createCnn(TEACHER_SEED + f, hooks.impl, 32, 48);
    try {
      const scores = await trainAndScore(
        teacher,
        data,
        cfg,
        { labelled: all, teacher: null, smoothing: cfg.smoothing, seed: TEACHER_SEED + f, budget: BUDGET.teacher },
        hooks,
      );
      teachers.push({ scores, soft: await predict(teacher, data.trainX, SHAPE) });
    } finally {
      teacher.dispose();
    }
    hooks.onProgress?.(++done, total);
  }
  for (let seed = 1; seed <= cfg.seeds; seed++) {
    const perFold: Record<ModelName, Scores>[] = [];
    for (const [f, data] of folds.entries()) {
      const s = seed * 10 + f;
      const labelled = cfg.setting === 'few' ? fewLabelIndices(s) : all;
      const out = { teacher: teachers[f]!.scores } as Record<ModelName, Scores>;
      for (const kind of STUDENTS) {
        // same initial weights and batch order for the three students: only the loss differs
        const m = createCnn(s, hooks.impl);
        try {
          out[kind] = await trainAndScore(
            m,
            data,
            cfg,
            {
              labelled,
              teacher: kind === 'kd' ? teachers[f]!.soft : null,
              smoothing: kind === 'ls' ? cfg.smoothing : 0,
              seed: s,
              budget: BUDGET.student,
            },
            hooks,
          );
        } finally {
          m.dispose();
        }
        hooks.onProgress?.(++done, total);
      }
      perFold.push(out);
    }
    const mean = {} as Record<ModelName, Scores>;
    for (const m of MODEL_NAMES)
      mean[m] = {
        accuracy: (perFold[0]![m].accuracy + perFold[1]![m].accuracy) / 2,
        macroF1: (perFold[0]![m].macroF1 + perFold[1]![m].macroF1) / 2,
      };
    seeds.push({ seed, scores: mean });
  }
  return {
    config: cfg,
    seeds,
    testWindows: folds[0]!.testY.length,
    trainWindows: folds[0]!.trainY.length,
    labelledWindows: cfg.setting === 'few' ? K : folds[0]!.trainY.length,
    seconds: (now() - t0) / 1000,
  };
}
