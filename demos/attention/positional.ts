/**
 * Sinusoidal positional encoding (Vaswani et al. 2017):
 *   PE[pos, 2i] = sin(pos / 10000^(2i/D)),  PE[pos, 2i+1] = cos(pos / 10000^(2i/D)).
 * Returns (T, D) row-major. Every row has the same norm (√(D/2)), so position changes the
 * direction of a token vector, not its length.
 */
export function sinusoidalPE(t: number, d: number): Float32Array {
  const pe = new Float32Array(t * d);
  for (let pos = 0; pos < t; pos++)
    for (let i = 0; i < d; i += 2) {
      const angle = pos / 10000 ** (i / d);
      pe[pos * d + i] = Math.sin(angle);
      if (i + 1 < d) pe[pos * d + i + 1] = Math.cos(angle);
    }
  return pe;
}
