/**
 * manifest.json of a PAMAP2 shard folder written by `npm run data:pamap2` (Node: float32; browser:
 * uint8-quantised). Writers validate before writing; readers (shards.ts) validate before reading.
 *
 * Shard files per subject: `subject10N.x.<dtype>` = (R, S) row-major little-endian values
 * (float32: the [0, 1]-scaled value; uint8: value ≈ q · scale), `subject10N.y.u8` = (R) class 0..11.
 */
import { z } from 'zod';
import { formatZodError } from '../../shared/zod-error';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');

const ShardFileSchema = z.object({
  file: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a plain file name'),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
});

const SourceFileSchema = z.object({
  /** Path inside the source (zip entry or folder-relative), e.g. `PAMAP2_Dataset/Protocol/subject101.dat`. */
  name: z.string(),
  subject: z.number().int(),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
  /** The SHA-256 of the full UCI file (SOURCE.md), or null when the subject has none. */
  expectedSha256: Sha256.nullable(),
  /** True only when sha256 === expectedSha256. */
  verified: z.boolean(),
  rawRows: z.number().int().nonnegative(),
});

const SubjectShardSchema = z.object({
  subject: z.number().int(),
  /** R: 33.3 Hz rows after §1. */
  rows: z.number().int().nonnegative(),
  /** Start row of each contiguous segment (windows never cross one). */
  segments: z.array(z.number().int().nonnegative()).min(1),
  x: ShardFileSchema,
  y: ShardFileSchema,
  /** Windows this subject yields under §1 windowing, in total and per class 0..11. */
  windows: z.number().int().nonnegative(),
  windowsPerClass: z.array(z.number().int().nonnegative()).length(12),
});

export const Pamap2ManifestSchema = z.object({
  format: z.literal('pamap2-shards'),
  version: z.literal(1),
  target: z.enum(['node', 'browser']),
  createdAt: z.string(),
  source: z.object({
    kind: z.enum(['zip', 'folder', 'url', 'excerpt']),
    /** URL, or the zip/folder base name (no local absolute paths). */
    location: z.string(),
    /** True when `--unverified` was passed: files that failed verification were used anyway. */
    unverifiedAllowed: z.boolean(),
    /** True when every file used matched its SOURCE.md SHA-256. */
    allVerified: z.boolean(),
    files: z.array(SourceFileSchema).min(1),
  }),
  subjects: z.array(z.number().int()).min(1),
  channels: z.array(z.string()).length(40),
  classes: z.array(z.object({ index: z.number().int(), activityId: z.number().int(), name: z.string() })).length(12),
  sampling: z.object({ sourceHz: z.literal(100), keepEvery: z.literal(3), hz: z.number() }),
  preprocessing: z.object({
    spec: z.string(),
    deletedActivityIds: z.array(z.number().int()),
    normMin: z.array(z.number()).length(40),
    normMax: z.array(z.number()).length(40),
    clipHigh: z.number(),
    heartRate: z.literal('forward-fill, leading NaN → 0'),
    otherNaN: z.literal(0),
    /** null = one sequence per file (the lab); a number = split segments at timestamp gaps of more than this many seconds. */
    segmentGapS: z.number().positive().nullable(),
    window: z.object({ length: z.literal(100), step: z.literal(22), firstStart: z.literal(22) }),
  }),
  encoding: z.discriminatedUnion('dtype', [
    z.object({ dtype: z.literal('float32') }),
    z.object({ dtype: z.literal('uint8'), scale: z.number().positive(), note: z.string() }),
  ]),
  shards: z.array(SubjectShardSchema).min(1),
  totals: z.object({ rows: z.number().int(), windows: z.number().int(), bytes: z.number().int() }),
});

export type Pamap2Manifest = z.infer<typeof Pamap2ManifestSchema>;
export type SubjectShard = z.infer<typeof SubjectShardSchema>;
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** Parse with an error that names the manifest file and the failing fields. */
export function parseManifest(json: unknown, file = 'manifest.json'): Pamap2Manifest {
  const r = Pamap2ManifestSchema.safeParse(json);
  if (!r.success) {
    throw new Error(`${file}: invalid PAMAP2 manifest — ${formatZodError(r.error, { limit: 5 })}`);
  }
  return r.data;
}
