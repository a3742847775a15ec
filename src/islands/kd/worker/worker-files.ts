/**
 * Reading the reader's own PAMAP2 copy in the worker: `.dat` Protocol files (subject from
 * the name, subject10N.dat) or a zip — the UCI download as it comes (a zip holding
 * PAMAP2_Dataset.zip), PAMAP2_Dataset.zip, or a zip of the Protocol files — through the zip
 * reader the data command uses (demos/kd/pamap2/zip.ts; Optional/ is skipped, §1 uses Protocol
 * only). Streams with progress; text is never held whole. Errors name the file and line
 * (Pamap2FormatError from the parser) or the path inside the archive (Pamap2ZipError).
 */
import { preprocessSubjectStream, SubjectPreprocessor } from '@demos/kd/pamap2/preprocess';
import { ProtocolLineParser } from '@demos/kd/pamap2/parse';
import type { SubjectSeries } from '@demos/kd/pamap2/series';
import { sha256Hex } from '@demos/kd/pamap2/shards';
import { buildData, type LoadedData } from '@demos/kd/run/data';
import { S } from '../strings';
import { Pamap2ZipError, readProtocolZip, type EntrySink, type ProtocolEntry, type ZipProblem } from '@demos/kd/pamap2/zip';

export type Progress = (file: string, done: number, total: number) => void;

const SUBJECT_RE = /subject(10[1-9])(\.[\w-]+)?\.dat$/i;

export function subjectFromName(name: string): number | null {
  const m = SUBJECT_RE.exec(name);
  return m ? Number(m[1]) : null;
}

async function readDat(file: File, progress: Progress): Promise<SubjectSeries> {
  const subject = subjectFromName(file.name);
  if (subject === null)
    throw new Error(`${file.name}: 파일 이름에서 피험자 번호를 알 수 없습니다 (subject101.dat … subject109.dat 형식이어야 합니다)`);
  return preprocessSubjectStream(subject, file.stream(), { file: file.name, onProgress: (b) => progress(file.name, b, file.size) });
}

/** Korean for the reader; the English original (with the path inside the archive) stays in brackets. */
const ZIP_PROBLEM_KO: Record<ZipProblem, string> = {
  'not-zip': 'zip 파일이 아닙니다',
  corrupt: 'zip 파일이 손상되었습니다',
  truncated: 'zip 파일이 중간에 잘렸습니다 (다운로드가 끊겼나요?)',
  'too-deep': 'zip 안의 zip이 너무 깊습니다 — UCI에서 받은 압축 파일(PAMAP2_Dataset.zip을 담은 zip)이나 PAMAP2_Dataset.zip을 고르세요',
  'no-protocol': 'zip 안에 Protocol/subject10N.dat 파일이 없습니다 — PAMAP2 압축 파일이 아닙니다',
  'too-large': 'PAMAP2 파일로 보기에는 너무 큽니다',
  unsupported: '지원하지 않는 zip 압축 방식입니다 (stored, deflate만 읽습니다)',
  duplicate: '같은 피험자의 Protocol 파일이 zip 안에 두 번 있습니다',
};

export function zipErrorKo(e: Pamap2ZipError): string {
  const detail = e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
  return `${e.path}: ${ZIP_PROBLEM_KO[e.problem]} (${detail})`;
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
    throw e instanceof Pamap2ZipError ? new Error(zipErrorKo(e)) : e;
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
