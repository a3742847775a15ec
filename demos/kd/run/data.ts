/**
 * From preprocessed PAMAP2 subjects to what the mini run needs: the data summary the page
 * shows (computed, never typed), a preview window (signal + its GASF), and the training
 * inputs for the four phases under one evaluation split — a LOSO fold (protocol §2) or the
 * demo's stratified window split (split.ts). Pure; uses demos/kd/pamap2.
 *
 * Shapes: signals (N, W, S) = (N, 100, 40) standardised with the split's training stats (§1);
 * GAF images (N, G, G, S) built from the [0, 1]-scaled windows, standardised per image
 * channel with training stats (§1 last bullet, §3).
 */
import { capSource, type CapInfo } from './cap';
import { CHANNELS, CHANNEL_NAMES, WINDOW } from '../pamap2/format';
import { countWindowsPerClass, type WindowSet } from '../pamap2/windows';
import { asWindowSource, seriesWindows, type RowSeries, type Windows, type WindowSource } from '../pamap2/window-source';
import { foldSplit, standardize, type ChannelStats } from '../pamap2/folds';
import { gafBatch, gafStats, gasfWindow } from '../pamap2/gaf';
import type { TrainData } from '../train/data';
import type { DataSummary, Preview } from './protocol';
import { EXCERPT_FILES, excerptSeries, type ExcerptTexts } from '../pamap2/excerpt';
import { sha256Hex } from '../pamap2/shards';
import type { RunConfig, SplitKind } from './config';
import { windowSplit } from './split';

/**
 * `windows` is a source over the loaded rows (window-source.ts): a run copies out only the windows
 * it uses, so the full share's ≈ 27k windows (≈ 440 MB as float32) are never materialised.
 */
export interface LoadedData { summary: DataSummary; windows: WindowSource }

export function buildData(series: readonly RowSeries[], meta: Pick<DataSummary, 'label' | 'source' | 'files' | 'sha256'>): LoadedData {
  const windows = seriesWindows(series);
  if (windows.n === 0) throw new Error(`${meta.files.join(', ')}: no 100-step windows of a protocol activity (after §1 cleaning and 33.3 Hz downsampling)`);
  const subjects = [...new Set(series.map((s) => s.subject))].sort((a, b) => a - b)
    .map((id) => ({ id, windows: windows.subject.reduce((n, s) => n + (s === id ? 1 : 0), 0) }));
  const summary: DataSummary = {
    ...meta,
    dataId: `${meta.source}:${meta.sha256.slice(0, 16)}`,
    windows: windows.n,
    subjects,
    classCounts: countWindowsPerClass(windows),
    rows: series.reduce((n, s) => n + s.rows, 0),
  };
  return { summary, windows };
}

/** A real window to show: prefer a moving activity (walking, running…) over lying; the channel with most variance. */
export function makePreview(windows: Windows, gafSize: number): Preview | null {
  const ws = asWindowSource(windows);
  if (ws.n === 0) return null;
  const still = new Set([1, 2, 3]); // lying, sitting, standing
  let pick = 0;
  for (let i = 0; i < ws.n; i++) if (!still.has(ws.y[i]!)) { pick = i; break; }
  const win = ws.window(pick); // (W, S)
  let best = 0, bestVar = -1;
  for (let c = 1; c < CHANNELS; c++) {
    let m = 0, m2 = 0;
    for (let t = 0; t < WINDOW; t++) { const v = win[t * CHANNELS + c]!; m += v; m2 += v * v; }
    const variance = m2 / WINDOW - (m / WINDOW) ** 2;
    if (variance > bestVar) { bestVar = variance; best = c; }
  }
  const gaf = gasfWindow(win, gafSize); // (G, G, S)
  const image: number[] = [];
  for (let p = 0; p < gafSize * gafSize; p++) image.push(gaf[p * CHANNELS + best]!);
  const signal: number[] = [];
  for (let t = 0; t < WINDOW; t++) signal.push(win[t * CHANNELS + best]!);
  return { signal, gaf: image, size: gafSize, channel: CHANNEL_NAMES[best] ?? String(best), label: ws.y[pick]!, subject: ws.subject[pick]! };
}

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
    n: ws.n, sampleShape: [WINDOW, CHANNELS], y: ws.y,
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
  return { n: ws.n, sampleShape: [gafSize, gafSize, CHANNELS], y: ws.y, fill: (indices, out) => { gafBatch(ws, indices, gafSize, stats, out); } };
}

/**
 * Shared by both splits: signals standardised with the TRAINING windows' stats, GAF images from
 * the [0, 1]-scaled windows standardised with stats of the TRAINING images. Both are produced per
 * batch from the split's windows (N·W·S floats), never held as (N, W, S) and (N, G, G, S) copies:
 * at the run cap that saves ≈ 170 MB at G 16 in the page's worker.
 */
function inputsOf(split: SplitKind, testSubject: number | null, f: { train: WindowSet; test: WindowSet; stats: ChannelStats }, gafSize: number): FoldInputs {
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
export function runInputs(ws: Windows, c: Pick<RunConfig, 'split' | 'testSubject' | 'seed' | 'gafSize'>): FoldInputs {
  const { ws: used, cap } = capSource(ws, c);
  const f = c.split === 'window' ? windowSplitInputs(used, c.seed, c.gafSize) : foldInputs(used, c.testSubject, c.gafSize);
  return { ...f, capped: cap };
}


/** The bundled excerpt (demos/kd/pamap2/excerpt.ts), identified by the SHA-256 of its three files. */
export async function excerptData(texts: ExcerptTexts): Promise<LoadedData> {
  const enc = new TextEncoder();
  const sha256 = await sha256Hex(enc.encode(texts.first10000 + texts.alexchow + texts.indexCsv));
  const files = [EXCERPT_FILES.first10000, EXCERPT_FILES.alexchow, EXCERPT_FILES.indexCsv];
  return buildData(excerptSeries(texts), { label: '번들 발췌본 (실제 PAMAP2 행: subject101 앞 10,000행 + 피험자 6명의 5초 창 13개)', source: 'excerpt', files, sha256 });
}
