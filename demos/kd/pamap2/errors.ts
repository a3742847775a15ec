/** A PAMAP2 input problem, always naming the file and (where there is one) the 1-based line. */
export class Pamap2FormatError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, problem: string) {
    super(line === null ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'Pamap2FormatError';
    this.file = file;
    this.line = line;
  }
}
