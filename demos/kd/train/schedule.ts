/**
 * kd-protocol §8: step learning-rate schedule "0.05 – 0.0001" scaled to the epoch count E:
 *   e < int(E/18) -> 0.05;  e < int(E/3) -> 0.01;  e < int(2E/3) -> 0.001;  else 0.0001
 * (E = 200 gives the boundaries 11, 66, 133 of §8's table). `base` rescales all four steps
 * proportionally (base 0.05 reproduces the table). Epochs are 0-based.
 */
export function stepLr(epoch: number, epochs: number, base = 0.05): number {
  const f = base / 0.05;
  if (epoch < Math.trunc(epochs / 18)) return 0.05 * f;
  if (epoch < Math.trunc(epochs / 3)) return 0.01 * f;
  if (epoch < Math.trunc((2 * epochs) / 3)) return 0.001 * f;
  return 0.0001 * f;
}
