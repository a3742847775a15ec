/**
 * What the lab's two PyTorch checkpoints (data/checkpoints/, fold 0: subject 101 held out; 1D
 * WRN16-1 on signals, 2D WRN16-1 on 64×64 GAF) score as teachers on the bundled excerpt, under
 * each input normalisation the project can construct — because none of them is the lab's.
 *
 *   npx tsx bench/checkpoint-teachers.ts [--backend cpu|wasm]
 *
 * Why several: the lab z-normalised each fold with per-channel stats of its 8 training subjects'
 * windows (kd-protocol §1; GAF images per image channel the same way, §3). The checkpoints do not
 * carry those stats, and the excerpt cannot rebuild them: its training-subject windows (102–108)
 * are 33 five-second snippets whose temperature and ±6 g channels are missing (NaN → 0). So:
 *   A  §1 rule on the excerpt's training subjects (102–108, 33 windows) — the protocol's recipe on
 *      what exists here;
 *   B  stats of the evaluated windows themselves (transductive, not the protocol);
 *   C  no z-normalisation (the [0, 1]-scaled values; GAF images raw in [−1, 1]).
 * Evaluated on:
 *   held-out  subject 101's windows (105; all "lying"): the only windows the checkpoints never saw;
 *   seen      subjects 102–108's windows (33, 11 classes × 3): in the checkpoints' training
 *             subjects (their subject is inferred, data/pamap2/SOURCE.md), so a sanity check of the
 *             normalisation, not a test score.
 * Prints per teacher, normalisation and set: accuracy, macro-F1 (over the classes in the truth or
 * the predictions, as sklearn's default) and the most-predicted class with its share.
 */
import { readFile } from 'node:fs/promises';
import { defaultConvImpl } from '../demos/kd/conv/index';
import { loadWrnCheckpoint } from '../demos/kd/checkpoint/load-wrn';
import type { Wrn } from '../demos/kd/models/wrn';
import { CHANNELS, CLASS_NAMES, NUM_CLASSES, WINDOW } from '../demos/kd/pamap2/format';
import { itemChannelStats, signalStats, standardize, type ChannelStats } from '../demos/kd/pamap2/folds';
import { gafBatch, gafStats } from '../demos/kd/pamap2/gaf';
import { loadExcerptWindows } from '../demos/kd/pamap2/node/excerpt';
import { selectWindows, type WindowSet } from '../demos/kd/pamap2/windows';
import { useNodeBackend, type NodeBackend } from '../demos/kd/node/tf-node';
import { arrayData } from '../demos/kd/train/train-data';
import { argmaxRows, predictLogits } from '../demos/kd/train/predict';

const G = 64; // the lab's image teacher was trained on 64×64 GAF

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  top: { cls: number; share: number };
}

/** Accuracy, macro-F1 over classes present in truth ∪ predictions, most-predicted class and its share. */
export function scores(truth: ArrayLike<number>, pred: ArrayLike<number>): Scores {
  const n = truth.length;
  const tp = new Array<number>(NUM_CLASSES).fill(0),
    inTruth = new Array<number>(NUM_CLASSES).fill(0),
    inPred = new Array<number>(NUM_CLASSES).fill(0);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i]!,
      p = pred[i]!;
    inTruth[t]!++;
    inPred[p]!++;
    if (t === p) {
      tp[t]!++;
      correct++;
    }
  }
  const f1s: number[] = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    if (inTruth[c] === 0 && inPred[c] === 0) continue;
    f1s.push((2 * tp[c]!) / (inTruth[c]! + inPred[c]!));
  }
  const topCls = inPred.indexOf(Math.max(...inPred));
  return {
    n,
    accuracy: correct / n,
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    top: { cls: topCls, share: inPred[topCls]! / n },
  };
}

type Norm = 'A' | 'B' | 'C';
const NORMS: Record<Norm, string> = {
  A: '§1 stats of the excerpt training subjects 102–108 (33 windows)',
  B: 'stats of the evaluated windows themselves (transductive)',
  C: 'none (the [0, 1]-scaled signal; GAF images raw)',
};

async function predict(model: Wrn, x: Float32Array, shape: number[], y: Int32Array): Promise<Int32Array> {
  return argmaxRows(await predictLogits(model, arrayData(x, shape, y), { batchSize: 16 }), NUM_CLASSES);
}

