/**
 * What the student takes from each teacher: per epoch, the KD student's top-1 agreement and
 * KL with the GAF and the signal teacher on the test windows (dashed: the CE-only student's
 * final values, computed from the logits), and the α comparison (agreement per α, a table of
 * every number and a sentence that says what moved).
 */
import { NUM_CLASSES } from '@demos/kd/run/activities';
import { disagreeing, meanKl, topAgreement } from '@demos/kd/run/agreement';
import { metricsOf } from '@demos/kd/run/metrics';
import type { KdState } from './state';
import { drawLines, type Series } from './draw-lines';
import { COLOURS } from './view-common';
import { fixedOrDash } from './svg';
import { S } from './strings';

const K = NUM_CLASSES;
const flat = (y: number, xMax: number, name: string, colour: string): Series => ({
  name,
  colour,
  dashed: true,
  points: [
    { x: 1, y },
    { x: xMax, y },
  ],
});

export function renderFit(agree: SVGSVGElement, kl: SVGSVGElement, s: KdState): void {
  const fit = s.curves['student-kd']?.fit ?? [];
  const T = s.config?.temperature ?? 4;
  const epochs = Math.max(1, s.config?.epochs ?? 1);
  const ticks = Array.from({ length: epochs }, (_, i) => i + 1).filter((e) => epochs <= 10 || e % Math.ceil(epochs / 5) === 0);
  const ce = s.results['student-ce'],
    g = s.results['teacher-gaf'],
    q = s.results['teacher-signal'];
  const ref =
    ce && g && q
      ? {
          ag: topAgreement(ce.testLogits, g.testLogits, K),
          as: topAgreement(ce.testLogits, q.testLogits, K),
          kg: meanKl(g.testLogits, ce.testLogits, K, T),
          ks: meanKl(q.testLogits, ce.testLogits, K, T),
        }
      : null;
  const line = (name: string, colour: string, pick: (f: (typeof fit)[number]) => number): Series => ({
    name,
    colour,
    points: fit.map((f) => ({ x: f.epoch, y: pick(f) })),
  });
  drawLines(agree, {
    title: S.fitAxis.agree,
    xLabel: S.epochAxis,
    xTicks: ticks,
    xMin: 1,
    xMax: Math.max(2, epochs),
    yMax: 100,
    yDigits: 0,
    empty: S.fitEmpty,
    series: [
      line('gaf', COLOURS.gaf, (f) => f.agreeGaf),
      line('sig', COLOURS.sig, (f) => f.agreeSig),
      ...(ref && fit.length > 0 ? [flat(ref.ag, epochs, 'ce-gaf', COLOURS.gaf), flat(ref.as, epochs, 'ce-sig', COLOURS.sig)] : []),
    ],
  });
  const klMax = Math.max(0.01, ...fit.flatMap((f) => [f.klGaf, f.klSig]), ...(ref ? [ref.kg, ref.ks] : []));
  drawLines(kl, {
    title: S.fitAxis.kl(T),
    xLabel: S.epochAxis,
    xTicks: ticks,
    xMin: 1,
    xMax: Math.max(2, epochs),
    yMax: klMax * 1.1,
    yDigits: 3,
    empty: S.fitEmpty,
    series: [
      line('gaf', COLOURS.gaf, (f) => f.klGaf),
      line('sig', COLOURS.sig, (f) => f.klSig),
      ...(ref && fit.length > 0 ? [flat(ref.kg, epochs, 'ce-gaf', COLOURS.gaf), flat(ref.ks, epochs, 'ce-sig', COLOURS.sig)] : []),
    ],
  });
  agree.dataset['epochs'] = String(fit.length);
}

export function renderAlpha(chart: SVGSVGElement, table: HTMLTableElement, note: HTMLElement, s: KdState): void {
  const pts = s.alpha.points;
  chart.dataset['points'] = String(pts?.length ?? 0);
  // No box before the comparison has numbers (no empty space reserved for a chart that does not exist yet).
  chart.style.display = pts ? '' : 'none';
  if (!pts) {
    if (s.alpha.at === null) {
      chart.replaceChildren();
      table.replaceChildren();
    }
    return;
  }
  const alphas = pts.map((p) => p.alpha);
  drawLines(chart, {
    title: S.fitAxis.agree,
    xLabel: S.alphaAxis,
    xTicks: alphas,
    xMin: Math.min(...alphas),
    xMax: Math.max(...alphas),
    yMax: 100,
    yDigits: 0,
    series: [
      { name: 'gaf', colour: COLOURS.gaf, points: pts.map((p) => ({ x: p.alpha, y: p.fit.agreeGaf })) },
      { name: 'sig', colour: COLOURS.sig, points: pts.map((p) => ({ x: p.alpha, y: p.fit.agreeSig })) },
    ],
  });
  const head = document.createElement('tr');
  for (const h of S.alphaHead) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const rows = pts.map((p) => {
    const m = metricsOf(p.confusion);
    const tr = document.createElement('tr');
    tr.dataset['alpha'] = String(p.alpha);
    Object.assign(tr.dataset, { agreeGaf: String(p.fit.agreeGaf), agreeSig: String(p.fit.agreeSig) });
    for (const v of [
      String(p.alpha),
      fixedOrDash(m.accuracy),
      fixedOrDash(m.macroF1),
      fixedOrDash(p.fit.agreeGaf),
      fixedOrDash(p.fit.agreeSig),
      fixedOrDash(p.fit.klGaf, 3),
      fixedOrDash(p.fit.klSig, 3),
      S.pct(p.fit.followGaf, 0),
      S.pct(p.fit.followSig, 0),
    ]) {
      const td = document.createElement('td');
      td.className = 'num';
      td.textContent = v;
      tr.append(td);
    }
    return tr;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  table.replaceChildren(thead, tbody);
  const tests = s.fold?.test ?? 0;
  note.textContent = S.alphaNote(pts.map((p) => ({ alpha: p.alpha, ...p.fit, tests })));
}

/** The teachers' agreement with each other per test window (for the window picker). */
export function teachersDisagree(s: KdState): boolean[] {
  const g = s.results['teacher-gaf'],
    q = s.results['teacher-signal'];
  if (!g || !q) return [];
  const split = new Set(disagreeing(g.testLogits, q.testLogits, K));
  return Array.from({ length: g.testLogits.length / K }, (_, i) => split.has(i));
}
