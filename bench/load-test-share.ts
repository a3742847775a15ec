/**
 * A SYNTHETIC browser share of the real size and format, for the KD page's memory load test
 * (bench/kd-run-memory.ts). Never data: the values are seeded noise, the manifest says so in
 * `source.location`, and it is written under .work/ only (git-ignored), never shown as results.
 *
 * Size: the deployed site's share is what `npm run data:pamap2:deploy` writes — uint8 shards of as
 * many subjects as fit the 25 MB budget (≈ 27k windows). Here the rows per subject follow the UCI
 * Protocol files' row counts (data/pamap2/SOURCE.md: 376,417 … 8,477 rows at 100 Hz), scaled so the
 * nine subjects together fill the budget — the largest share the deploy can write, i.e. the worst
 * case for memory. Labels come in one contiguous block per activity per subject (as the protocol
 * was recorded), so windowing keeps nearly every window, as on the real files.
 * Written with the data command's own writer (writeBrowserShare → writeSubjectShard + manifest).
 *
 *   npx tsx bench/load-test-share.ts [--out .work/load-test-share]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANNELS, NUM_CLASSES } from '../demos/kd/pamap2/format';
import type { Pamap2Manifest } from '../demos/kd/pamap2/manifest-schema';
import { DEFAULT_BROWSER_MAX_BYTES, writeBrowserShare } from '../demos/kd/pamap2/node/data-command';
import type { SubjectSeries } from '../demos/kd/pamap2/series';
import { PROTOCOL_FILE_HASHES } from '../demos/kd/pamap2/source-hashes';
import { createRng, permutation } from '../demos/shared/rng';

/** UCI Protocol rows at 100 Hz per subject (data/pamap2/SOURCE.md). */
const UCI_ROWS: ReadonlyArray<[number, number]> = [
  [101, 376417],
  [102, 447000],
  [103, 252833],
  [104, 329576],
  [105, 374783],
  [106, 361817],
  [107, 313599],
  [108, 408031],
  [109, 8477],
];
export const LOAD_TEST_LOCATION = 'SYNTHETIC load test (seeded noise, not PAMAP2 data)';
export const DEFAULT_LOAD_TEST_DIR = '.work/load-test-share';

function syntheticSeries(subject: number, rows: number, seed: number): SubjectSeries {
  const rng = createRng(seed);
  const x = new Float32Array(rows * CHANNELS);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const y = new Int32Array(rows);
  const order = permutation(NUM_CLASSES, rng);
  for (let r = 0; r < rows; r++) y[r] = order[Math.min(NUM_CLASSES - 1, Math.floor((r * NUM_CLASSES) / rows))]!;
  return { subject, rows, x, y, segments: [0] };
}

/** Writes the share into `dir` (overwriting a previous one) and returns its manifest. */
export async function buildLoadTestShare(
  dir = DEFAULT_LOAD_TEST_DIR,
  budget = DEFAULT_BROWSER_MAX_BYTES,
  log: (l: string) => void = () => {},
): Promise<Pamap2Manifest> {
  const total = UCI_ROWS.reduce((n, [, r]) => n + r, 0);
  const rows33 = Math.floor(budget / (CHANNELS + 1)); // uint8 x + uint8 y per row
  const items = UCI_ROWS.map(([subject, raw], k) => {
    // Floor keeps the sum within the budget, so no subject is left out.
    const series = syntheticSeries(subject, Math.floor((raw / total) * rows33), 0x5eed + k);
    const hex = ((subject * 0x9e3779b1) >>> 0).toString(16).padStart(8, '0').repeat(8);
    return {
      series,
      source: {
        name: `synthetic/subject${subject}.dat`,
        subject,
        bytes: 0,
        sha256: hex,
        expectedSha256: PROTOCOL_FILE_HASHES.get(subject)?.sha256 ?? null,
        verified: false,
        rawRows: 0,
      },
    };
  });
  return writeBrowserShare(
    dir,
    items,
    { kind: 'folder', location: LOAD_TEST_LOCATION, unverifiedAllowed: true, segmentGapS: null, budget },
    log,
  );
}

/** The share in `dir` if it is a load-test share of this budget, else a fresh one. */
export async function loadTestShare(dir = DEFAULT_LOAD_TEST_DIR, log: (l: string) => void = () => {}): Promise<Pamap2Manifest> {
  try {
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Pamap2Manifest;
    if (m.source.location === LOAD_TEST_LOCATION && m.subjects.length === UCI_ROWS.length) return m;
  } catch {
    /* none yet */
  }
  return buildLoadTestShare(dir, DEFAULT_BROWSER_MAX_BYTES, log);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  const dir = i >= 0 ? process.argv[i + 1]! : DEFAULT_LOAD_TEST_DIR;
  const t0 = performance.now();
  const m = await buildLoadTestShare(dir, DEFAULT_BROWSER_MAX_BYTES, console.log);
  console.log(
    `load-test share: ${dir} — ${m.subjects.length} subjects, ${m.totals.rows} rows, ${m.totals.windows} windows, ${(m.totals.bytes / 1e6).toFixed(2)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