function signalInput(set: WindowSet, stats: ChannelStats | null): Float32Array {
  return stats ? standardize(set.x, stats, CHANNELS) : set.x;
}

function gafInput(set: WindowSet, stats: ChannelStats | null): Float32Array {
  return gafBatch(
    set,
    Int32Array.from({ length: set.n }, (_, i) => i),
    G,
    stats ?? undefined,
  );
}

export interface CheckpointRow {
  teacher: 'signal' | 'GAF';
  norm: Norm;
  set: 'held-out' | 'seen';
  s: Scores;
}

export async function checkpointTeachers(backend: NodeBackend): Promise<CheckpointRow[]> {
  const active = await useNodeBackend(backend);
  const impl = defaultConvImpl(active);
  const ws = await loadExcerptWindows();
  const idx = (f: (s: number) => boolean) => Array.from({ length: ws.n }, (_, i) => i).filter((i) => f(ws.subject[i]!));
  const sets = {
    'held-out': selectWindows(
      ws,
      idx((s) => s === 101),
    ),
    seen: selectWindows(
      ws,
      idx((s) => s !== 101),
    ),
  } as const;
  const train = sets.seen; // the excerpt's windows of the checkpoints' training subjects
  const rows: CheckpointRow[] = [];
  for (const teacher of ['signal', 'GAF'] as const) {
    const file = teacher === 'signal' ? 'wrn161_0_signal.pth.tar' : 'wrn161_0_image.pth.tar';
    const { model } = loadWrnCheckpoint(new Uint8Array(await readFile(`data/checkpoints/${file}`)), {
      file,
      convImpl: impl,
      expect: { dims: teacher === 'signal' ? 1 : 2 },
    });
    try {
      for (const norm of ['A', 'B', 'C'] as const) {
        for (const name of ['held-out', 'seen'] as const) {
          const set = sets[name];
          let pred: Int32Array;
          if (teacher === 'signal') {
            const stats = norm === 'A' ? signalStats(train) : norm === 'B' ? signalStats(set) : null;
            pred = await predict(model, signalInput(set, stats), [WINDOW, CHANNELS], set.y);
          } else {
            const stats = norm === 'A' ? gafStats(train, G) : norm === 'B' ? gafStats(set, G) : null;
            pred = await predict(model, gafInput(set, stats), [G, G, CHANNELS], set.y);
          }
          rows.push({ teacher, norm, set: name, s: scores(set.y, pred) });
        }
      }
    } finally {
      model.dispose();
    }
  }
  return rows;
}

/** Channels whose §1 std over the excerpt's training-subject windows is 0 (all NaN → 0 there). */
export async function deadTrainingChannels(): Promise<number> {
  const ws = await loadExcerptWindows();
  const seen = selectWindows(
    ws,
    Array.from({ length: ws.n }, (_, i) => i).filter((i) => ws.subject[i] !== 101),
  );
  const st = itemChannelStats(seen.x, seen.n, WINDOW, CHANNELS);
  return Array.from(st.std).filter((s) => s === 0).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--backend');
  const backend = (i >= 0 ? process.argv[i + 1] : 'wasm') as NodeBackend;
  const t0 = performance.now();
  const rows = await checkpointTeachers(backend);
  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  console.log(
    `lab checkpoints (fold 0, subject 101 held out) on the bundled excerpt, backend ${backend}; ${await deadTrainingChannels()} of 40 channels are constant in the excerpt's training-subject windows`,
  );
  for (const [k, v] of Object.entries(NORMS)) console.log(`  normalisation ${k}: ${v}`);
  console.log('\n| teacher | norm. | windows | n | accuracy | macro-F1 | most-predicted class (share) |');
  console.log('|---|---|---|---:|---:|---:|---|');
  for (const r of rows) {
    const set = r.set === 'held-out' ? 'subject 101 (held out; all lying)' : 'subjects 102–108 (seen in training)';
    console.log(
      `| ${r.teacher} | ${r.norm} | ${set} | ${r.s.n} | ${pct(r.s.accuracy)} | ${r.s.macroF1.toFixed(3)} | ${CLASS_NAMES[r.s.top.cls]} (${pct(r.s.top.share)}) |`,
    );
  }
  console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
