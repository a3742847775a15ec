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
import type { RunSession } from '@demos/kd/run/session';
import { S } from '../strings';

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

/**
 * The reader's checkpoint files, kept as bytes so that a new session (another fold, GAF size or
 * backend) can load them again; each session gets them once per version and architecture.
 */
export class CheckpointTeachers {
  #files: { gaf: ArrayBuffer; signal: ArrayBuffer; names: [string, string]; version: number } | null = null;
  readonly #loaded = new WeakMap<RunSession<Wrn>, string>();

  set(gaf: ArrayBuffer, signal: ArrayBuffer, names: [string, string]): void {
    this.#files = { gaf, signal, names, version: (this.#files?.version ?? 0) + 1 };
  }

  /** For a run with checkpoint teachers: loads the files into `s` unless it has them; returns their names when it loaded them. */
  use(c: RunConfig, s: RunSession<Wrn>): [string, string] | null {
    if (c.teachers !== 'checkpoint') return null;
    const f = this.#files;
    if (!f) throw new Error(S.needCheckpoints);
    const key = `${f.version}|${c.teacherArch}`;
    if (this.#loaded.get(s) === key) return null;
    s.setCheckpoints(loadCheckpointPair(f.gaf, f.signal, f.names, c));
    this.#loaded.set(s, key);
    return f.names;
  }
}
