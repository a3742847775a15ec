/**
 * The drawing pad of the digit ViT demo: pointer strokes (mouse, pen and touch alike; the CSS
 * sets `touch-action: none` so a finger draws instead of scrolling) and a reader's picture
 * drawn onto the pad, after the same file checks as the photo demo (Korean messages).
 */
import { checkFileSize, sniffImage, checkDimensions, HEADER_BYTES } from '@demos/vit/image-file';
import { VIT_DIGIT_TEXT as T, VIT_TEXT } from './strings';

type Pt = { x: number; y: number };

/** Strokes on `pad`; `start` runs at each pen-down, `change` after each drawn segment and at pen-up. */
export function attachPad(pad: HTMLCanvasElement, ctx: CanvasRenderingContext2D, on: { start(): void; change(): void }): void {
  let last: Pt | null = null;
  const at = (e: PointerEvent): Pt => {
    const r = pad.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * pad.width, y: ((e.clientY - r.top) / r.height) * pad.height };
  };
  // MNIST strokes are ~2 px of 28: a pad width / 14 pen, after scaling the digit to 20 px, is about that.
  const stroke = (a: Pt, b: Pt): void => {
    ctx.strokeStyle = '#000';
    ctx.lineWidth = pad.width / 14;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  };
  pad.addEventListener('pointerdown', (e) => {
    pad.setPointerCapture(e.pointerId);
    on.start();
    last = at(e);
    stroke(last, last);
  });
  pad.addEventListener('pointermove', (e) => {
    if (!last) return;
    const q = at(e);
    stroke(last, q);
    last = q;
    on.change();
  });
  const end = (): void => {
    if (!last) return;
    last = null;
    on.change();
  };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
}

/** Checks the file (size, format, pixel count) and draws it centred on the cleared pad; a message in the reader's language when refused. */
export async function drawFileOnPad(
  f: File,
  pad: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  clear: () => void,
): Promise<string | null> {
  const bad = checkFileSize(f.name, f.size);
  if (bad) return VIT_TEXT.imageProblem(bad);
  const sniff = sniffImage(f.name, new Uint8Array(await f.slice(0, HEADER_BYTES).arrayBuffer()));
  if (!sniff.ok) return VIT_TEXT.imageProblem(sniff.problem);
  const dims = checkDimensions(f.name, sniff.width, sniff.height);
  if (dims) return VIT_TEXT.imageProblem(dims);
  try {
    const bmp = await createImageBitmap(f);
    clear();
    const s = Math.min(pad.width / bmp.width, pad.height / bmp.height);
    ctx.drawImage(bmp, (pad.width - bmp.width * s) / 2, (pad.height - bmp.height * s) / 2, bmp.width * s, bmp.height * s);
    bmp.close();
    return null;
  } catch {
    return T.badFile(f.name);
  }
}
