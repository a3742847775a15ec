/**
 * `npm run data:pamap2` as a function (the CLI in scripts/data-pamap2.ts only parses arguments).
 *
 * source (zip | folder | excerpt folder | http(s) URL → downloaded with resume)
 *   → each Protocol/subject10N.dat streamed: SHA-256 + parse + §1 preprocessing
 *   → SHA-256 checked against SOURCE.md (source-hashes.ts); a mismatch is refused, naming the file,
 *     unless `unverified` (recorded per file and in source.unverifiedAllowed)
 *   → Node shards (float32) + manifest.json in `out`; browser shards (uint8) + manifest.json in
 *     `browserOut` for a subset of subjects that fits `browserMaxBytes`.
 * Resume: `<out>/.progress.json` remembers finished subjects by source entry (name, sizes, mtime or
 * hash); a rerun skips those whose shard files still hash as recorded, and downloads resume.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CHANNEL_NAMES, CLASS_ACTIVITY_IDS, CLASS_NAMES, CLIP_HIGH, DELETED_ACTIVITY_IDS, NORM_MAX, NORM_MIN } from '../format.ts';
import { Pamap2ManifestSchema, type Pamap2Manifest, type SourceFile, type SubjectShard } from '../manifest-schema.ts';
import { ProtocolLineParser } from '../parse.ts';
import { SubjectPreprocessor } from '../preprocess.ts';
import type { SubjectSeries } from '../series.ts';
import { decodeSeries, UINT8_SCALE } from '../shards.ts';
import { PROTOCOL_FILE_HASHES, UCI_PAMAP2_URL } from '../source-hashes.ts';
import { EXCERPT_SEGMENT_GAP_S } from '../excerpt.ts';
import { downloadWithResume } from './download.ts';
import { readProtocolFiles, sourceKind, type EntrySink, type ProtocolEntry } from './protocol-source.ts';
import { fileSha256, pruneShards, writeAtomic, writeSubjectShard } from './shard-files.ts';

export interface DataCommandOptions {
  /** Zip path, folder, or http(s) URL. Default: the UCI archive URL. */
  source?: string;
  /** Node shards (float32). Default `.work/pamap2`. */
  out?: string;
  /** Browser shards (uint8); none when null/undefined. */
  browserOut?: string | null;
  unverified?: boolean;
  /** Only these subjects (default all found). */
  subjects?: number[] | null;
  /** Browser subset, in priority order (default: every processed subject); subjects that would exceed the budget are left out. */
  browserSubjects?: number[] | null;
  browserMaxBytes?: number;
  /** Split segments at timestamp gaps (s). Default null (the lab), or 1 for the excerpt folder. */
  segmentGapS?: number | null;
  downloadDir?: string;
  /** Tests only: replace the SOURCE.md hashes. */
  expectedHashes?: ReadonlyMap<number, { sha256: string }>;
  retryDelayMs?: number;
  now?: () => Date;
}

export interface DataCommandResult {
  manifest: Pamap2Manifest;
  browserManifest: Pamap2Manifest | null;
  skippedSubjects: number[];
}

interface Done {
  source: SourceFile;
  shard: SubjectShard;
}
type Progress = Record<string, Done>;

// Stands in for a shard still being written (so a duplicate subject is caught at once).
const PLACEHOLDER: SubjectShard = {
  subject: 0,
  rows: 0,
  segments: [0],
  x: { file: 'x', bytes: 0, sha256: '0'.repeat(64) },
  y: { file: 'y', bytes: 0, sha256: '0'.repeat(64) },
  windows: 0,
  windowsPerClass: new Array<number>(12).fill(0),
};

export const DEFAULT_OUT = '.work/pamap2';
export const DEFAULT_BROWSER_MAX_BYTES = 25_000_000;

