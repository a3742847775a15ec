/**
 * §1 preprocessing as a stream, one raw row at a time, in the lab's order
 * (`preprocessing_pamap2_2.py` `process_dataset_file`):
 *   1. delete activities 0, 8, 9, 10, 11, 18, 19, 20;   2. relabel (24→0, 12→8, 13→9, 16→10, 17→11);
 *   3. keep 40 channels (drop timestamp, activity, 3×4 orientation columns);
 *   4. heart rate forward-filled over the kept rows (before the first reading it stays NaN → 0);
 *   5. other NaN → 0;   6. (x − min)/(max − min) with the fixed §13 thresholds, > 1 → 0.99, < 0 → 0;
 *   7. keep every 3rd of the kept rows (index 0, 3, 6, …): 100 Hz → 33.3 Hz.
 * Streaming gives the same numbers as the lab's whole-array version because steps 4 and 7 only
 * look backwards. State: last heart rate, kept-row counter, growing output buffers.
 *
 * Optional `segmentGapS`: start a new segment (fresh heart-rate state and downsampling phase) when
 * the raw timestamp jumps forward by more than this or goes backwards. null = the lab (one
 * sequence per file). The excerpt dataset needs it because its 5-s windows are not contiguous.
 */
import { activityToClass, CHANNEL_SOURCE_COLUMNS, CHANNELS, CLIP_HIGH, DOWNSAMPLE, NORM_MAX, NORM_MIN } from './format.ts';
import { parseProtocolStream, ProtocolLineParser, type TextSource } from './parse.ts';
import type { SubjectSeries } from './series.ts';

export interface PreprocessOptions {
  segmentGapS?: number | null;
}

const SCALE_MIN = Float64Array.from(NORM_MIN);
const SCALE_DIFF = Float64Array.from(NORM_MAX, (max, c) => max - (NORM_MIN[c] as number));
const COLS = Int32Array.from(CHANNEL_SOURCE_COLUMNS);

/** §13 scaling of one channel value (NaN already replaced). */
function scaleChannel(c: number, v: number): number {
  // Same arithmetic as the lab: (x − min) / diff, then the two clips.
  const s = (v - (SCALE_MIN[c] as number)) / (SCALE_DIFF[c] as number);
  // biome-ignore lint/complexity/useMathMinMax: above 1 becomes CLIP_HIGH (0.99, the lab's rule), not 1
  return s > 1 ? CLIP_HIGH : s < 0 ? 0 : s;
}

export class SubjectPreprocessor {
  readonly subject: number;
  readonly #gap: number | null;
  #x = new Float32Array(CHANNELS * 4096);
  #y = new Int32Array(4096);
  #rows = 0;
  #segments: number[] = [0];
  #kept = 0; // kept (not deleted) raw rows in this segment
  #hr = Number.NaN; // last heart-rate reading in this segment
  #prevT: number | null = null;
  /** Raw rows seen / deleted, for reporting. */
  rawRows = 0;
  deletedRows = 0;

  constructor(subject: number, opts: PreprocessOptions = {}) {
    this.subject = subject;
    this.#gap = opts.segmentGapS ?? null;
  }

  push(row: Float64Array): void {
    this.rawRows++;
    const t = row[0] as number;
    if (this.#gap !== null && this.#prevT !== null && (t - this.#prevT > this.#gap || t < this.#prevT)) {
      this.#newSegment();
    }
    this.#prevT = t;
    const cls = activityToClass(row[1] as number);
    if (cls === null) {
      this.deletedRows++;
      return;
    }
    const hr = row[2] as number;
    if (!Number.isNaN(hr)) this.#hr = hr;
    const keep = this.#kept % DOWNSAMPLE === 0;
    this.#kept++;
    if (!keep) return;
    this.#grow();
    const r = this.#rows++;
    this.#y[r] = cls;
    const base = r * CHANNELS;
    const x = this.#x;
    for (let c = 0; c < CHANNELS; c++) {
      const v = c === 0 ? this.#hr : (row[COLS[c] as number] as number);
      x[base + c] = scaleChannel(c, Number.isNaN(v) ? 0 : v);
    }
  }

  finish(): SubjectSeries {
    const rows = this.#rows;
    const segments = this.#segments.filter((s, k, all) => s < rows && s !== all[k + 1]);
    if (segments[0] !== 0) segments.unshift(0);
    return {
      subject: this.subject,
      rows,
      x: this.#x.slice(0, rows * CHANNELS),
      y: this.#y.slice(0, rows),
      segments,
    };
  }

  #newSegment(): void {
    this.#kept = 0;
    this.#hr = Number.NaN;
    if (this.#segments[this.#segments.length - 1] !== this.#rows) this.#segments.push(this.#rows);
  }

  #grow(): void {
    if (this.#rows < this.#y.length) return;
    const y = new Int32Array(this.#y.length * 2);
    y.set(this.#y);
    this.#y = y;
    const x = new Float32Array(this.#x.length * 2);
    x.set(this.#x);
    this.#x = x;
  }
}

export interface SubjectStreamOptions extends PreprocessOptions {
  file: string;
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** Parse + preprocess one subject file from a stream (browser Worker or Node). */
export async function preprocessSubjectStream(subject: number, source: TextSource, opts: SubjectStreamOptions): Promise<SubjectSeries> {
  const pre = new SubjectPreprocessor(subject, opts);
  await parseProtocolStream(source, {
    file: opts.file,
    onRow: (row) => pre.push(row),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return pre.finish();
}

/** Parse + preprocess a subject file already in memory (small files: the excerpts, tests). */
export function preprocessSubjectText(subject: number, text: string, opts: PreprocessOptions & { file: string }): SubjectSeries {
  const pre = new SubjectPreprocessor(subject, opts);
  const parser = new ProtocolLineParser({ file: opts.file, onRow: (row) => pre.push(row) });
  parser.push(text);
  parser.end();
  return pre.finish();
}
