/**
 * Drawing for the digit part of the ViT island: the 28×28 model input with the [CLS]
 * attention over its patches, the class probabilities and the sample thumbnails.
 * Pure drawing: data in, pixels and text out.
 */
import { viridis } from './draw';
import { VIT_DIGIT_TEXT } from './strings';

/** Screen pixels per input pixel on the attention canvas (28 × 8 = 224). */
const ZOOM = 8;

function ctx2d(c: HTMLCanvasElement): CanvasRenderingContext2D {
  const x = c.getContext('2d');
  if (!x) throw new Error('2D canvas unavailable');
  return x;
}

/**
 * The input (S×S ink) over a heat map of the patch weights (P = g², row-major), each patch
 * tinted on its own colour scale 0..max (viridis) and labelled with its share in %, so the
 * picture and the numbers say the same thing. Ink is drawn white on top, as the model sees it.
 */
export function drawAttentionMap(canvas: HTMLCanvasElement, pixels: Float32Array, size: number, weights: Float32Array, g: number): void {
  const side = size * ZOOM,
    cell = side / g;
  canvas.width = side;
  canvas.height = side;
  const c = ctx2d(canvas);
  let max = 0;
  for (const w of weights) max = Math.max(max, w);
  for (let k = 0; k < g * g; k++) {
    const [r, gr, b] = viridis(max > 0 ? weights[k]! / max : 0);
    c.fillStyle = `rgb(${r | 0},${gr | 0},${b | 0})`;
    c.fillRect((k % g) * cell, Math.floor(k / g) * cell, cell, cell);
  }
  for (let i = 0; i < size * size; i++) {
    const v = pixels[i]!;
    if (v <= 0.02) continue;
    c.fillStyle = `rgba(255,255,255,${(0.85 * v).toFixed(3)})`;
    c.fillRect((i % size) * ZOOM, Math.floor(i / size) * ZOOM, ZOOM, ZOOM);
  }
  c.strokeStyle = 'rgba(255,255,255,0.6)';
  c.lineWidth = 1;
  c.beginPath();
  for (let k = 1; k < g; k++) {
    c.moveTo(k * cell + 0.5, 0);
    c.lineTo(k * cell + 0.5, side);
    c.moveTo(0, k * cell + 0.5);
    c.lineTo(side, k * cell + 0.5);
  }
  c.stroke();
  // Shares in %, dark text on a light chip so they read on any heat colour.
  c.font = `600 ${Math.max(11, Math.round(cell / 4))}px system-ui, sans-serif`;
  c.textAlign = 'center';
  c.textBaseline = 'middle';
  for (let k = 0; k < g * g; k++) {
    const t = `${(weights[k]! * 100).toFixed(0)}`;
    const x = (k % g) * cell + cell / 2,
      y = Math.floor(k / g) * cell + cell / 2;
    const w = c.measureText(t).width + 6;
    c.fillStyle = 'rgba(255,255,255,0.85)';
    c.fillRect(x - w / 2, y - 8, w, 16);
    c.fillStyle = '#111';
    c.fillText(t, x, y + 0.5);
  }
}

/** A 28×28 digit as a small thumbnail (dark ink on light paper, like the drawing pad). */
export function drawThumb(canvas: HTMLCanvasElement, pixels: ArrayLike<number>, size: number): void {
  canvas.width = size;
  canvas.height = size;
  const img = new ImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const v = 255 * (1 - pixels[i]!);
    img.data.fill(v, i * 4, i * 4 + 3);
    img.data[i * 4 + 3] = 255;
  }
  ctx2d(canvas).putImageData(img, 0, 0);
}

/** Ten rows "d ▮▮▮ p%", made once and updated; the predicted class is marked. */
export function renderProbs(list: HTMLElement, probs: Float32Array | null): void {
  if (list.children.length !== probs?.length && probs) {
    list.replaceChildren(
      ...Array.from(probs, (_, d) => {
        const li = document.createElement('li');
        li.innerHTML = `<span class="vit-prob-digit">${d}</span><span class="vit-prob-track"><span class="vit-prob-bar"></span></span><span class="vit-prob-pct"></span>`;
        return li;
      }),
    );
  }
  if (!probs) {
    for (const li of list.children) li.classList.add('vit-prob-off');
    return;
  }
  let top = 0;
  for (let d = 1; d < probs.length; d++) if (probs[d]! > probs[top]!) top = d;
  Array.from(list.children).forEach((li, d) => {
    const p = probs[d]!;
    li.classList.remove('vit-prob-off');
    li.classList.toggle('vit-prob-top', d === top);
    li.setAttribute('aria-label', VIT_DIGIT_TEXT.probLabel(d, p));
    (li.querySelector('.vit-prob-bar') as HTMLElement).style.width = `${(p * 100).toFixed(1)}%`;
    (li.querySelector('.vit-prob-pct') as HTMLElement).textContent = `${(p * 100).toFixed(1)}%`;
  });
}
