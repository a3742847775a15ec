/**
 * The patch grid of the ViT demo: which patch stays selected when p changes, and keyboard moves.
 * Pure; patches are numbered row by row, 0 .. g² − 1, on the g × g grid (g = S / p).
 */
import { IMAGE_SIZE } from '@demos/vit/config';

/** The patch under the same image spot after p changes (its centre, clamped). */
export function keepSpot(sel: number, oldP: number, newP: number): number {
  const oldG = IMAGE_SIZE / oldP,
    g = IMAGE_SIZE / newP;
  const row = Math.floor(sel / oldG),
    col = sel % oldG;
  const at = (k: number): number => Math.min(g - 1, Math.floor((k * oldP + oldP / 2) / newP));
  return at(row) * g + at(col);
}

/** Keyboard navigation on the g × g grid; null for keys it does not handle. */
export function moveSelection(sel: number, g: number, key: string): number | null {
  const row = Math.floor(sel / g),
    col = sel % g;
  const move: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  const d = move[key];
  if (d) return Math.max(0, Math.min(g - 1, row + d[0])) * g + Math.max(0, Math.min(g - 1, col + d[1]));
  if (key === 'Home') return 0;
  if (key === 'End') return g * g - 1;
  return null;
}
