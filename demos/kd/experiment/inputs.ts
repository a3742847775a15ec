/**
 * The experiment layer's inputs, shared by the in-page run (demos/kd/run) and the sweep
 * (demos/kd/sweep): one evaluation split — a LOSO fold (protocol §2) or the demo's stratified
 * window split (split.ts) — turned into the training and test data of every phase.
 *
 * Shapes: signals (N, W, S) = (N, 100, 40) standardised with the split's training stats (§1);
 * GAF images (N, G, G, S) built from the [0, 1]-scaled windows, standardised per image channel
 * with training stats (§1 last bullet, §3). Both are produced per batch (TrainData.fill).
 */
import { capSource, type CapInfo } from './cap';
import { CHANNELS, WINDOW } from '../pamap2/format';
import type { WindowSet } from '../pamap2/windows';
import type { Windows } from '../pamap2/window-source';
import { foldSplit, standardize, type ChannelStats } from '../pamap2/folds';
import { gafBatch, gafStats } from '../pamap2/gaf';
import type { TrainData } from '../train/train-data';
import { windowSplit, type InputChoice, type SplitKind } from './split';

export interface FoldInputs {
  /** Which evaluation split these inputs come from. */
  split: SplitKind;
  /** The held-out subject (LOSO); null for the window split. */
  testSubject: number | null;
  signal: { train: TrainData; test: TrainData };
  gaf: { train: TrainData; test: TrainData };
  /** Test windows whose class never occurs in training (unreachable for any model). */
  unseenTest: number;
  /** Set when the data was above the run's window cap and a seeded subsample is used (cap.ts). */
  capped: CapInfo | null;
}

/** Windows standardised with `stats` as they are read (the §1 rule of folds.ts standardize, per batch). */
function signalData(ws: WindowSet, stats: ChannelStats): TrainData {
  const size = WINDOW * CHANNELS;
  return {
    n: ws.n,
    sampleShape: [WINDOW, CHANNELS],
    y: ws.y,
    fill(indices, out) {
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k]!;
        standardize(ws.x.subarray(i * size, (i + 1) * size), stats, CHANNELS, out.subarray(k * size, (k + 1) * size));
      }
    },
  };
}

/** GASF images (G, G, S) of the windows, standardised per image channel with `stats`, built per batch. */
function gafData(ws: WindowSet, gafSize: number, stats: ChannelStats): TrainData {
  return {
    n: ws.n,
    sampleShape: [gafSize, gafSize, CHANNELS],
    y: ws.y,
    fill: (indices, out) => {
      gafBatch(ws, indices, gafSize, stats, out);
    },
  };
}

/**
 * Shared by both splits: signals standardised with the TRAINING windows' stats, GAF images from
 * the [0, 1]-scaled windows standardised with stats of the TRAINING images. Both are produced per
 * batch from the split's windows (N·W·S floats), never held as (N, W, S) and (N, G, G, S) copies:
 * at the run cap that saves ≈ 170 MB at G 16 in the page's worker.
 */
function inputsOf(
  split: SplitKind,
  testSubject: number | null,
  f: { train: WindowSet; test: WindowSet; stats: ChannelStats },
  gafSize: number,
): FoldInputs {
  const gStats = gafStats(f.train, gafSize);
  const seen = new Set(f.train.y);
  return {
    split,
    testSubject,
    signal: { train: signalData(f.train, f.stats), test: signalData(f.test, f.stats) },
    gaf: { train: gafData(f.train, gafSize, gStats), test: gafData(f.test, gafSize, gStats) },
    unseenTest: f.test.y.reduce((n, y) => n + (seen.has(y) ? 0 : 1), 0),
    capped: null,
  };
}

/** One LOSO fold's inputs for every phase. */
export function foldInputs(ws: Windows, testSubject: number, gafSize: number): FoldInputs {
  return inputsOf('loso', testSubject, foldSplit(ws, testSubject), gafSize);
}

/** The window split's inputs (split.ts, seeded with `seed`): same standardisation and GAF as a LOSO fold. */
export function windowSplitInputs(ws: Windows, seed: number, gafSize: number): FoldInputs {
  return inputsOf('window', null, windowSplit(ws, seed), gafSize);
}

/**
 * The inputs a run config asks for: its split, fold and seed, on at most runWindowCap(gafSize)
 * windows (a seeded, class-stratified subsample above it: cap.ts). Only those windows are copied.
 */
export function runInputs(ws: Windows, c: InputChoice): FoldInputs {
  const { ws: used, cap } = capSource(ws, c);
  const f = c.split === 'window' ? windowSplitInputs(used, c.seed, c.gafSize) : foldInputs(used, c.testSubject, c.gafSize);
  return { ...f, capped: cap };
}
