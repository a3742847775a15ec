/** Small numeric helpers over typed arrays, shared by the demos' cores and views. */

/** Largest |value| (0 for an empty array): a common colour scale, or what a clip would cut. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/** How many times each class id 0..k−1 occurs. */
export function classCounts(labels: ArrayLike<number>, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) c[labels[i]!] = (c[labels[i]!] ?? 0) + 1;
  return c;
}
