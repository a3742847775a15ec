/**
 * The bundled excerpt as the page downloads it: the PREPROCESSED series of excerpt.ts (after §1
 * cleaning and 33.3 Hz downsampling), stored losslessly as float32 in one small binary, instead of
 * the ~6 MB of raw `.dat` text the page would otherwise fetch and parse. The raw files in
 * data/pamap2/ stay the source: `npm run data:excerpt` writes this file from them, and
 * test/unit/excerpt-series.test.ts checks that decoding it gives exactly the raw parse (so the
 * excerpt run's numbers are unchanged). Unlike the full share's uint8 shards (shards.ts) nothing is
 * quantised: the excerpt's numbers are the ones the tests and the notes quote.
 *
 * Layout (little-endian):
 *   "PXS1" | u32 header bytes H | H bytes of JSON (ExcerptSeriesHeader), space-padded to 4 |
 *   per subject, in header order: x float32 (rows · S, row-major (R, S)) then y uint8 (rows),
 *   zero-padded to 4.
 */
import { z } from 'zod';
import { formatZodError } from '../../shared/zod-error';
import type { SubjectSeries } from './series.ts';

export const EXCERPT_SERIES_FILE = 'excerpt-series.bin';
const MAGIC = 'PXS1';

const HeaderSchema = z.object({
  format: z.literal('pamap2-excerpt-series'),
  version: z.literal(1),
  /** SHA-256 of the three raw texts, concatenated (run/data.ts): the excerpt's identity, as before. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Channels per row (S). */
  channels: z.number().int().positive(),
  subjects: z.array(
    z.object({
      subject: z.number().int().positive(),
      rows: z.number().int().nonnegative(),
      segments: z.array(z.number().int().nonnegative()),
    }),
  ),
});
type ExcerptSeriesHeader = z.infer<typeof HeaderSchema>;

const pad4 = (n: number): number => (n + 3) & ~3;

/** Encodes the series (all with the same channel count; classes 0..255) with the raw texts' SHA-256. */
export function encodeExcerptSeries(series: readonly SubjectSeries[], sha256: string): Uint8Array {
  const channels = series[0] ? series[0].x.length / Math.max(1, series[0].rows) : 1;
  const header: ExcerptSeriesHeader = {
    format: 'pamap2-excerpt-series',
    version: 1,
    sha256,
    channels,
    subjects: series.map((s) => ({ subject: s.subject, rows: s.rows, segments: [...s.segments] })),
  };
  let json = JSON.stringify(header);
  json += ' '.repeat(pad4(json.length) - json.length); // ASCII only, so characters = bytes
  const body = series.reduce((n, s) => n + s.x.length * 4 + pad4(s.rows), 0);
  const out = new Uint8Array(8 + json.length + body);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, json.length, true);
  out.set(new TextEncoder().encode(json), 8);
  let at = 8 + json.length;
  for (const s of series) {
    if (s.x.length !== s.rows * channels) throw new Error(`subject ${s.subject}: ${s.x.length} values for ${s.rows} rows × ${channels}`);
    for (let i = 0; i < s.x.length; i++, at += 4) view.setFloat32(at, s.x[i]!, true);
    for (let r = 0; r < s.rows; r++) {
      const c = s.y[r]!;
      if (!Number.isInteger(c) || c < 0 || c > 255) throw new Error(`subject ${s.subject} row ${r}: class ${c} does not fit a byte`);
      out[at + r] = c;
    }
    at += pad4(s.rows);
  }
  return out;
}

/** Decodes the file (named in errors as `name`); the series equal what was encoded, bit for bit. */
export function decodeExcerptSeries(bytes: Uint8Array, name = EXCERPT_SERIES_FILE): { sha256: string; series: SubjectSeries[] } {
  const fail = (why: string): never => {
    throw new Error(`${name}: ${why}`);
  };
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) fail(`not an excerpt-series file (no ${MAGIC})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = view.getUint32(4, true);
  if (8 + h > bytes.length) fail('header runs past the end of the file');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h)));
  } catch {
    fail('header is not JSON');
  }
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success) return fail(`bad header (${formatZodError(parsed.error, { limit: 1 })})`);
  const { channels, subjects, sha256 } = parsed.data;
  let at = 8 + h;
  const series = subjects.map(({ subject, rows, segments }): SubjectSeries => {
    const n = rows * channels;
    if (at + n * 4 + pad4(rows) > bytes.length) fail(`subject ${subject}: data runs past the end of the file`);
    const x = new Float32Array(n); // (R, S)
    for (let i = 0; i < n; i++, at += 4) x[i] = view.getFloat32(at, true);
    const y = Int32Array.from(bytes.subarray(at, at + rows)); // (R)
    at += pad4(rows);
    return { subject, rows, x, y, segments: [...segments] };
  });
  if (at !== bytes.length) fail(`${bytes.length - at} bytes after the last subject`);
  return { sha256, series };
}
