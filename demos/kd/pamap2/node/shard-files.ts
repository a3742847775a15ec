/** Node: write / read shard folders (atomic writes, SHA-256 of every file). */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest, type Pamap2Manifest } from '../manifest-schema.ts';
import type { SubjectSeries } from '../series.ts';
import { encodeX, encodeY, loadShards, type LoadShardsOptions, type ShardDtype } from '../shards.ts';
import { NUM_CLASSES } from '../format.ts';
import { windowStarts } from '../windows.ts';
import type { SubjectShard } from '../manifest-schema.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function writeAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/** Hash of a file on disk, or null if it is missing. */
export async function fileSha256(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch {
    return null;
  }
}

/** Writes subject10N.x.<f32|u8> and subject10N.y.u8 unless identical files are already there. */
export async function writeSubjectShard(
  dir: string,
  s: SubjectSeries,
  dtype: ShardDtype,
): Promise<{ shard: SubjectShard; skipped: boolean }> {
  await mkdir(dir, { recursive: true });
  const xBytes = encodeX(s.x, dtype);
  const yBytes = encodeY(s.y);
  let skipped = true;
  const put = async (file: string, bytes: Uint8Array): Promise<{ file: string; bytes: number; sha256: string }> => {
    const hash = sha256(bytes);
    if ((await fileSha256(join(dir, file))) !== hash) {
      skipped = false;
      await writeAtomic(join(dir, file), bytes);
    }
    return { file, bytes: bytes.byteLength, sha256: hash };
  };
  const x = await put(`subject${s.subject}.x.${dtype === 'float32' ? 'f32' : 'u8'}`, xBytes);
  const y = await put(`subject${s.subject}.y.u8`, yBytes);
  const starts = windowStarts(s);
  const perClass = new Array<number>(NUM_CLASSES).fill(0);
  for (const st of starts) perClass[s.y[st] as number] = (perClass[s.y[st] as number] ?? 0) + 1;
  return {
    shard: { subject: s.subject, rows: s.rows, segments: s.segments, x, y, windows: starts.length, windowsPerClass: perClass },
    skipped,
  };
}

/** Removes subject shard files that the manifest no longer lists (only `subject10N.*` files). */
export async function pruneShards(dir: string, keep: Set<string>): Promise<void> {
  for (const f of await readdir(dir)) {
    if (/^subject10\d\.[xy]\.(f32|u8)$/.test(f) && !keep.has(f)) await rm(join(dir, f));
  }
}

export async function readManifest(dir: string): Promise<Pamap2Manifest> {
  const file = join(dir, 'manifest.json');
  return parseManifest(JSON.parse(await readFile(file, 'utf8')), file);
}

/** Node: load a shard folder written by the data command (Node float32 or browser uint8). */
export async function loadShardDir(
  dir: string,
  opts: LoadShardsOptions = {},
): Promise<{ manifest: Pamap2Manifest; series: SubjectSeries[] }> {
  const manifest = await readManifest(dir);
  const series = await loadShards(manifest, async (f) => new Uint8Array(await readFile(join(dir, f))), opts);
  return { manifest, series };
}
