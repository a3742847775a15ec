/** Small helpers shared by the KD views (pure). */
import { NUM_CLASSES } from '../../../demos/kd/run/activities';

/** Per-class counts of class ids 0..11. */
export function countsOf(labels: readonly number[]): number[] {
  const c = new Array<number>(NUM_CLASSES).fill(0);
  for (const y of labels) c[y] = (c[y] ?? 0) + 1;
  return c;
}

/** Finds an element of the island by its data-role (throws if the markup lacks it). */
export function byRole<T extends Element>(root: ParentNode, role: string): T {
  const el = root.querySelector<T>(`[data-role="${role}"]`);
  if (!el) throw new Error(`kd-run: missing [data-role=${role}]`);
  return el;
}

/** Theme-independent series colours (the legend's keys use the same). */
export const COLOURS = { gaf: '#ae3ec9', sig: '#1098ad', t1: 0.95, tT: 0.4 } as const;
