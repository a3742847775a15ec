/**
 * SVG views of attention weights: a heatmap per head/layer (rows = queries, columns = keys,
 * values in each cell's <title> and reported on hover) and BertViz-style lines from a
 * query token to the keys it attends to (opacity and width = weight, one colour per head).
 * Drawing only: the numbers come in as typed arrays.
 */
import { s, fmt } from './dom';
import { ATTN_TEXT } from './strings';

const HEAD_COLORS = ['#3b5bdb', '#e8590c', '#2f9e44', '#ae3ec9'] as const;
export const headColor = (h: number): string => HEAD_COLORS[h % HEAD_COLORS.length]!;

export interface HeatmapOpts {
  title: string;
  /** (T, T) row-major weights of one head. */
  weights: Float32Array;
  /** (T, T) 0/1, or null when nothing is masked. */
  mask: Float32Array | null;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  selectedRow: number;
  color: string;
  onHover: (i: number, j: number) => void;
  onSelectRow: (i: number, j: number) => void;
}
const short = (t: string, n = 6): string => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

let uid = 0;

export function renderHeatmap(o: HeatmapOpts): SVGSVGElement {
  const hatchId = `attn-hatch-${++uid}`;
  const t = o.rowLabels.length;
  const cell = Math.max(4, Math.min(26, Math.floor(260 / t)));
  const showLabels = t <= 20;
  const pad = showLabels ? 56 : 4;
  const size = pad + cell * t + 2;
  const svg = s('svg', {
    viewBox: `0 0 ${size} ${size}`,
    width: size,
    height: size,
    class: 'attn-heatmap',
    role: 'img',
    'aria-label': o.title,
  });
  const title = s('title');
  title.textContent = o.title;
  svg.append(title);
  if (showLabels) {
    for (let i = 0; i < t; i++) {
      const rl = s('text', {
        x: pad - 4,
        y: pad + i * cell + cell / 2,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        class: i === o.selectedRow ? 'sel' : '',
      });
      rl.textContent = short(o.rowLabels[i]!);
      const cl = s('text', {
        x: 0,
        y: 0,
        transform: `translate(${pad + i * cell + cell / 2},${pad - 4}) rotate(-60)`,
        'text-anchor': 'start',
      });
      cl.textContent = short(o.colLabels[i]!);
      svg.append(rl, cl);
    }
  }
  // The page's background under the cells (CSS: .attn-cells-bg), so a weight's opacity reads
  // as "more colour" in both themes; a white square stayed glaring in dark mode.
  svg.append(s('rect', { x: pad, y: pad, width: cell * t, height: cell * t, class: 'attn-cells-bg' }));
  // Colour = weight / the map's largest weight, so long inputs (weights ~1/T) stay visible.
  let top = 0;
  for (const w of o.weights) top = Math.max(top, w);
  const norm = top > 0 ? 1 / top : 1;
  // Per-cell <title> only for short inputs: 64×64×H titles make redraws slow, and the
  // hover readout and the data table carry the same numbers.
  const titles = t <= 24;
  for (let i = 0; i < t; i++)
    for (let j = 0; j < t; j++) {
      const w = o.weights[i * t + j]!;
      const masked = o.mask !== null && o.mask[i * t + j] === 0;
      const r = s('rect', {
        x: pad + j * cell,
        y: pad + i * cell,
        width: cell,
        height: cell,
        fill: masked ? `url(#${hatchId})` : o.color,
        'fill-opacity': masked ? 1 : Math.max(0.02, w * norm).toFixed(3),
        'data-i': i,
        'data-j': j,
      });
      if (titles) {
        const tt = s('title');
        tt.textContent = `${o.rowLabels[i]} → ${o.colLabels[j]}: ${masked ? ATTN_TEXT.step.masked : fmt(w, 4)}`;
        r.append(tt);
      }
      svg.append(r);
    }
  const hatch = s('pattern', { id: hatchId, width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(
    s('rect', { width: 4, height: 4, fill: '#8883' }),
    s('line', { x1: 0, y1: 0, x2: 0, y2: 4, stroke: '#8888', 'stroke-width': 1.5 }),
  );
  const defs = s('defs');
  defs.append(hatch);
  svg.prepend(defs);
  if (o.selectedRow >= 0 && o.selectedRow < t)
    svg.append(
      s('rect', {
        x: pad - 1,
        y: pad + o.selectedRow * cell - 1,
        width: cell * t + 2,
        height: cell + 2,
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': 1.5,
        class: 'attn-row-outline',
      }),
    );
  const cellOf = (e: Event): [number, number] | null => {
    const el = e.target;
    if (!(el instanceof SVGRectElement) || el.dataset['i'] === undefined) return null;
    return [Number(el.dataset['i']), Number(el.dataset['j'])];
  };
  svg.addEventListener('mouseover', (e) => {
    const c = cellOf(e);
    if (c) o.onHover(c[0], c[1]);
  });
  svg.addEventListener('click', (e) => {
    const c = cellOf(e);
    if (c) o.onSelectRow(c[0], c[1]);
  });
  return svg;
}

export interface LinesOpts {
  tokens: readonly string[];
  /** Per head (T, T) row-major weights. */
  heads: readonly Float32Array[];
  query: number;
  onHoverQuery: (i: number) => void;
}

/** Two columns of tokens; lines from query `query` (left) to every key (right). */
export function renderLines(o: LinesOpts): SVGSVGElement {
  const t = o.tokens.length;
  const row = Math.max(14, Math.min(20, Math.floor(520 / t)));
  const font = Math.max(11, Math.min(13, row - 3)); // ≥ 11 px: readable on a phone
  const w = 300,
    colX = 100,
    colX2 = 200,
    top = 6;
  const svg = s('svg', {
    viewBox: `0 0 ${w} ${top * 2 + row * t}`,
    width: w,
    height: top * 2 + row * t,
    class: 'attn-lines',
    role: 'img',
    'aria-label': ATTN_TEXT.linesLabel(o.tokens[o.query] ?? ''),
  });
  for (let hIdx = 0; hIdx < o.heads.length; hIdx++) {
    const wts = o.heads[hIdx]!;
    for (let j = 0; j < t; j++) {
      const a = wts[o.query * t + j]!;
      if (!(a > 0.01)) continue;
      svg.append(
        s('line', {
          x1: colX + 4,
          y1: top + o.query * row + row / 2,
          x2: colX2 - 4,
          y2: top + j * row + row / 2,
          stroke: headColor(hIdx),
          'stroke-opacity': Math.min(1, a * 1.2).toFixed(3),
          'stroke-width': (0.5 + 4 * a).toFixed(2),
        }),
      );
    }
  }
  for (let i = 0; i < t; i++) {
    const l = s('text', {
      x: colX - 4,
      y: top + i * row + row / 2,
      'text-anchor': 'end',
      'dominant-baseline': 'middle',
      'font-size': font,
      class: i === o.query ? 'sel q' : 'q',
      'data-i': i,
    });
    l.textContent = short(o.tokens[i]!, 12);
    const r = s('text', { x: colX2 + 4, y: top + i * row + row / 2, 'dominant-baseline': 'middle', 'font-size': font });
    r.textContent = short(o.tokens[i]!, 12);
    svg.append(l, r);
  }
  svg.addEventListener('mouseover', (e) => {
    const el = e.target;
    if (el instanceof SVGTextElement && el.dataset['i'] !== undefined) o.onHoverQuery(Number(el.dataset['i']));
  });
  return svg;
}
