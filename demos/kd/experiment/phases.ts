/**
 * The four phases of a two-teacher KD experiment, shared by the in-page run and the sweep:
 *   teacher-gaf:    2D WRN-<arch> on (N, G, G, S) GAF images, CE only
 *   teacher-signal: 1D WRN-<arch> on (N, W, S) signals, CE only
 *   student-ce:     1D WRN16-1 on signals, CE only (the baseline without a teacher)
 *   student-kd:     1D WRN16-1 on signals, (1−λ)·CE + λ·T²·[α·KL_GAF + (1−α)·KL_Sig]
 * Which network and which inputs each phase has lives here; how it is trained (epochs, cache,
 * the page's departures from the protocol) is the caller's.
 */
import type { ConvImpl } from '../conv/index';
import { createWrn, type Wrn } from '../models/wrn';
import { parseArch, STUDENT_ARCH, WRN_IO } from '../models/arch';
import type { TrainData } from '../train/train-data';
import type { FoldInputs } from './inputs';

export const PHASES = ['teacher-gaf', 'teacher-signal', 'student-ce', 'student-kd'] as const;
export type Phase = (typeof PHASES)[number];

/** The network of a phase: a teacher has the chosen architecture, the student is always WRN16-1. */
export function phaseModelSpec(phase: Phase, teacherArch: string): { dims: 1 | 2; depth: number; widen: number } {
  if (phase === 'teacher-gaf') return { dims: 2, ...parseArch(teacherArch) };
  if (phase === 'teacher-signal') return { dims: 1, ...parseArch(teacherArch) };
  return { dims: 1, ...parseArch(STUDENT_ARCH) };
}

/** A fresh, seeded model for a phase (40 input channels, 12 classes). The caller owns and disposes it. */
export function createPhaseModel(phase: Phase, teacherArch: string, seed: number, convImpl?: ConvImpl | 'auto'): Wrn {
  return createWrn({ ...phaseModelSpec(phase, teacherArch), ...WRN_IO, seed, ...(convImpl ? { convImpl } : {}) });
}

/** The training and test data of a phase: GAF images for the GAF teacher, signals for the rest. */
export function phaseInputs(phase: Phase, fold: FoldInputs): { train: TrainData; test: TrainData } {
  return phase === 'teacher-gaf' ? fold.gaf : fold.signal;
}
