/** A real window's signal (one channel) and its GASF image, drawn on canvases. */
import type { Preview } from '@demos/kd/run/protocol';

/** Diverging colour for v in [−1, 1]: blue (−1) → white (0) → red (+1). */
function colour(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, v));
  return t < 0 ? [Math.round(255 * (1 + t)), Math.round(255 * (1 + t)), 255] : [255, Math.round(255 * (1 - t)), Math.round(255 * (1 - t))];
}

export function drawGaf(canvas: HTMLCanvasElement, p: Preview): void {
  const n = p.size;
  canvas.width = n;
  canvas.height = n;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = colour(p.gaf[i] ?? 0);
    img.data[4 * i] = r;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = b;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

export function drawSignal(canvas: HTMLCanvasElement, p: Preview): void {
  const w = 400,
    h = 160;
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, w, h);
  const s = p.signal,
    lo = Math.min(...s),
    hi = Math.max(...s),
    span = hi - lo || 1;
  ctx.strokeStyle = '#888';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
  // The theme's accuracy colour (kd-run.css), read now: a canvas cannot take a CSS variable.
  ctx.strokeStyle = getComputedStyle(canvas).getPropertyValue('--kd-acc').trim() || '#1971c2';
  ctx.lineWidth = 2;
  ctx.beginPath();
  s.forEach((v, i) => {
    const x = 4 + (i / Math.max(1, s.length - 1)) * (w - 8),
      y = h - 6 - ((v - lo) / span) * (h - 12);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}
