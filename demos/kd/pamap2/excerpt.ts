/**
 * The "excerpt dataset": every real PAMAP2 row available offline (`data/pamap2/`, see SOURCE.md
 * there), regrouped per subject into UCI-format text so the normal pipeline can run on it.
 *
 *   subject 101 = subject101.first10000.dat (100 s of raw 100 Hz rows, activities 0 and 1)
 *                 + the alexchow window of subject 101 (lying, t = 137.5 s)
 *   subjects 102, 103, 105, 107, 108 = their alexchow windows (500 rows = 5 s each, subject
 *                 inferred — see alexchow-windows.index.csv)
 * Subjects 104, 106, 109 do not occur.
 *
 * The alexchow windows are 5-s snippets from different times, so a subject's text is not one
 * contiguous recording. It must be windowed per contiguous segment: `EXCERPT_SEGMENT_GAP_S` splits
 * at timestamp jumps (> 1 s forward or any step back). Each 500-row snippet gives 167 rows at
 * 33.3 Hz and therefore 3 windows (starts 22, 44, 66); subject101.first10000 gives 102 lying
 * windows. That is 138 windows in all, 105 of them class 1 — a smoke-test dataset, not a benchmark.
 */
import { Pamap2FormatError } from './errors.ts';
import { preprocessSubjectText } from './preprocess.ts';
import type { SubjectSeries } from './series.ts';

export const EXCERPT_SEGMENT_GAP_S = 1;
export const EXCERPT_FILES = {
  first10000: 'subject101.first10000.dat',
  protocol33: 'subject101.first10000.protocol-33hz.dat',
  alexchow: 'alexchow-windows.uci54.dat',
  indexCsv: 'alexchow-windows.index.csv',
} as const;

export interface ExcerptTexts {
  first10000: string;
  alexchow: string;
  indexCsv: string;
}

interface Piece {
  t0: number;
  lines: string[];
}

/** subject → UCI Protocol text (time-ordered pieces), ascending by subject. */
export function excerptSubjectTexts(texts: ExcerptTexts): Map<number, string> {
  const pieces = new Map<number, Piece[]>();
  const add = (subject: number, piece: Piece): void => {
    const list = pieces.get(subject) ?? [];
    list.push(piece);
    pieces.set(subject, list);
  };
  const first = splitLines(texts.first10000);
  add(101, { t0: Number(first[0]?.split(' ')[0]), lines: first });

  const rows = splitLines(texts.alexchow);
  const csv = splitLines(texts.indexCsv);
  const header = csv[0]?.split(',') ?? [];
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new Pamap2FormatError(EXCERPT_FILES.indexCsv, 1, `missing column ${name}`);
    return k;
  };
  const [cAct, cSub, cT0, cRows] = [col('activityID'), col('inferred_subject'), col('t_start_s'), col('rows')];
  let at = 0;
  csv.slice(1).forEach((entry, k) => {
    const f = entry.split(',');
    const n = Number(f[cRows]);
    const subject = Number(f[cSub]);
    const part = rows.slice(at, at + n);
    const head = part[0]?.split(' ') ?? [];
    if (part.length !== n || Number(head[1]) !== Number(f[cAct]) || Number(head[0]) !== Number(f[cT0])) {
      throw new Pamap2FormatError(
        EXCERPT_FILES.alexchow,
        at + 1,
        `does not match ${EXCERPT_FILES.indexCsv} line ${k + 2} (activity ${f[cAct]}, t ${f[cT0]})`,
      );
    }
    add(subject, { t0: Number(head[0]), lines: part });
    at += n;
  });
  if (at !== rows.length)
    throw new Pamap2FormatError(EXCERPT_FILES.alexchow, at + 1, `${rows.length - at} rows not listed in ${EXCERPT_FILES.indexCsv}`);

  const out = new Map<number, string>();
  for (const subject of [...pieces.keys()].sort((a, b) => a - b)) {
    const list = (pieces.get(subject) ?? []).sort((a, b) => a.t0 - b.t0);
    out.set(subject, `${list.flatMap((p) => p.lines).join('\n')}\n`);
  }
  return out;
}

/** Preprocessed series of the excerpt subjects (101, 102, 103, 105, 107, 108). */
export function excerptSeries(texts: ExcerptTexts): SubjectSeries[] {
  return [...excerptSubjectTexts(texts)].map(([subject, text]) =>
    preprocessSubjectText(subject, text, { file: `excerpt/subject${subject}.dat`, segmentGapS: EXCERPT_SEGMENT_GAP_S }),
  );
}

function splitLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}
