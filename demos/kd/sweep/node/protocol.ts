/** Messages between the sweep coordinator and its worker processes (child_process.fork IPC). */
import type { SweepConfig } from '../config';
import type { UnitSpec } from '../plan';

export interface UnitJob {
  type: 'unit';
  unit: UnitSpec;
  /** ids of the unit's runs still to do (finished ones are skipped) */
  todo: string[];
}
export interface WorkerInit {
  type: 'init';
  config: SweepConfig;
  preset: string | undefined;
  out: string;
  codeVersion: string;
}
export type ToWorker = WorkerInit | UnitJob | { type: 'exit' };

export type FromWorker =
  | { type: 'ready'; backend: string; windows: number; subjects: number[]; dataSource: string; sha256: string }
  | { type: 'teachers'; unit: string; cached: boolean; ms: number; gafAcc: number; sigAcc: number }
  | { type: 'epoch'; run: string; epoch: number; epochs: number; testAcc: number }
  | { type: 'run-done'; run: string; ms: number; bestAcc: number }
  | { type: 'unit-done'; unit: string }
  | { type: 'error'; message: string };
