/**
 * Run problems the reader can meet, as codes: the island words them in the reader's language
 * (src/islands/kd/strings-errors.ts); the English message is for logs and Node tests.
 */
export type KdRunProblem = 'no-checkpoints' | 'no-teachers' | 'no-test-windows' | 'no-windows';

const ENGLISH: Record<KdRunProblem, string> = {
  'no-checkpoints': 'teacher checkpoints not loaded',
  'no-teachers': 'no teachers of this configuration yet: train them with a full run first',
  'no-test-windows': 'split by window: no test windows (no class has 2 or more windows)',
  'no-windows': 'no 100-step windows of a protocol activity (after §1 cleaning and 33.3 Hz downsampling)',
};

export class KdRunError extends Error {
  readonly code: KdRunProblem;
  /** What it concerns (file names), shown as it is. */
  readonly detail: string;
  constructor(code: KdRunProblem, detail = '') {
    super(detail ? `${detail}: ${ENGLISH[code]}` : ENGLISH[code]);
    this.name = 'KdRunError';
    this.code = code;
    this.detail = detail;
  }
}
