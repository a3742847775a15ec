/**
 * Live loss / accuracy curves, one small SVG panel per phase. Data: per-step training loss
 * (appended as the worker reports it) and per-epoch held-out accuracy.
 * `frameCurves` builds the static parts once per phase (axes, ticks, title); `updateCurves`
 * only rewrites two `points` attributes, one label and the epoch dots, so a live update
 * costs the main thread almost no style/layout work.
 */
import { svgEl, scale, fixedOrDash } from './svg';

export interface CurveData {
  losses: { x: number; loss: number }[];
  acc: { epoch: number; testAcc: number }[];
  epochs: number;
}

const W = 300,
  H = 150,
  L = 34,
  R = 34,
  T = 18,
  B = 22;

export function frameCurves(svg: SVGSVGElement, title: string, epochs: number): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.dataset['epochs'] = String(epochs);
  svg.append(svgEl('text', { x: L, y: 12, class: 'kd-curve-title' }, title));
  const x = scale(0, Math.max(epochs, 1), L, W - R);
  svg.append(svgEl('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('line', { x1: W - R, y1: T, x2: W - R, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('text', { x: L - 4, y: T + 4, 'text-anchor': 'end', class: 'kd-tick kd-loss-c kd-max-loss' }, ''));
  svg.append(svgEl('text', { x: L - 4, y: H - B, 'text-anchor': 'end', class: 'kd-tick kd-loss-c' }, '0'));
  svg.append(svgEl('text', { x: W - R + 4, y: T + 4, class: 'kd-tick kd-acc-c' }, '100%'));
  svg.append(svgEl('text', { x: W - R + 4, y: H - B, class: 'kd-tick kd-acc-c' }, '0%'));
  const step = Math.max(1, Math.ceil(epochs / 10));
  for (let e = 0; e <= epochs; e += step)
    svg.append(svgEl('text', { x: x(e), y: H - 6, 'text-anchor': 'middle', class: 'kd-tick' }, String(e)));
  svg.append(svgEl('polyline', { points: '', class: 'kd-loss', 'data-testid': 'kd-loss-line' }));
  svg.append(svgEl('polyline', { points: '', class: 'kd-acc' }));
  svg.append(svgEl('g', { class: 'kd-dots' }));
}

export function updateCurves(svg: SVGSVGElement, d: CurveData): void {
  const epochs = Number(svg.dataset['epochs'] ?? d.epochs);
  const x = scale(0, Math.max(epochs, 1), L, W - R);
  const maxLoss = Math.max(1e-6, ...d.losses.map((p) => p.loss));
  const yl = scale(0, maxLoss, H - B, T);
  const ya = scale(0, 100, H - B, T);
  svg.querySelector('.kd-max-loss')!.textContent = d.losses.length > 0 ? fixedOrDash(maxLoss, 2) : '';
  svg
    .querySelector('polyline.kd-loss')!
    .setAttribute('points', d.losses.map((p) => `${x(p.x).toFixed(1)},${yl(p.loss).toFixed(1)}`).join(' '));
  svg
    .querySelector('polyline.kd-acc')!
    .setAttribute('points', d.acc.map((p) => `${x(p.epoch).toFixed(1)},${ya(p.testAcc).toFixed(1)}`).join(' '));
  const dots = svg.querySelector('g.kd-dots')!;
  for (let i = dots.childElementCount; i < d.acc.length; i++) {
    const p = d.acc[i]!;
    dots.append(svgEl('circle', { cx: x(p.epoch), cy: ya(p.testAcc), r: 2.5, class: 'kd-acc-dot', 'data-acc': p.testAcc }));
  }
}
