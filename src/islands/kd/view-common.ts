/** Small helpers shared by the KD views (pure). */

/** Finds an element of the island by its data-role (throws if the markup lacks it). */
export function byRole<T extends Element>(root: ParentNode, role: string): T {
  const el = root.querySelector<T>(`[data-role="${role}"]`);
  if (!el) throw new Error(`kd-run: missing [data-role=${role}]`);
  return el;
}

/** Theme-independent series colours (the legend's keys use the same). */
export const COLOURS = { gaf: '#ae3ec9', sig: '#1098ad', t1: 0.95, tT: 0.4 } as const;