/** Where the Protocol files come from: a URL (downloaded, resumable) or a local zip/folder. */
async function resolveSource(
  opts: DataCommandOptions,
  source: string,
  log: (line: string) => void,
): Promise<{ path: string; kind: Pamap2Manifest['source']['kind']; location: string }> {
  if (!/^https?:\/\//.test(source)) return { path: source, kind: await sourceKind(source), location: basename(source.replace(/\/+$/, '')) };
  const dir = opts.downloadDir ?? '.work/pamap2-download';
  const path = join(dir, basename(new URL(source).pathname) || 'pamap2.zip');
  log(`download ${source} → ${path}`);
  let lastPct = -1;
  const r = await downloadWithResume(source, path, {
    log,
    ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
    onProgress: (b, t) => {
      const pct = t ? Math.floor((100 * b) / t) : -1;
      if (pct !== lastPct && pct % 10 === 0) log(`download ${pct}% (${(b / 1e6).toFixed(1)} MB)`);
      lastPct = pct;
    },
  });
  log(`download done: ${r.bytes} bytes in ${r.attempts} attempt(s)`);
  return { path, kind: 'url', location: source };
}

/** The resume record of an earlier, interrupted run (none: start from scratch). */
async function readProgress(progressPath: string): Promise<Progress> {
  try {
    return JSON.parse(await readFile(progressPath, 'utf8')) as Progress;
  } catch {
    return {};
  }
}

/** A shard an earlier run wrote, read back if its files are intact (resume). */
async function reuseShard(out: string, prev: Done, progressPath: string, name: string): Promise<SubjectSeries> {
  const xs = await fileSha256(join(out, prev.shard.x.file));
  const ys = await fileSha256(join(out, prev.shard.y.file));
  if (xs !== prev.shard.x.sha256 || ys !== prev.shard.y.sha256)
    throw new Error(`${name}: recorded shard changed on disk; delete ${progressPath} and rerun`);
  const [xb, yb] = await Promise.all([readFile(join(out, prev.shard.x.file)), readFile(join(out, prev.shard.y.file))]);
  return decodeSeries(prev.shard, new Uint8Array(xb), new Uint8Array(yb), { dtype: 'float32' });
}

/** Logs the source's read progress every 5 %. */
function percentLogger(log: (line: string) => void): (read: number, total: number) => void {
  let lastPct = -1;
  return (read, total) => {
    const pct = Math.floor((100 * read) / total);
    if (pct !== lastPct && pct % 5 === 0) log(`source ${pct}%`);
    lastPct = pct;
  };
}

function refuse(s: SourceFile): never {
  throw new Error(
    `${s.name}: SHA-256 ${s.sha256} does not match the UCI PAMAP2 file (${s.expectedSha256 ?? 'no reference hash for this subject'}) — refused. ` +
      'Pass --unverified to use it anyway (the manifest records it).',
  );
}

export async function runDataCommand(opts: DataCommandOptions, log: (line: string) => void = () => {}): Promise<DataCommandResult> {
  const source = opts.source ?? UCI_PAMAP2_URL;
  const out = opts.out ?? DEFAULT_OUT;
  const hashes = opts.expectedHashes ?? PROTOCOL_FILE_HASHES;
  const unverified = opts.unverified ?? false;
  const want = opts.subjects ? new Set(opts.subjects) : null;

  const { path, kind, location } = await resolveSource(opts, source, log);
  const segmentGapS = opts.segmentGapS !== undefined ? opts.segmentGapS : kind === 'excerpt' ? EXCERPT_SEGMENT_GAP_S : null;

  await mkdir(out, { recursive: true });
  const progressPath = join(out, '.progress.json');
  const progress = await readProgress(progressPath);
  const settingsKey = `gap=${segmentGapS}`;
  const done = new Map<number, Done>();
  const series = new Map<number, SubjectSeries>();
  const skipped: number[] = [];
  const pending: Array<Promise<void>> = [];
  let writes: Promise<void> = Promise.resolve(); // shard + progress writes, one at a time

  const handler = (entry: ProtocolEntry): EntrySink | null => {
    if (want && !want.has(entry.subject)) return null;
    if (done.has(entry.subject)) throw new Error(`${entry.name}: subject ${entry.subject} appears twice in the source`);
    const key = `${entry.key}|${settingsKey}`;
    const prev = progress[key];
    if (prev) {
      // Resume: reuse the shard if its files are intact.
      pending.push(reuseShard(out, prev, progressPath, entry.name).then((ser) => void series.set(entry.subject, ser)));
      done.set(entry.subject, prev);
      skipped.push(entry.subject);
      log(`${entry.name}: already processed (resume), skipped`);
      return null;
    }
    const hash = createHash('sha256');
    const decoder = new TextDecoder();
    const pre = new SubjectPreprocessor(entry.subject, { segmentGapS });
    const parser = new ProtocolLineParser({ file: entry.name, onRow: (row) => pre.push(row) });
    let bytes = 0;
    let nextLog = 32 << 20;
    log(`${entry.name}: reading${entry.bytes ? ` (${(entry.bytes / 1e6).toFixed(1)} MB)` : ''}`);
    return {
      push(chunk) {
        hash.update(chunk);
        bytes += chunk.byteLength;
        parser.push(decoder.decode(chunk, { stream: true }));
        if (bytes >= nextLog) {
          log(`${entry.name}: ${(bytes / 1e6).toFixed(0)} MB${entry.bytes ? ` of ${(entry.bytes / 1e6).toFixed(0)}` : ''}`);
          nextLog += 32 << 20;
        }
      },
      end() {
        parser.push(decoder.decode());
        parser.end();
        const s = pre.finish();
        const sha256 = hash.digest('hex');
        const expected = hashes.get(entry.subject)?.sha256 ?? null;
        const file: SourceFile = {
          name: entry.name,
          subject: entry.subject,
          bytes,
          sha256,
          expectedSha256: expected,
          verified: expected === sha256,
          rawRows: pre.rawRows,
        };
        if (!file.verified && !unverified) refuse(file);
        log(`${entry.name}: ${file.verified ? 'verified' : 'UNVERIFIED'}, ${pre.rawRows} rows → ${s.rows} at 33.3 Hz`);
        series.set(entry.subject, s);
        done.set(entry.subject, { source: file, shard: PLACEHOLDER });
        writes = writes.then(async () => {
          const { shard } = await writeSubjectShard(out, s, 'float32');
          const d = { source: file, shard };
          done.set(entry.subject, d);
          progress[key] = d;
          await writeAtomic(progressPath, JSON.stringify(progress));
        });
        pending.push(writes);
      },
    };
  };

  await readProtocolFiles(path, handler, percentLogger(log));
  await Promise.all(pending);
  if (done.size === 0) throw new Error(`${location}: none of the requested subjects (${[...(want ?? [])].join(', ')}) found`);
  for (const d of done.values()) if (!d.source.verified && !unverified) refuse(d.source);

  const subjects = [...done.keys()].sort((a, b) => a - b);
  const base = { kind, location, unverifiedAllowed: unverified };
  const manifest = buildManifest(
    'node',
    base,
    subjects.map((s) => done.get(s) as Done),
    segmentGapS,
    opts.now,
  );
  await writeAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  await pruneShards(out, new Set(manifest.shards.flatMap((s) => [s.x.file, s.y.file])));
  log(
    `node shards: ${out} — ${manifest.subjects.length} subjects, ${manifest.totals.windows} windows, ${(manifest.totals.bytes / 1e6).toFixed(2)} MB`,
  );

  let browserManifest: Pamap2Manifest | null = null;
  if (opts.browserOut) {
    const order = opts.browserSubjects ?? subjects;
    const items = order.map((subject) => {
      const s = series.get(subject);
      const d = done.get(subject);
      if (!s || !d) throw new Error(`--browser-subjects: subject ${subject} was not processed`);
      return { series: s, source: d.source };
    });
    browserManifest = await writeBrowserShare(
      opts.browserOut,
      items,
      { ...base, segmentGapS, budget: opts.browserMaxBytes ?? DEFAULT_BROWSER_MAX_BYTES, now: opts.now },
      log,
    );
  }
  return { manifest, browserManifest, skippedSubjects: skipped };
}

export interface ShareOptions {
  kind: Pamap2Manifest['source']['kind'];
  location: string;
  unverifiedAllowed: boolean;
  segmentGapS: number | null;
  /** Bytes of x + y shards at most; subjects that would exceed it are left out (in order). */
  budget: number;
  now?: (() => Date) | undefined;
}

/**
 * The browser share: uint8 shards + manifest.json in `dir` for the subjects of `items` (in that
 * priority order) that fit `budget`. What the deploy writes into public/data/pamap2/; the memory
 * load test (bench/load-test-share.ts) writes its synthetic share of the same size with it.
 */
export async function writeBrowserShare(
  dir: string,
  items: ReadonlyArray<{ series: SubjectSeries; source: SourceFile }>,
  o: ShareOptions,
  log: (line: string) => void = () => {},
): Promise<Pamap2Manifest> {
  const chosen: Done[] = [];
  let used = 0;
  for (const { series: s, source } of items) {
    const size = s.rows * 41; // uint8 x (40/row) + uint8 y
    if (used + size > o.budget) {
      log(`browser share: subject ${s.subject} left out (${(size / 1e6).toFixed(1)} MB would exceed ${(o.budget / 1e6).toFixed(1)} MB)`);
      continue;
    }
    const { shard } = await writeSubjectShard(dir, s, 'uint8');
    chosen.push({ source, shard });
    used += shard.x.bytes + shard.y.bytes;
  }
  if (chosen.length === 0) throw new Error(`browser share: no subject fits in ${o.budget} bytes`);
  chosen.sort((a, b) => a.shard.subject - b.shard.subject);
  const manifest = buildManifest(
    'browser',
    { kind: o.kind, location: o.location, unverifiedAllowed: o.unverifiedAllowed },
    chosen,
    o.segmentGapS,
    o.now,
  );
  await writeAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  await pruneShards(dir, new Set(manifest.shards.flatMap((s) => [s.x.file, s.y.file])));
  log(
    `browser shards: ${dir} — subjects ${manifest.subjects.join(', ')}, ${manifest.totals.windows} windows, ${(manifest.totals.bytes / 1e6).toFixed(2)} MB`,
  );
  return manifest;
}

function buildManifest(
  target: 'node' | 'browser',
  base: { kind: Pamap2Manifest['source']['kind']; location: string; unverifiedAllowed: boolean },
  items: Done[],
  segmentGapS: number | null,
  now: (() => Date) | undefined,
): Pamap2Manifest {
  const files = items.map((d) => d.source);
  const manifest: Pamap2Manifest = {
    format: 'pamap2-shards',
    version: 1,
    target,
    createdAt: (now ? now() : new Date()).toISOString(),
    source: { ...base, allVerified: files.every((f) => f.verified), files },
    subjects: items.map((d) => d.shard.subject),
    channels: [...CHANNEL_NAMES],
    classes: CLASS_ACTIVITY_IDS.map((activityId, index) => ({ index, activityId, name: CLASS_NAMES[index] as string })),
    sampling: { sourceHz: 100, keepEvery: 3, hz: 100 / 3 },
    preprocessing: {
      spec: 'kd-protocol.md §1 (channels, cleaning, relabelling, 33.3 Hz, windows) and §13 (min–max thresholds)',
      deletedActivityIds: [...DELETED_ACTIVITY_IDS],
      normMin: [...NORM_MIN],
      normMax: [...NORM_MAX],
      clipHigh: CLIP_HIGH,
      heartRate: 'forward-fill, leading NaN → 0',
      otherNaN: 0,
      segmentGapS,
      window: { length: 100, step: 22, firstStart: 22 },
    },
    encoding:
      target === 'node'
        ? { dtype: 'float32' }
        : { dtype: 'uint8', scale: UINT8_SCALE, note: 'value ≈ q/255 of the [0, 1]-scaled channel (|error| ≤ 0.002)' },
    shards: items.map((d) => d.shard),
    totals: {
      rows: items.reduce((a, d) => a + d.shard.rows, 0),
      windows: items.reduce((a, d) => a + d.shard.windows, 0),
      bytes: items.reduce((a, d) => a + d.shard.x.bytes + d.shard.y.bytes, 0),
    },
  };
  return Pamap2ManifestSchema.parse(manifest); // writers validate before writing
}

/** Deletes the resume record (e.g. after changing flags). */
export async function clearProgress(out = DEFAULT_OUT): Promise<void> {
  await rm(join(out, '.progress.json'), { force: true });
}
