/**
 * Canvas drawing for the ViT island: the image, its patch grid, one patch zoomed, colour
 * strips of vectors and the position-similarity map. Pure drawing: data in, pixels out.
 */
import { IMAGE_SIZE } from '@demos/vit/config';

const SVG_NS = 'http://www.w3.org/2000/svg';

function ctx2d(c: HTMLCanvasElement): CanvasRenderingContext2D {
  const x = c.getContext('2d');
  if (!x) throw new Error('2D canvas unavailable');
  return x;
}

/** (S, S, 3) in [0, 1] -> the canvas (S×S). */
export function drawRgb(canvas: HTMLCanvasElement, rgb: Float32Array, w: number, h: number): void {
  canvas.width = w;
  canvas.height = h;
  const img = new ImageData(w, h);
  for (let i = 0; i < w * h; i++) {
    img.data[i * 4] = rgb[i * 3]! * 255;
    img.data[i * 4 + 1] = rgb[i * 3 + 1]! * 255;
    img.data[i * 4 + 2] = rgb[i * 3 + 2]! * 255;
    img.data[i * 4 + 3] = 255;
  }
  ctx2d(canvas).putImageData(img, 0, 0);
}

/** Grid lines every p pixels and the highlighted patch, in image coordinates (viewBox S×S). */
export function drawGrid(svg: SVGSVGElement, p: number, row: number, col: number): void {
  const s = IMAGE_SIZE;
  let d = '';
  for (let k = p; k < s; k += p) d += `M${k} 0V${s}M0 ${k}H${s}`;
  const lines = document.createElementNS(SVG_NS, 'path');
  lines.setAttribute('d', d);
  lines.setAttribute('class', 'vit-grid-lines');
  const hi = document.createElementNS(SVG_NS, 'rect');
  hi.setAttribute('x', String(col * p));
  hi.setAttribute('y', String(row * p));
  hi.setAttribute('width', String(p));
  hi.setAttribute('height', String(p));
  hi.setAttribute('class', 'vit-grid-focus');
  svg.replaceChildren(lines, hi);
}

/** One flattened patch (p·p·3 values in (p1, p2, c) order) zoomed as pixels. */
export function drawPatch(canvas: HTMLCanvasElement, patch: Float32Array, p: number): void {
  drawRgb(canvas, patch, p, p);
}

/** Each value in its own channel's colour (R, G, B, R, G, B, …), so the interleave is visible. */
export function drawChannelStrip(canvas: HTMLCanvasElement, v: Float32Array): void {
  canvas.width = v.length;
  canvas.height = 1;
  const img = new ImageData(v.length, 1);
  for (let i = 0; i < v.length; i++) {
    img.data[i * 4 + (i % 3)] = v[i]! * 255;
    img.data[i * 4 + 3] = 255;
  }
  ctx2d(canvas).putImageData(img, 0, 0);
}

/** Diverging blue–white–red for v in [−1, 1]. */
function diverging(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, v));
  return t >= 0 ? [255, 255 * (1 - t), 255 * (1 - t)] : [255 * (1 + t), 255 * (1 + t), 255];
}

/** A D-vector as a 1-pixel-high strip, values divided by `scale` (the largest |value| of its set). */
export function drawValueStrip(canvas: HTMLCanvasElement, v: Float32Array, scale: number): void {
  canvas.width = v.length;
  canvas.height = 1;
  const img = new ImageData(v.length, 1);
  for (let i = 0; i < v.length; i++) {
    const [r, g, b] = diverging(v[i]! / (scale || 1));
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  ctx2d(canvas).putImageData(img, 0, 0);
}

/** Viridis, 5 stops (t in [0, 1]), for maps whose range is not symmetric. */
const VIRIDIS: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
export function viridis(t: number): [number, number, number] {
  const x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x)),
    f = x - i;
  const a = VIRIDIS[i]!,
    b = VIRIDIS[i + 1]!;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/**
 * One similarity row (P values: position n against every position) as a g×g map, cell n outlined. The colour range
 * is the row's min..max over the *other* positions (self-similarity is always 1 and would
 * flatten everything else), as the ViT paper's figure 7 shows each map on its own scale.
 */
export function drawSimilarity(canvas: HTMLCanvasElement, row: Float32Array, g: number, n: number): { min: number; max: number } {
  const cell = Math.max(4, Math.floor(224 / g));
  canvas.width = g * cell;
  canvas.height = g * cell;
  const c = ctx2d(canvas);
  const P = g * g;
  let min = Infinity,
    max = -Infinity;
  for (let k = 0; k < P; k++)
    if (k !== n) {
      min = Math.min(min, row[k]!);
      max = Math.max(max, row[k]!);
    }
  if (!(max > min)) {
    min = -1;
    max = 1;
  }
  for (let k = 0; k < P; k++) {
    const [r, gr, b] = viridis((row[k]! - min) / (max - min));
    c.fillStyle = `rgb(${r | 0},${gr | 0},${b | 0})`;
    c.fillRect((k % g) * cell, Math.floor(k / g) * cell, cell, cell);
  }
  c.strokeStyle = '#ff2d2d';
  c.lineWidth = Math.max(2, cell / 5);
  c.strokeRect((n % g) * cell + c.lineWidth / 2, Math.floor(n / g) * cell + c.lineWidth / 2, cell - c.lineWidth, cell - c.lineWidth);
  return { min, max };
}
