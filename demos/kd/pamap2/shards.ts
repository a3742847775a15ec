/**
 * Encode / decode the per-subject shard files of a data:pamap2 folder (browser and Node).
 *   x: (R, S) little-endian float32 — or uint8 with q = round(v · 255), v ≈ q / 255 (|error| ≤ 0.002;
 *      the §1 clip value 0.99 reads back as 252/255 = 0.988);
 *   y: (R) uint8 class 0..11.
 * `loadShards` fetches through an injected `fetchBytes`, so the page (fetch), a Worker and Node
 * (readFile) share it; byte lengths are always checked, SHA-256 too when `verify` is on.
 */
import { CHANNELS, NUM_CLASSES } from './format.ts';
import type { Pamap2Manifest, SubjectShard } from './manifest-schema.ts';
import type { SubjectSeries } from './series.ts';
import type { RowSeries } from './window-source.ts';

export const UINT8_SCALE = 1 / 255;
export type ShardDtype = 'float32' | 'uint8';

export function encodeX(x: Float32Array, dtype: ShardDtype): Uint8Array {
  if (dtype === 'float32') {
    const out = new Float32Array(x.length);
    const view = new DataView(out.buffer);
    for (let i = 0; i < x.length; i++) view.setFloat32(i * 4, x[i] as number, true);
    return new Uint8Array(out.buffer);
  }
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, x[i] as number)) * 255);
  return out;
}

export function encodeY(y: Int32Array): Uint8Array {
  return Uint8Array.from(y);
}

/** Byte lengths and class range of one shard's files. */
function checkShard(shard: SubjectShard, xBytes: Uint8Array, yBytes: Uint8Array, encoding: Pamap2Manifest['encoding']): void {
  const n = shard.rows * CHANNELS;
  const width = encoding.dtype === 'float32' ? 4 : 1;
  if (xBytes.byteLength !== n * width)
    throw new Error(`${shard.x.file}: ${xBytes.byteLength} bytes, expected ${n * width} (${shard.rows} rows × ${CHANNELS} × ${width})`);
  if (yBytes.byteLength !== shard.rows) throw new Error(`${shard.y.file}: ${yBytes.byteLength} bytes, expected ${shard.rows}`);
  for (let i = 0; i < shard.rows; i++) {
    const c = yBytes[i] as number;
    if (c >= NUM_CLASSES) throw new Error(`${shard.y.file}: byte ${i} is class ${c}, outside 0..11`);
  }
}

export function decodeSeries(
  shard: SubjectShard,
  xBytes: Uint8Array,
  yBytes: Uint8Array,
  encoding: Pamap2Manifest['encoding'],
): SubjectSeries {
  checkShard(shard, xBytes, yBytes, encoding);
  const n = shard.rows * CHANNELS;
  const x = new Float32Array(n);
  if (encoding.dtype === 'float32') {
    const view = new DataView(xBytes.buffer, xBytes.byteOffset, xBytes.byteLength);
    for (let i = 0; i < n; i++) x[i] = view.getFloat32(i * 4, true);
  } else {
    for (let i = 0; i < n; i++) x[i] = (xBytes[i] as number) * encoding.scale;
  }
  const y = Int32Array.from(yBytes);
  return { subject: shard.subject, rows: shard.rows, x, y, segments: [...shard.segments] };
}

/**
 * The rows as loaded: a uint8 shard stays bytes (value = q · scale, 1 byte a value instead of 4),
 * for window-source.ts; a float32 shard is decoded.
 */
function shardRows(shard: SubjectShard, xBytes: Uint8Array, yBytes: Uint8Array, encoding: Pamap2Manifest['encoding']): RowSeries {
  if (encoding.dtype === 'float32') return decodeSeries(shard, xBytes, yBytes, encoding);
  checkShard(shard, xBytes, yBytes, encoding);
  return { subject: shard.subject, rows: shard.rows, x: xBytes, scale: encoding.scale, y: yBytes, segments: [...shard.segments] };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface LoadShardsOptions {
  /** Only these subjects (default: all in the manifest). */
  subjects?: number[];
  onProgress?: (done: number, total: number) => void;
  /** Check each file's SHA-256 against the manifest (default true). */
  verify?: boolean;
}

export async function loadShards(
  manifest: Pamap2Manifest,
  fetchBytes: (file: string) => Promise<Uint8Array>,
  opts: LoadShardsOptions = {},
): Promise<SubjectSeries[]> {
  return readShards(manifest, fetchBytes, opts, decodeSeries);
}

/** As loadShards, keeping uint8 shards as bytes (the page: a quarter of the memory). */
export async function loadShardRows(
  manifest: Pamap2Manifest,
  fetchBytes: (file: string) => Promise<Uint8Array>,
  opts: LoadShardsOptions = {},
): Promise<RowSeries[]> {
  return readShards(manifest, fetchBytes, opts, shardRows);
}

async function readShards<T>(
  manifest: Pamap2Manifest,
  fetchBytes: (file: string) => Promise<Uint8Array>,
  opts: LoadShardsOptions,
  decode: (shard: SubjectShard, x: Uint8Array, y: Uint8Array, encoding: Pamap2Manifest['encoding']) => T,
): Promise<T[]> {
  const want = opts.subjects ? new Set(opts.subjects) : null;
  const shards = manifest.shards.filter((s) => !want || want.has(s.subject));
  if (want) {
    const missing = [...want].filter((s) => !shards.some((sh) => sh.subject === s));
    if (missing.length > 0)
      throw new Error(`PAMAP2 shards: subjects ${missing.join(', ')} are not in this manifest (has ${manifest.subjects.join(', ')})`);
  }
  const total = shards.reduce((a, s) => a + s.x.bytes + s.y.bytes, 0);
  let done = 0;
  const out: T[] = [];
  for (const shard of shards) {
    const [xb, yb] = await Promise.all([fetchBytes(shard.x.file), fetchBytes(shard.y.file)]);
    if (opts.verify ?? true) {
      for (const [f, b] of [
        [shard.x, xb],
        [shard.y, yb],
      ] as const) {
        const h = await sha256Hex(b);
        if (h !== f.sha256)
          throw new Error(`${f.file}: SHA-256 ${h.slice(0, 12)}… does not match the manifest (${f.sha256.slice(0, 12)}…)`);
      }
    }
    out.push(decode(shard, xb, yb, manifest.encoding));
    done += shard.x.bytes + shard.y.bytes;
    opts.onProgress?.(done, total);
  }
  return out;
}
