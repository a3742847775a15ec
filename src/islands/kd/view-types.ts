/** The KD view's element lookup and its part type, shared by view.ts and its part tables (no cycle). */
import type { Part } from '@src/lib/create-island';
import type { PhaseResult } from '@demos/kd/run/protocol';
import type { KdIslandState } from './island-core';

export interface KdDom {
  root: HTMLElement;
  el<T extends Element = HTMLElement>(role: string): T;
  /** The table's download buttons call this (an event of the island's). */
  onExport(r: PhaseResult): void;
}
export type KdPart = Part<KdIslandState, KdDom>;
