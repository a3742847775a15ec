/**
 * What is wrong with a PAMAP2 input, as data: the island words it in the reader's language
 * (src/islands/kd/strings.ts); the English message stays for the command line and logs.
 */
export type Pamap2Problem =
  | { code: 'long-line' }
  | { code: 'empty' }
  | { code: 'not-protocol'; found: string }
  | { code: 'truncated-line'; got: number; want: number }
  | { code: 'column-count'; got: number; want: number }
  | { code: 'not-number'; column: number; token: string }
  | { code: 'not-finite'; column: number; token: string }
  | { code: 'nan-timestamp' }
  | { code: 'unknown-activity'; id: string }
  | { code: 'other' };

/** A PAMAP2 input problem, always naming the file and (where there is one) the 1-based line. */
export class Pamap2FormatError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly problem: Pamap2Problem;
  constructor(file: string, line: number | null, message: string, problem: Pamap2Problem = { code: 'other' }) {
    super(line === null ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'Pamap2FormatError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
