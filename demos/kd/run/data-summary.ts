/**
 * From preprocessed PAMAP2 subjects to what the page's run shows before training: the data
 * summary (computed, never typed) and a preview window (signal + its GASF). The training inputs
 * of a split are the experiment layer's (../experiment/inputs.ts). Pure; uses demos/kd/pamap2.
 */
import { CHANNELS, CHANNEL_NAMES, WINDOW } from '../pamap2/format';
import { countWindowsPerClass } from '../pamap2/windows';
import { asWindowSource, seriesWindows, type RowSeries, type Windows, type WindowSource } from '../pamap2/window-source';
import { gasfWindow } from '../pamap2/gaf';
import type { DataSummary, Preview } from './protocol';
import { EXCERPT_FILES, excerptSeries, type ExcerptTexts } from '../pamap2/excerpt';
import { sha256Hex } from '../pamap2/shards';
import { KdRunError } from './errors';

/**
 * `windows` is a source over the loaded rows (window-source.ts): a run copies out only the windows
 * it uses, so the full share's ≈ 27k windows (≈ 440 MB as float32) are never materialised.
 */
export interface LoadedData {
  summary: DataSummary;
  windows: WindowSource;
}

export function buildData(series: readonly RowSeries[], meta: Pick<DataSummary, 'label' | 'source' | 'files' | 'sha256'>): LoadedData {
  const windows = seriesWindows(series);
  if (windows.n === 0) throw new KdRunError('no-windows', meta.files.join(', '));
  const subjects = [...new Set(series.map((s) => s.subject))]
    .sort((a, b) => a - b)
    .map((id) => {
      const classes = new Set<number>();
      let n = 0;
      for (let i = 0; i < windows.n; i++)
        if (windows.subject[i] === id) {
          n++;
          classes.add(windows.y[i]!);
        }
      return { id, windows: n, classes: [...classes].sort((x, y) => x - y) };
    });
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
  for (let i = 0; i < ws.n; i++)
    if (!still.has(ws.y[i]!)) {
      pick = i;
      break;
    }
  const win = ws.window(pick); // (W, S)
  let best = 0,
    bestVar = -1;
  for (let c = 1; c < CHANNELS; c++) {
    let m = 0,
      m2 = 0;
    for (let t = 0; t < WINDOW; t++) {
      const v = win[t * CHANNELS + c]!;
      m += v;
      m2 += v * v;
    }
    const variance = m2 / WINDOW - (m / WINDOW) ** 2;
    if (variance > bestVar) {
      bestVar = variance;
      best = c;
    }
  }
  const gaf = gasfWindow(win, gafSize); // (G, G, S)
  const image: number[] = [];
  for (let p = 0; p < gafSize * gafSize; p++) image.push(gaf[p * CHANNELS + best]!);
  const signal: number[] = [];
  for (let t = 0; t < WINDOW; t++) signal.push(win[t * CHANNELS + best]!);
  return {
    signal,
    gaf: image,
    size: gafSize,
    channel: CHANNEL_NAMES[best] ?? String(best),
    label: ws.y[pick]!,
    subject: ws.subject[pick]!,
  };
}

/** The SHA-256 that identifies the bundled excerpt: of its three raw texts, concatenated. */
export function excerptSha256(texts: ExcerptTexts): Promise<string> {
  return sha256Hex(new TextEncoder().encode(texts.first10000 + texts.alexchow + texts.indexCsv));
}

/** The bundled excerpt (demos/kd/pamap2/excerpt.ts), identified by the SHA-256 of its three files. */
export async function excerptData(texts: ExcerptTexts): Promise<LoadedData> {
  return excerptDataFromSeries(excerptSeries(texts), await excerptSha256(texts));
}

/** The excerpt's name in Korean (the island passes its reader's wording: S.excerptLabel). */
const EXCERPT_LABEL = '번들 발췌본 (실제 PAMAP2 행: subject101 앞 10,000행 + 피험자 6명의 5초 윈도우 13개)';

/**
 * The same, from the series already preprocessed (the page's compact copy,
 * ../pamap2/excerpt-series.ts): same summary, same identity, same windows.
 */
export function excerptDataFromSeries(series: readonly RowSeries[], sha256: string, label = EXCERPT_LABEL): LoadedData {
  return buildData(series, {
    label,
    source: 'excerpt',
    files: [EXCERPT_FILES.first10000, EXCERPT_FILES.alexchow, EXCERPT_FILES.indexCsv],
    sha256,
  });
}
