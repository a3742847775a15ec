/**
 * The story's data: the excerpt's 12 activity recordings (data/pamap2/alexchow-windows.*, one
 * 5-s recording of 500 rows at 100 Hz per activity; transient activity 0 left out), 27 channels
 * each: ±16 g accelerometer, gyroscope and magnetometer XYZ of the hand, chest and ankle IMUs.
 * Heart rate is left out: it is nearly constant within one recording and differs between them,
 * so it names the recording, not the activity.
 *
 * derive (raw text -> (K, R, S) float rows) and encode/decode (int16 asset + zod header) are pure:
 * scripts/make-kd-story-data.ts writes the asset, test/unit/kd-story-data.test.ts re-derives it.
 */
import { z } from 'zod';
import { CLASS_ACTIVITY_IDS } from '../pamap2/format';

/** Rows per recording (5 s at 100 Hz). */
export const ROWS = 500;
/** S: 3 IMUs × (acc ±16 g, gyro, mag) × XYZ. */
export const STORY_CHANNELS = 27;
export const STORY_CLASSES = 12;
const IMU_NAMES = ['hand', 'chest', 'ankle'] as const;
const SENSOR_NAMES = ['acc16', 'gyro', 'mag'] as const;
/** 0-based UCI column of each channel: IMU block base 3/20/37; acc16 +1..3, gyro +7..9, mag +10..12. */
const STORY_COLUMNS: readonly number[] = [3, 20, 37].flatMap((b) => [1, 2, 3, 7, 8, 9, 10, 11, 12].map((k) => b + k));
const STORY_CHANNEL_NAMES: readonly string[] = IMU_NAMES.flatMap((imu) =>
  SENSOR_NAMES.flatMap((s) => ['x', 'y', 'z'].map((a) => `${imu}_${s}_${a}`)),
);

export class StoryDataError extends Error {}

/**
 * Raw texts -> rows (K, R, S) in class order (class k = CLASS_ACTIVITY_IDS[k]).
 * Dropouts (NaN) are filled by linear interpolation within the recording (nearest value at the ends).
 */
export function deriveRecordings(uci54: string, indexCsv: string): Float32Array {
  const lines = uci54.split('\n').filter((l) => l.trim() !== '');
  const csv = indexCsv.split('\n').filter((l) => l.trim() !== '');
  const header = csv[0]?.split(',') ?? [];
  const cAct = header.indexOf('activityID');
  const cRows = header.indexOf('rows');
  if (cAct < 0 || cRows < 0) throw new StoryDataError('alexchow-windows.index.csv: activityID/rows column missing');
  const out = new Float32Array(STORY_CLASSES * ROWS * STORY_CHANNELS).fill(Number.NaN);
  const seen = new Set<number>();
  let at = 0;
  for (const [i, line] of csv.slice(1).entries()) {
    const cells = line.split(',');
    const act = Number(cells[cAct]);
    const rows = Number(cells[cRows]);
    if (rows !== ROWS) throw new StoryDataError(`alexchow-windows.index.csv line ${i + 2}: ${rows} rows, expected ${ROWS}`);
    const k = CLASS_ACTIVITY_IDS.indexOf(act);
    if (k >= 0) {
      seen.add(k);
      for (let r = 0; r < ROWS; r++) {
        const line = lines[at + r];
        if (line === undefined) throw new StoryDataError(`alexchow-windows.uci54.dat: ends before row ${at + r + 1}`);
        const v = line.trim().split(/\s+/);
        if (Number(v[1]) !== act)
          throw new StoryDataError(`alexchow-windows.uci54.dat line ${at + r + 1}: activity ${v[1]}, index says ${act}`);
        for (let c = 0; c < STORY_CHANNELS; c++) out[(k * ROWS + r) * STORY_CHANNELS + c] = Number(v[STORY_COLUMNS[c]!]);
      }
    }
    at += rows;
  }
  if (seen.size !== STORY_CLASSES) throw new StoryDataError(`found ${seen.size} of ${STORY_CLASSES} activities`);
  for (let k = 0; k < STORY_CLASSES; k++)
    for (let c = 0; c < STORY_CHANNELS; c++) fillGaps(out, k * ROWS * STORY_CHANNELS + c, STORY_CHANNELS, ROWS);
  return out;
}

