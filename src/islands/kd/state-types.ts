/** The KD island's state and the actions its reducer (state.ts) takes. */
import type { RunConfig } from '@demos/kd/run/config';
import type { Phase } from '@demos/kd/experiment/phases';
import type { AlphaPoint, FitReport } from '@demos/kd/run/session';
import type { DataSummary, FoldInfo, FromWorker, PhaseResult, Preview } from '@demos/kd/run/protocol';

type Msg<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
/** `key` changes when a curve starts over (a new phase run, or one taken from the cache): the view re-frames its panel then. */
export interface Curve {
  key: number;
  epochs: number;
  losses: { x: number; loss: number }[];
  acc: { epoch: number; testAcc: number }[];
  fit: FitReport[];
}
type Busy = 'none' | 'data' | 'run' | 'compare';

export interface KdState {
  status: string;
  busy: Busy;
  runtime: Omit<Msg<'runtime'>, 'type'> | null;
  data: DataSummary | null;
  preview: Preview | null;
  dataError: string | null;
  /** Share of the file read, while loading one. */
  progress: number | null;
  fold: FoldInfo | null;
  /** The configuration of the last run started (its results below). */
  config: RunConfig | null;
  results: Partial<Record<Phase, PhaseResult>>;
  curves: Partial<Record<Phase, Curve>>;
  /** Phases training now, in start order (two at once when a second worker trains: lanes.ts). */
  running: readonly Phase[];
  /** How many workers train the run; why only one (null: the badge says, or two). */
  lanes: { workers: number; why: string | null } | null;
  done: boolean;
  error: string | null;
  /** Phases actually trained in the worker session (not from memory, cache or checkpoints). */
  counts: Record<Phase, number>;
  memory: Omit<Msg<'memory'>, 'type'> | null;
  alpha: { config: RunConfig | null; points: AlphaPoint[] | null; at: Omit<Msg<'alpha-progress'>, 'type'> | null };
  /** The full shards' description; null: not in this build; undefined: not known yet. */
  fullData: string | null | undefined;
  debug: Omit<Msg<'debug-steps'>, 'type'> | null;
  /** Source of Curve keys. */
  seq: number;
}

export type Action =
  | FromWorker
  | { type: 'ui-start'; config: RunConfig }
  | { type: 'ui-compare'; config: RunConfig }
  | { type: 'ui-loading'; what: string }
  | { type: 'ui-status'; text: string };
