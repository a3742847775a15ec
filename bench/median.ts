/** Median of a list of timings (NaN for none); the benches report medians, not means. */
export function median(a: readonly number[]): number {
  const s = [...a].sort((x, y) => x - y),
    n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
