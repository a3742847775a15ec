/**
 * The UCI PAMAP2 Protocol file layout and the preprocessing constants of the KD protocol
 * (`data/reference/kd-protocol.md` §1 and §13, copied into this project as constants).
 *
 * Raw row: 54 space-separated columns at 100 Hz: timestamp (s), activityID, heart rate (bpm), then
 * 17 columns per IMU (hand 3–19, chest 20–36, ankle 37–53; 0-based): temperature, acc ±16 g xyz,
 * acc ±6 g xyz, gyro xyz, magnetometer xyz, orientation ×4 (invalid in this data collection).
 */

export const RAW_COLUMNS = 54;
/** S: heart rate + 3 IMUs × 13 channels (§1: timestamp, activity and orientation dropped). */
export const CHANNELS = 40;
/** W: window length in 33.3 Hz samples (§1). */
export const WINDOW = 100;
/** Window step (§1: 78 % overlap). */
export const STEP = 22;
/** First window start (§1: `range(22, len − 100, 22)`). */
export const FIRST_START = 22;
/** Keep every 3rd row: 100 Hz → 33.3 Hz (§1). */
export const DOWNSAMPLE = 3;
export const NUM_CLASSES = 12;

const IMUS = ['hand', 'chest', 'ankle'] as const;
const IMU_CHANNELS = [
  'temp',
  'acc16_x',
  'acc16_y',
  'acc16_z',
  'acc6_x',
  'acc6_y',
  'acc6_z',
  'gyro_x',
  'gyro_y',
  'gyro_z',
  'mag_x',
  'mag_y',
  'mag_z',
] as const;

/** The 40 channel names in the order of §13 (UCI column order minus the dropped columns). */
export const CHANNEL_NAMES: readonly string[] = ['heart_rate', ...IMUS.flatMap((imu) => IMU_CHANNELS.map((c) => `${imu}_${c}`))];

/**
 * 0-based raw column of each channel. §1 / lab `select_columns_opp`: of the 52 sensor columns
 * (raw 2..53) delete 14–17, 31–34, 48–51, i.e. raw columns 16–19, 33–36, 50–53 (orientation).
 */
export const CHANNEL_SOURCE_COLUMNS: readonly number[] = (() => {
  const cols: number[] = [2];
  for (let imu = 0; imu < 3; imu++) {
    const base = 3 + imu * 17;
    for (let k = 0; k < 13; k++) cols.push(base + k);
  }
  return cols;
})();

/** §1 class index → PAMAP2 activity id. */
export const CLASS_ACTIVITY_IDS: readonly number[] = [24, 1, 2, 3, 4, 5, 6, 7, 12, 13, 16, 17];
export const CLASS_NAMES: readonly string[] = [
  'rope jumping',
  'lying',
  'sitting',
  'standing',
  'walking',
  'running',
  'cycling',
  'Nordic walking',
  'ascending stairs',
  'descending stairs',
  'vacuum cleaning',
  'ironing',
];
/** Deleted before anything else (§1, lab `del_labels`): transient 0 and the optional activities. */
export const DELETED_ACTIVITY_IDS: readonly number[] = [0, 8, 9, 10, 11, 18, 19, 20];
/**
 * Every activity id the UCI readme defines (0 other/transient, 1–7, 9–13, 16–20, 24); anything
 * else in column 2 is an error. (8 is not a PAMAP2 activity; the lab's del_labels lists it anyway.)
 */
export const KNOWN_ACTIVITY_IDS: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 24]);

const CLASS_OF = new Map(CLASS_ACTIVITY_IDS.map((id, k) => [id, k]));
/** §1 relabelling (24→0, 1..7 same, 12→8, 13→9, 16→10, 17→11); null = deleted. */
export function activityToClass(id: number): number | null {
  return CLASS_OF.get(id) ?? null;
}

/** §13 `NORM_MAX_THRESHOLDS` (lab `preprocessing_pamap2_2.py`). */
export const NORM_MAX: readonly number[] = [
  202.0, 35.5, 47.6314, 155.532, 157.76, 45.5484, 62.2598, 61.728, 21.8452, 13.1222, 14.2184, 137.544, 109.181, 100.543, 38.5625, 26.386,
  153.582, 37.2936, 23.9101, 61.9328, 36.9676, 15.5171, 5.97964, 2.94183, 80.4739, 39.7391, 95.8415, 35.4375, 157.232, 157.293, 150.99,
  61.9509, 62.0461, 60.9357, 17.4204, 13.5882, 13.9617, 91.4247, 92.867, 146.651,
];
/** §13 `NORM_MIN_THRESHOLDS`. */
export const NORM_MIN: readonly number[] = [
  0, 0, -114.755, -104.301, -73.0384, -61.1938, -61.8086, -61.4193, -27.8044, -17.8495, -14.2647, -103.941, -200.043, -163.608, 0, -29.0888,
  -38.1657, -57.2366, -32.9627, -39.7561, -56.0108, -10.1563, -5.06858, -3.99487, -70.0627, -122.48, -66.6847, 0, -155.068, -155.617,
  -156.179, -60.3067, -61.9064, -62.2629, -14.162, -13.0401, -14.0196, -172.865, -137.908, -102.232,
];
/** §1/§13: scaled values above 1 become this (not 1), values below 0 become 0. */
export const CLIP_HIGH = 0.99;
