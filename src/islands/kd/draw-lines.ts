/**
 * A small line chart in SVG (axes, ticks, one polyline + dots per series, optional dashed
 * reference lines), for the teacher-agreement and α views. Redrawn whole: a handful of nodes.
 */
import { svgEl, scale, fixedOrDash } from './svg';

export interface Series {
  name: string;
  colour: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}
export interface LineChart {
  title: string;
  xLabel: string;
  xTicks: number[];
  xMin: number;
  xMax: number;
  yMax: number;
  yDigits: number;
  series: Series[];
  empty?: string;
}

const W = 300,
  H = 160,
  L = 38,
  R = 10,
  T = 20,
  B = 30;

export function drawLines(svg: SVGSVGElement, c: LineChart): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const x = scale(c.xMin, c.xMax, L, W - R);
  const y = scale(0, c.yMax, H - B, T);
  svg.append(svgEl('text', { x: L, y: 12, class: 'kd-curve-title' }, c.title));
  svg.append(svgEl('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'kd-axis' }));
  svg.append(svgEl('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'kd-axis' }));
  for (const v of [0, c.yMax / 2, c.yMax])
    svg.append(svgEl('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'kd-tick' }, fixedOrDash(v, c.yDigits)));
  for (const t of c.xTicks) svg.append(svgEl('text', { x: x(t), y: H - B + 11, 'text-anchor': 'middle', class: 'kd-tick' }, String(t)));
  svg.append(svgEl('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', class: 'kd-tick' }, c.xLabel));
  if (c.series.every((s) => s.points.length === 0) && c.empty) {
    svg.append(svgEl('text', { x: (L + W - R) / 2, y: (T + H - B) / 2, 'text-anchor': 'middle', class: 'kd-tick' }, c.empty));
    return;
  }
  for (const s of c.series) {
    const pts = s.points.filter((p) => Number.isFinite(p.y));
    const attrs = {
      points: pts.map((p) => `${x(p.x).toFixed(1)},${y(Math.min(p.y, c.yMax)).toFixed(1)}`).join(' '),
      class: 'kd-line',
      style: `stroke:${s.colour}`,
      'data-series': s.name,
    };
    svg.append(svgEl('polyline', s.dashed ? { ...attrs, 'stroke-dasharray': '4 3' } : attrs));
    if (!s.dashed)
      for (const p of pts)
        svg.append(
          svgEl('circle', {
            cx: x(p.x),
            cy: y(Math.min(p.y, c.yMax)),
            r: 2.5,
            style: `fill:${s.colour}`,
            class: 'kd-line-dot',
            'data-series': s.name,
            'data-y': p.y,
          }),
        );
  }
}