/** Linear interpolation over NaN runs of one strided series, in place (nearest value at the ends). */
function fillGaps(a: Float32Array, start: number, stride: number, n: number): void {
  const at = (i: number): number => a[start + i * stride]!;
  let prev = -1; // last index with a value
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(at(i))) continue;
    if (i - prev > 1) {
      const lo = prev >= 0 ? at(prev) : at(i);
      for (let j = prev + 1; j < i; j++) a[start + j * stride] = prev >= 0 ? lo + ((j - prev) / (i - prev)) * (at(i) - lo) : at(i);
    }
    prev = i;
  }
  if (prev < 0) throw new StoryDataError('a channel has no value at all');
  for (let j = prev + 1; j < n; j++) a[start + j * stride] = at(prev);
}

const StoryHeaderSchema = z.object({
  format: z.literal('kd-story-int16-v1'),
  classes: z.literal(STORY_CLASSES),
  rows: z.literal(ROWS),
  channels: z.literal(STORY_CHANNELS),
  activityIds: z.array(z.number().int()).length(STORY_CLASSES),
  channelNames: z.array(z.string()).length(STORY_CHANNELS),
  /** zod 4 numbers are finite. value = offset[c] + scale[c] · q, q int16 (little-endian), layout (K, R, S). */
  offset: z.array(z.number()).length(STORY_CHANNELS),
  scale: z.array(z.number().positive()).length(STORY_CHANNELS),
  source: z.string(),
});
export type StoryHeader = z.infer<typeof StoryHeaderSchema>;

/** Per-channel int16 quantisation: the asset is half the size of float32, error ≤ scale/2. */
export function encodeRecordings(x: Float32Array): { header: StoryHeader; bytes: Uint8Array } {
  const offset: number[] = [];
  const scale: number[] = [];
  for (let c = 0; c < STORY_CHANNELS; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = c; i < x.length; i += STORY_CHANNELS) {
      lo = Math.min(lo, x[i]!);
      hi = Math.max(hi, x[i]!);
    }
    offset.push(Math.fround((lo + hi) / 2));
    scale.push(Math.fround(hi > lo ? (hi - lo) / 65000 : 1));
  }
  const q = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) q[i] = Math.round((x[i]! - offset[i % STORY_CHANNELS]!) / scale[i % STORY_CHANNELS]!);
  const header: StoryHeader = {
    format: 'kd-story-int16-v1',
    classes: STORY_CLASSES,
    rows: ROWS,
    channels: STORY_CHANNELS,
    activityIds: [...CLASS_ACTIVITY_IDS],
    channelNames: [...STORY_CHANNEL_NAMES],
    offset,
    scale,
    source: 'data/pamap2/alexchow-windows.uci54.dat (see data/pamap2/SOURCE.md); scripts/make-kd-story-data.ts',
  };
  return { header, bytes: new Uint8Array(q.buffer) };
}

/** Asset -> rows (K, R, S). Throws a StoryDataError naming what does not fit. */
export function decodeRecordings(headerJson: unknown, bytes: ArrayBuffer): Float32Array {
  const parsed = StoryHeaderSchema.safeParse(headerJson);
  if (!parsed.success)
    throw new StoryDataError(`recordings.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const h = parsed.data;
  const n = h.classes * h.rows * h.channels;
  if (bytes.byteLength !== n * 2) throw new StoryDataError(`recordings.i16.bin: ${bytes.byteLength} bytes, expected ${n * 2}`);
  const q = new Int16Array(bytes);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = h.offset[i % h.channels]! + h.scale[i % h.channels]! * q[i]!;
  return out;
}
