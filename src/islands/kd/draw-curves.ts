/**
 * Live loss / accuracy curves, one small panel per phase. Data: per-step training loss
 * (appended as the worker reports it) and per-epoch held-out accuracy. Redrawn whole on
 * each update; a panel has at most a few hundred points, so this stays well under 1 ms.
 */
import { svgEl, scale, fmt } from './svg';

export interface CurveData { losses: { x: number; loss: number }[]; acc: { epoch: number; testAcc: number }[]; epochs: number }

const W = 300, H = 150, L = 34, R = 34, T = 18, B = 22;

export function drawCurves(svg: SVGSVGElement, title: string, d: CurveData): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.append(svgEl('text', { x: L, y: 12, class: 'kd-curve-title' }, title));
  const xEnd = Math.max(d.epochs, 1);
  const x = scale(0, xEnd, L, W - R);
  const maxLoss = Math.max(1e-6, ...d.losses.map((p) => p.loss));
  const yl = scale(0, maxLoss, H - B, T);
  const ya = scale(0, 100, H - B, T);
  svg.append(svgEl('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('line', { x1: W - R, y1: T, x2: W - R, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('text', { x: L - 4, y: T + 4, 'text-anchor': 'end', class: 'kd-tick kd-loss-c' }, fmt(maxLoss, 2)));
  svg.append(svgEl('text', { x: L - 4, y: H - B, 'text-anchor': 'end', class: 'kd-tick kd-loss-c' }, '0'));
  svg.append(svgEl('text', { x: W - R + 4, y: T + 4, class: 'kd-tick kd-acc-c' }, '100%'));
  svg.append(svgEl('text', { x: W - R + 4, y: H - B, class: 'kd-tick kd-acc-c' }, '0%'));
  for (let e = 0; e <= xEnd; e++) svg.append(svgEl('text', { x: x(e), y: H - 6, 'text-anchor': 'middle', class: 'kd-tick' }, String(e)));
  if (d.losses.length > 0) {
    svg.append(svgEl('polyline', { points: d.losses.map((p) => `${x(p.x).toFixed(1)},${yl(p.loss).toFixed(1)}`).join(' '), class: 'kd-loss', 'data-testid': 'kd-loss-line' }));
  }
  if (d.acc.length > 0) {
    svg.append(svgEl('polyline', { points: d.acc.map((p) => `${x(p.epoch)},${ya(p.testAcc).toFixed(1)}`).join(' '), class: 'kd-acc' }));
    for (const p of d.acc) svg.append(svgEl('circle', { cx: x(p.epoch), cy: ya(p.testAcc), r: 2.5, class: 'kd-acc-dot', 'data-acc': p.testAcc }));
  }
}
