/** Small helpers shared by the KD views (pure). */

/** Finds an element of the island by its data-role (throws if the markup lacks it). */
export function byRole<T extends Element>(root: ParentNode, role: string): T {
  const el = root.querySelector<T>(`[data-role="${role}"]`);
  if (!el) throw new Error(`kd-run: missing [data-role=${role}]`);
  return el;
}

/**
 * Series colours: CSS variables with a value per theme (kd-run.css), so they are applied through
 * `style` (a presentation attribute would not follow the theme). The legend's keys use the same.
 * t1/tT: fill opacity of the T = 1 bar and of the softened bar (which is also outlined, so it
 * keeps its contrast on either background).
 */
export const COLOURS = { gaf: 'var(--kd-gaf)', sig: 'var(--kd-sig)', ce: 'var(--kd-ce)', kd: 'var(--kd-kd)', t1: 0.95, tT: 0.3 } as const;
