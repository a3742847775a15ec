/**
 * The parts of the KD island's view that show a run's results (view.ts puts them in its table):
 * counters, the table, the curves, the fit, the α comparison, the bars and the confusion matrix.
 */
import { PHASES } from '@demos/kd/experiment/phases';
import { controlsOf } from './island-core';
import { frameCurves, updateCurves } from './draw-curves';
import { drawConfusion } from './draw-confusion';
import { renderTable } from './view-table';
import { renderAlpha, renderFit, teachersDisagree } from './view-fit';
import { fillWindowPicker, renderBars } from './view-bars';
import { S } from './strings';
import type { KdPart } from './view-types';

const camel = (p: string): string => p.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase());

/** One part per phase: its curve panel is framed once per curve; a live update only rewrites two `points` attributes and adds dots. */
const CURVE_PARTS: KdPart[] = PHASES.map((p) => ({
  name: `curve-${p}`,
  deps: (s) => [s.run.curves[p]],
  draw: ({ root }, s) => {
    const curve = s.run.curves[p],
      svg = root.querySelector<SVGSVGElement>(`svg.kd-curve[data-phase="${p}"]`);
    if (!svg) return;
    const key = String(curve?.key ?? 'none');
    if (svg.dataset['key'] !== key) {
      frameCurves(svg, S.phase(p), curve?.epochs ?? 1);
      svg.dataset['key'] = key;
    }
    if (curve) updateCurves(svg, curve);
  },
}));

export const RESULT_PARTS: KdPart[] = [
  {
    name: 'debug',
    deps: (s) => [s.run.debug],
    draw: ({ root }, { run: s }) => {
      if (s.debug) root.dataset['debugSteps'] = JSON.stringify(s.debug);
    },
  },
  {
    name: 'memory',
    deps: (s) => [s.run.memory],
    draw: ({ el }, { run: { memory: m } }) => {
      if (!m) return;
      const out = el<HTMLOutputElement>('tensors'),
        leaked = m.numTensors - m.baseline - m.held;
      out.value = S.memory(m.numTensors, m.held, m.baseline, leaked);
      Object.assign(out.dataset, {
        numTensors: String(m.numTensors),
        held: String(m.held),
        baseline: String(m.baseline),
        leaked: String(leaked),
        when: m.when,
      });
    },
  },
  {
    name: 'counts',
    deps: (s) => [s.run.counts],
    draw: ({ el }, { run: s }) => {
      const out = el('counts');
      out.textContent = S.counts(s.counts);
      for (const p of PHASES) out.dataset[`trained${camel(p)}`] = String(s.counts[p]);
    },
  },
  {
    name: 'legend',
    deps: (s) => [controlsOf(s).split],
    draw: ({ el }, s) => {
      el('legend-acc').textContent = S.legendAcc(controlsOf(s).split);
    },
  },
  {
    name: 'table',
    deps: (s) => [s.run.results, s.run.fold, s.run.running],
    draw: ({ el, onExport }, s) => renderTable(el('table'), el('table-note'), s.run, onExport),
  },
  ...CURVE_PARTS,
  {
    name: 'fit',
    deps: (s) => [s.run.curves['student-kd']?.fit, s.run.results],
    draw: ({ el }, s) => renderFit(el('fit-agree'), el('fit-kl'), s.run),
  },
  {
    name: 'alpha',
    deps: (s) => [s.run.alpha, s.run.fold],
    draw: ({ el }, s) => renderAlpha(el('alpha-chart'), el('alpha-table'), el('alpha-note'), s.run),
  },
  {
    name: 'bars',
    deps: (s) => [s.run.results, s.run.fold, s.url.window],
    draw: ({ el }, { run: s, url }) => {
      const winSel = el<HTMLSelectElement>('window');
      const pick = s.fold && s.results['teacher-gaf'] ? fillWindowPicker(winSel, s.fold.testLabels, teachersDisagree(s), url.window) : -1;
      renderBars(el('bars'), el('bars-caption'), s, pick);
    },
  },
  {
    name: 'cm',
    deps: (s) => [s.run.results[s.url.cm], s.url.cm, s.run.busy === 'none'],
    draw: ({ el }, s) => {
      const cm = s.url.cm,
        r = s.run.results[cm],
        svg = el<SVGSVGElement>('cm');
      // The 144-cell matrix is drawn when nothing trains: rebuilding it is the one DOM-heavy update.
      const caption = S.cmCaption(cm, s.run.fold?.split ?? controlsOf(s).split, s.run.fold?.testSubject ?? null);
      el('cm-caption').textContent = r ? caption : '';
      if (r && s.run.busy === 'none') drawConfusion(svg, r.confusion, caption);
      else if (!r) svg.replaceChildren();
    },
  },
];
