/**
 * The story's computed sentence: whether the distilled student beats the student alone and the
 * label-smoothing control on macro-F1 by more than the seed spread (./verdict.ts). Pure: the
 * verdicts pick the clauses, the numbers fill them; the Korean words come from the island's
 * strings.ts (passed in as `SentenceWords`), so this file holds no reader-facing text.
 */
import type { Comparison, Verdict } from './verdict';

interface ClauseArgs {
  /** The other student's name, e.g. "혼자 배운 학생". */
  other: string;
  /** kd − other in points, signed, one decimal ("+22.8"), and its 95 % interval. */
  diff: string;
  lo: string;
  hi: string;
  wins: number;
  n: number;
}
export interface SentenceWords {
  /** Opens the first clause (vs the student alone) and the second (vs the control). */
  lead: string;
  lead2: string;
  alone: string;
  ls: string;
  clause: Record<Verdict, (a: ClauseArgs) => string>;
  /** Conclusion keyed by `${vsAlone}-${vsLs}` collapsed: see conclusionKey. */
  conclusion: Record<ConclusionKey, string>;
}
export type ConclusionKey = 'beats-both' | 'only-soft-targets' | 'no-help' | 'hurts';

/** Which conclusion the two verdicts support. */
export function conclusionKey(vsAlone: Verdict, vsLs: Verdict): ConclusionKey {
  if (vsAlone === 'worse') return 'hurts';
  if (vsAlone === 'unclear') return 'no-help';
  return vsLs === 'better' ? 'beats-both' : 'only-soft-targets';
}

/** Points with a sign and one decimal: 0.228 -> "+22.8". */
export function signedPoints(v: number): string {
  const p = Math.round(v * 1000) / 10;
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(1)}`;
}

export function storySentence(c: { vsAlone: Comparison; vsLs: Comparison }, w: SentenceWords): string {
  const clause = (other: string, x: Comparison): string =>
    w.clause[x.verdict]({
      other,
      diff: signedPoints(x.diff.mean),
      lo: signedPoints(x.diff.lo),
      hi: signedPoints(x.diff.hi),
      wins: x.wins,
      n: x.diff.n,
    });
  return `${w.lead} ${clause(w.alone, c.vsAlone)}. ${w.lead2} ${clause(w.ls, c.vsLs)}. ${w.conclusion[conclusionKey(c.vsAlone.verdict, c.vsLs.verdict)]}`;
}
