/**
 * Node: walk the `Protocol/subject10N.dat` files of a PAMAP2 source and stream each one's bytes
 * into a sink, never holding a whole file:
 *   - a zip (the UCI download; an inner `PAMAP2_Dataset.zip` inside the outer archive is
 *     unzipped on the fly too), read in 1 MiB chunks through fflate's streaming `Unzip`;
 *   - a folder holding `PAMAP2_Dataset/Protocol/`, `Protocol/` or the .dat files themselves;
 *   - the excerpt folder (`data/pamap2/`), regrouped per subject by excerpt.ts.
 * A handler decides per entry whether to read it (a sink) or skip it (null: a zip entry is then
 * not even inflated).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { EXCERPT_FILES } from '../excerpt.ts';
import { protocolSubject } from '../source-hashes.ts';
import { loadExcerptSubjectTexts } from './excerpt.ts';

export interface ProtocolEntry {
  /** Path as shown to the user, e.g. `PAMAP2_Dataset/Protocol/subject101.dat`. */
  name: string;
  subject: number;
  bytes: number | null;
  /** Identifies this exact input for resume (name, sizes, mtime or content hash). */
  key: string;
}
export interface EntrySink {
  push(chunk: Uint8Array): void;
  end(): void;
}
export type EntryHandler = (entry: ProtocolEntry) => EntrySink | null;
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
export async function readProtocolFiles(path: string, handler: EntryHandler, onBytes?: (read: number, total: number) => void): Promise<string[]> {
  const kind = await sourceKind(path);
  if (kind === 'zip') return readZip(path, handler, onBytes);
  if (kind === 'excerpt') return readExcerpt(path, handler);
  return readFolder(path, handler);
}

async function readZip(path: string, handler: EntryHandler, onBytes?: (read: number, total: number) => void): Promise<string[]> {
  const seen: string[] = [];
  const open = new Set<string>();
  const zipName = basename(path);
  // fflate turns an exception thrown by a data handler into an error passed to the next handler;
  // keep ours so the message stays the one that names the entry and line.
  let failure: unknown = null;
  const rethrow = (err: Error, where: string): never => {
    throw failure ?? new Error(`${where}: ${err.message}`);
  };
  const onfile = (file: UnzipFile): void => {
    if (/\.zip$/i.test(file.name)) {
      const inner = new Unzip(onfile);
      inner.register(UnzipInflate);
      file.ondata = (err, data, final) => {
        if (err) rethrow(err, `${zipName}!${file.name}`);
        inner.push(data, final);
      };
      file.start();
      return;
    }
    const subject = protocolSubject(file.name);
    if (subject === null) return;
    const entry: ProtocolEntry = {
      name: file.name,
      subject,
      bytes: file.originalSize ?? null,
      key: `zip:${file.name}:${file.originalSize ?? '?'}:${file.size ?? '?'}`,
    };
    seen.push(file.name);
    const sink = handler(entry);
    if (!sink) return;
    if (file.compression !== 0 && file.compression !== 8) {
      throw new Error(`${zipName}!${file.name}: unsupported zip compression method ${file.compression}`);
    }
    open.add(file.name);
    file.ondata = (err, data, final) => {
      if (err) rethrow(err, `${zipName}!${file.name}`);
      try {
        if (data.length > 0) sink.push(data);
        if (final) {
          open.delete(file.name);
          sink.end();
        }
      } catch (e) {
        failure ??= e;
        throw e;
      }
    };
    file.start();
  };
  const unzip = new Unzip(onfile);
  unzip.register(UnzipInflate);
  const total = (await stat(path)).size;
  let read = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    read += bytes.length;
    try {
      unzip.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), false);
    } catch (e) {
      throw failure ?? new Error(`${zipName}: ${e instanceof Error ? e.message : String(e)} (at byte ~${read} of ${total})`);
    }
    onBytes?.(read, total);
  }
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw failure ?? new Error(`${zipName}: ${e instanceof Error ? e.message : String(e)} (truncated archive?)`);
  }
  if (open.size > 0) throw new Error(`${zipName}: archive ends inside ${[...open].join(', ')} (truncated download?)`);
  if (seen.length === 0) throw new Error(`${zipName}: no Protocol/subject10N.dat inside — not the PAMAP2 archive`);
  return seen;
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
