/**
 * The reader's own PyTorch teachers (lab layout, .pth.tar) → WRN models, through the KD
 * core's checkpoint loader (demos/kd/checkpoint). The 2D file must be a GAF teacher and the
 * 1D file a signal teacher of the architecture chosen on the page, 40 channels, 12 classes;
 * anything else is an error naming the file and the parameter. Per-fold normalisation
 * statistics are not in a checkpoint: the run standardises with the chosen fold's training
 * subjects (the page says so).
 */
import { loadWrnCheckpoint } from '@demos/kd/checkpoint/load-wrn';
import type { Wrn } from '@demos/kd/models/wrn';
import type { RunConfig } from '@demos/kd/run/config';
import { phaseModelSpec } from '@demos/kd/experiment/phases';
import { WRN_IO } from '@demos/kd/models/arch';

export function loadCheckpointPair(gaf: ArrayBuffer, signal: ArrayBuffer, names: readonly [string, string], c: RunConfig): [Wrn, Wrn] {
  const g = loadWrnCheckpoint(new Uint8Array(gaf), {
    file: names[0],
    convImpl: 'auto',
    expect: { ...phaseModelSpec('teacher-gaf', c.teacherArch), ...WRN_IO },
  });
  try {
    const s = loadWrnCheckpoint(new Uint8Array(signal), {
      file: names[1],
      convImpl: 'auto',
      expect: { ...phaseModelSpec('teacher-signal', c.teacherArch), ...WRN_IO },
    });
    return [g.model, s.model];
  } catch (e) {
    g.model.dispose();
    throw e;
  }
}
