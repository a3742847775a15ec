/**
 * Node: walk the `Protocol/subject10N.dat` files of a PAMAP2 source and stream each one's bytes
 * into a sink, never holding a whole file:
 *   - a zip (the UCI download, which wraps `PAMAP2_Dataset.zip`, or that zip itself), read in
 *     1 MiB chunks through the reader the page shares (../zip.ts);
 *   - a folder holding `PAMAP2_Dataset/Protocol/`, `Protocol/` or the .dat files themselves;
 *   - the excerpt folder (`data/pamap2/`), regrouped per subject by excerpt.ts.
 * A handler decides per entry whether to read it (a sink) or skip it (null: a zip entry is then
 * not even inflated).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EXCERPT_FILES } from '../excerpt.ts';
import { readProtocolZip, type EntryHandler } from '../zip.ts';
import { loadExcerptSubjectTexts } from './excerpt.ts';

export type { EntryHandler, EntrySink, ProtocolEntry } from '../zip.ts';
export type SourceKind = 'zip' | 'folder' | 'excerpt';

export function isExcerptFolder(dir: string): boolean {
  return existsSync(join(dir, EXCERPT_FILES.indexCsv)) && existsSync(join(dir, EXCERPT_FILES.first10000));
}

export async function sourceKind(path: string): Promise<SourceKind> {
  const st = await stat(path).catch(() => null);
  if (!st) throw new Error(`${path}: no such file or folder`);
  if (st.isDirectory()) return isExcerptFolder(path) ? 'excerpt' : 'folder';
  return 'zip';
}

/** Reads every Protocol entry; resolves with the entry names seen. */
export async function readProtocolFiles(
  path: string,
  handler: EntryHandler,
  onBytes?: (read: number, total: number) => void,
): Promise<string[]> {
  const kind = await sourceKind(path);
  if (kind === 'zip') return readZipFile(path, handler, onBytes);
  if (kind === 'excerpt') return readExcerpt(path, handler);
  return readFolder(path, handler);
}

async function readZipFile(path: string, handler: EntryHandler, onBytes?: (read: number, total: number) => void): Promise<string[]> {
  const total = (await stat(path)).size;
  return readProtocolZip(basename(path), createReadStream(path, { highWaterMark: 1 << 20 }), handler, {
    onBytes: (read) => onBytes?.(read, total),
  });
}

async function readFolder(dir: string, handler: EntryHandler): Promise<string[]> {
  const candidates = [join(dir, 'PAMAP2_Dataset', 'Protocol'), join(dir, 'Protocol'), dir];
  for (const folder of candidates) {
    const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => /^subject10[1-9]\.dat$/.test(n)).sort();
    if (names.length === 0) continue;
    const rel = folder === dir ? '' : `${folder.slice(dir.length + 1)}/`;
    for (const n of names) {
      const full = join(folder, n);
      const st = await stat(full);
      const name = `${rel}${n}`;
      const sink = handler({ name, subject: Number(n.slice(7, 10)), bytes: st.size, key: `file:${name}:${st.size}:${st.mtimeMs}` });
      if (!sink) continue;
      for await (const chunk of createReadStream(full, { highWaterMark: 1 << 20 })) {
        const b = chunk as Buffer;
        sink.push(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      }
      sink.end();
    }
    return names.map((n) => `${rel}${n}`);
  }
  throw new Error(`${dir}: no subject10N.dat in PAMAP2_Dataset/Protocol/, Protocol/ or the folder itself`);
}

async function readExcerpt(dir: string, handler: EntryHandler): Promise<string[]> {
  const texts = await loadExcerptSubjectTexts(dir);
  const seen: string[] = [];
  for (const [subject, text] of texts) {
    const bytes = new TextEncoder().encode(text);
    const name = `excerpt/subject${subject}.dat`;
    seen.push(name);
    const key = `excerpt:${createHash('sha256').update(bytes).digest('hex')}`;
    const sink = handler({ name, subject, bytes: bytes.length, key });
    if (!sink) continue;
    for (let o = 0; o < bytes.length; o += 1 << 20) sink.push(bytes.subarray(o, o + (1 << 20)));
    sink.end();
  }
  return seen;
}
