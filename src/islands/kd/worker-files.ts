/**
 * Reading the reader's own PAMAP2 copy in the worker: `.dat` Protocol files (subject from
 * the name, subject10N.dat) or the UCI zip (PAMAP2_Dataset/Protocol/subject10N.dat inside;
 * the Optional folder is skipped, §1 uses Protocol only). Streams with progress; text is
 * never held whole. Errors name the file and line (Pamap2FormatError from the parser).
 */
import { Unzip, UnzipInflate } from 'fflate';
import { preprocessSubjectStream, SubjectPreprocessor } from '../../../demos/kd/pamap2/preprocess';
import { ProtocolLineParser } from '../../../demos/kd/pamap2/parse';
import type { SubjectSeries } from '../../../demos/kd/pamap2/series';
import { sha256Hex } from '../../../demos/kd/pamap2/shards';

export type Progress = (file: string, done: number, total: number) => void;

const SUBJECT_RE = /subject(10[1-9])(\.[\w-]+)?\.dat$/i;

export function subjectFromName(name: string): number | null {
  const m = SUBJECT_RE.exec(name);
  return m ? Number(m[1]) : null;
}

async function readDat(file: File, progress: Progress): Promise<SubjectSeries> {
  const subject = subjectFromName(file.name);
  if (subject === null) throw new Error(`${file.name}: 파일 이름에서 피험자 번호를 알 수 없습니다 (subject101.dat … subject109.dat 형식이어야 합니다)`);
  return preprocessSubjectStream(subject, file.stream(), { file: file.name, onProgress: (b) => progress(file.name, b, file.size) });
}

async function readZip(file: File, progress: Progress): Promise<SubjectSeries[]> {
  const out: SubjectSeries[] = [];
  const pending: Promise<void>[] = [];
  let failure: unknown = null;
  const unzip = new Unzip((entry) => {
    const subject = subjectFromName(entry.name);
    if (subject === null || !/(^|\/)Protocol\//.test(entry.name)) return; // skip Optional/, docs
    const pre = new SubjectPreprocessor(subject);
    const parser = new ProtocolLineParser({ file: `${file.name}/${entry.name}`, onRow: (row) => pre.push(row) });
    const decoder = new TextDecoder();
    pending.push(new Promise<void>((resolve) => {
      entry.ondata = (err, chunk, final) => {
        if (failure) return;
        try {
          if (err) throw err;
          parser.push(decoder.decode(chunk, { stream: !final }));
          if (final) { parser.end(); out.push(pre.finish()); resolve(); }
        } catch (e) { failure = e; resolve(); }
      };
    }));
    entry.start();
  });
  unzip.register(UnzipInflate);
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    const r = await reader.read();
    if (failure) break;
    if (r.done) { unzip.push(new Uint8Array(0), true); break; }
    done += r.value.byteLength;
    unzip.push(r.value, false);
    progress(file.name, done, file.size);
  }
  await Promise.all(pending);
  if (failure) throw failure;
  if (out.length === 0) throw new Error(`${file.name}: zip 안에 Protocol/subject10N.dat 파일이 없습니다`);
  return out;
}

/** All subjects in the given files, sorted; the same subject twice is an error. */
export async function readFiles(files: readonly File[], progress: Progress): Promise<SubjectSeries[]> {
  const all: SubjectSeries[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) all.push(...await readZip(f, progress));
    else all.push(await readDat(f, progress));
  }
  const seen = new Set<number>();
  for (const s of all) {
    if (seen.has(s.subject)) throw new Error(`피험자 ${s.subject}의 파일이 두 번 들어왔습니다`);
    seen.add(s.subject);
  }
  return all.sort((a, b) => a.subject - b.subject);
}

/** Identity of the reader's files for cache keys and artifacts: SHA-256 of their bytes (big files: name, size, first and last MiB). */
export async function hashFiles(files: readonly File[]): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    // Big files: hash name + size + first/last MiB (cheap identity, not a full checksum).
    const bytes = f.size <= 32 * 2 ** 20 ? new Uint8Array(await f.arrayBuffer())
      : new Uint8Array(await new Blob([f.name, String(f.size), f.slice(0, 2 ** 20), f.slice(-(2 ** 20))]).arrayBuffer());
    parts.push(bytes);
  }
  const total = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { total.set(p, o); o += p.length; }
  return sha256Hex(total);
}
