/**
 * The metric half of bench:kd-run: for one finished run (the four phases' results and the
 * split's labels), the table a reader sees — accuracy, macro-F1, balanced accuracy and the
 * share of the most-predicted class per model, with the majority-class baseline and chance
 * — and the α comparison (agreement / KL of the KD student with each teacher). Printing only.
 */
import { ACTIVITIES } from '../demos/kd/run/activities';
import { chanceLevel, countsOf, majorityBaseline, metricsOf, type ClassMetrics } from '../demos/kd/run/metrics';
import type { AlphaPoint } from '../demos/kd/run/session';
import type { PhaseResult } from '../demos/kd/run/protocol';
import { PHASE_LABELS } from '../demos/kd/run/labels';

const f = (x: number | null, d = 1): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));
const row = (name: string, m: ClassMetrics): string =>
  `| ${name} | ${f(m.accuracy)} | ${f(m.macroF1)} | ${f(m.balancedAccuracy)} | ${f(m.topShare)} (${ACTIVITIES[m.topClass]?.en ?? m.topClass}) | ${m.predictedClasses} |`;

/** Prints the metric table; returns the problems (a model at or below chance, or predicting one class). */
export function printMetrics(results: readonly PhaseResult[], trainY: ArrayLike<number>, testY: ArrayLike<number>): string[] {
  const testCounts = countsOf(testY);
  const classes = testCounts.filter((n) => n > 0).length;
  const chance = chanceLevel(classes);
  console.log(
    `\n| model (last epoch, ${testY.length} test windows) | accuracy % | macro-F1 % | balanced acc. % | most-predicted class share % | classes predicted |`,
  );
  console.log('|---|---:|---:|---:|---|---:|');
  const problems: string[] = [];
  for (const r of results) {
    const m = metricsOf(r.confusion);
    console.log(row(PHASE_LABELS[r.phase], m));
    if (m.accuracy <= chance) problems.push(`${r.phase}: accuracy ${f(m.accuracy)} % ≤ chance ${f(chance)} %`);
    if (m.predictedClasses <= 1) problems.push(`${r.phase}: predicts a single class`);
  }
  const base = majorityBaseline(countsOf(trainY), testCounts);
  console.log(row(`baseline: always "${ACTIVITIES[base.cls]?.en}" (train majority)`, base));
  console.log(`chance (uniform guess over the ${classes} test classes): ${f(chance)} %`);
  return problems;
}

export function printAlphas(points: readonly AlphaPoint[], T: number): void {
  const d = points[0]?.fit.disagree ?? 0;
  console.log(
    `\nα comparison (KD student re-trained per α, teachers cached; on the test windows; KL at T = ${T}; teachers disagree on ${d} windows):`,
  );
  console.log(
    '| α | accuracy % | macro-F1 % | agree GAF % | agree signal % | KL(GAF‖S) | KL(signal‖S) | sides with GAF % | sides with signal % (on the disagreements) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of points) {
    const m = metricsOf(p.confusion);
    console.log(
      `| ${p.alpha} | ${f(m.accuracy)} | ${f(m.macroF1)} | ${f(p.fit.agreeGaf)} | ${f(p.fit.agreeSig)} | ${f(p.fit.klGaf, 3)} | ${f(p.fit.klSig, 3)} | ${f(p.fit.followGaf)} | ${f(p.fit.followSig)} |`,
    );
  }
}
