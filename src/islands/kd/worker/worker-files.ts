/**
 * Reading the reader's own PAMAP2 copy in the worker: `.dat` Protocol files (subject from
 * the name, subject10N.dat) or a zip — the UCI download as it comes (a zip holding
 * PAMAP2_Dataset.zip), PAMAP2_Dataset.zip, or a zip of the Protocol files — through the zip
 * reader the data command uses (demos/kd/pamap2/zip.ts; Optional/ is skipped, §1 uses Protocol
 * only). Streams with progress; text is never held whole. Errors name the file and line
 * (Pamap2FormatError from the parser) or the path inside the archive (Pamap2ZipError); the
 * session words them in the reader's language (S.errorText, strings-errors.ts).
 */
import { preprocessSubjectStream, SubjectPreprocessor } from '@demos/kd/pamap2/preprocess';
import { ProtocolLineParser } from '@demos/kd/pamap2/parse';
import type { SubjectSeries } from '@demos/kd/pamap2/series';
import { sha256Hex } from '@demos/kd/pamap2/shards';
import { buildData, type LoadedData } from '@demos/kd/run/data-summary';
import { S } from '../strings';
import { Pamap2ZipError, readProtocolZip, type EntrySink, type ProtocolEntry } from '@demos/kd/pamap2/zip';

export type Progress = (file: string, done: number, total: number) => void;

const SUBJECT_RE = /subject(10[1-9])(\.[\w-]+)?\.dat$/i;

export function subjectFromName(name: string): number | null {
  const m = SUBJECT_RE.exec(name);
  return m ? Number(m[1]) : null;
}

async function readDat(file: File, progress: Progress): Promise<SubjectSeries> {
  const subject = subjectFromName(file.name);
  if (subject === null) throw new Error(S.badDatName(file.name));
  return preprocessSubjectStream(subject, file.stream(), { file: file.name, onProgress: (b) => progress(file.name, b, file.size) });
}

/** The shared zip reader (demos/kd/pamap2/zip.ts); each Protocol entry is parsed and preprocessed as it inflates. */
async function readUploadedZip(file: File, progress: Progress): Promise<SubjectSeries[]> {
  const out: SubjectSeries[] = [];
  const sink = (entry: ProtocolEntry): EntrySink => {
    const pre = new SubjectPreprocessor(entry.subject);
    const parser = new ProtocolLineParser({ file: `${file.name}!${entry.name}`, onRow: (row) => pre.push(row) });
    const decoder = new TextDecoder();
    return {
      push: (chunk) => parser.push(decoder.decode(chunk, { stream: true })),
      end: () => {
        parser.push(decoder.decode());
        parser.end();
        out.push(pre.finish());
      },
    };
  };
  try {
    await readProtocolZip(file.name, file.stream(), sink, { onBytes: (read) => progress(file.name, read, file.size) });
  } catch (e) {
    throw e instanceof Pamap2ZipError ? new Error(S.errorText(e)) : e; // worded here: the path inside the archive stays
  }
  return out;
}

/** All subjects in the given files, sorted; the same subject twice is an error. */
export async function readFiles(files: readonly File[], progress: Progress): Promise<SubjectSeries[]> {
  const all: SubjectSeries[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) all.push(...(await readUploadedZip(f, progress)));
    else all.push(await readDat(f, progress));
  }
  const seen = new Set<number>();
  for (const s of all) {
    if (seen.has(s.subject)) throw new Error(S.duplicateSubject(s.subject));
    seen.add(s.subject);
  }
  return all.sort((a, b) => a.subject - b.subject);
}

/** Identity of the reader's files for cache keys and artifacts: SHA-256 of their bytes (big files: name, size, first and last MiB). */
export async function hashFiles(files: readonly File[]): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    // Big files: hash name + size + first/last MiB (cheap identity, not a full checksum).
    const bytes =
      f.size <= 32 * 2 ** 20
        ? new Uint8Array(await f.arrayBuffer())
        : new Uint8Array(await new Blob([f.name, String(f.size), f.slice(0, 2 ** 20), f.slice(-(2 ** 20))]).arrayBuffer());
    parts.push(bytes);
  }
  const total = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    total.set(p, o);
    o += p.length;
  }
  return sha256Hex(total);
}

/** The reader's files as the run's data: parsed, preprocessed and identified by their bytes' SHA-256. */
export async function loadUploaded(files: readonly File[], progress: Progress): Promise<LoadedData> {
  const series = await readFiles(files, progress);
  const names = files.map((f) => f.name);
  return buildData(series, { label: S.ownFiles(names), source: 'upload', files: names, sha256: await hashFiles(files) });
}
