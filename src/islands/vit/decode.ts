/**
 * Blob -> the model's (S, S, 3) input, in a worker (or any context with createImageBitmap
 * and OffscreenCanvas). Order matters for robustness:
 *   1. size limit from blob.size (a 50 MB file is never read);
 *   2. format and dimensions from the first bytes (a 10,000² image is refused before decoding);
 *   3. createImageBitmap with imageOrientation 'from-image' (EXIF rotation applied);
 *   4. draw at most 448 px on the shorter side, read RGBA, composite over white,
 *      centre-crop and resample to S in plain TypeScript (demos/vit/resize.ts).
 */
import { checkFileSize, sniffImage, checkDimensions, HEADER_BYTES } from '@demos/vit/image-file';
import { rgbaOverWhite, centreCropResize, fitShorterSide } from '@demos/vit/resize';
import type { LoadedImage } from '@demos/vit/protocol';
import { VIT_TEXT as T } from './strings';

/** Decode at up to twice the model size, so the final resample averages (anti-aliasing). */
const DRAW_SHORT_SIDE = 448;

export class ImageInputError extends Error {}

export async function decodeToModelInput(blob: Blob, name: string, size: number): Promise<LoadedImage> {
  const sizeError = checkFileSize(name, blob.size);
  if (sizeError) throw new ImageInputError(T.imageProblem(sizeError));
  const head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  const sniff = sniffImage(name, head);
  if (!sniff.ok) throw new ImageInputError(T.imageProblem(sniff.problem));
  const dimError = checkDimensions(name, sniff.width, sniff.height);
  if (dimError) throw new ImageInputError(T.imageProblem(dimError));

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none' });
  } catch {
    throw new ImageInputError(T.imageProblem({ code: 'undecodable', name, format: sniff.format.toUpperCase() }));
  }
  try {
    const { width, height } = bitmap;
    if (width < 1 || height < 1) throw new ImageInputError(T.noPixels(name, width, height));
    const notes: string[] = [];
    if (sniff.width !== null && width !== height && width === sniff.height && height === sniff.width)
      notes.push(T.noteRotated(sniff.width, sniff.height, width, height));
    const t = fitShorterSide(width, height, DRAW_SHORT_SIDE);
    const canvas = new OffscreenCanvas(t.width, t.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageInputError(T.noCanvas);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, t.width, t.height);
    const { data } = ctx.getImageData(0, 0, t.width, t.height);
    const { image, translucent } = rgbaOverWhite(data, t.width, t.height);
    if (translucent > 0) notes.push(T.noteTranslucent(((100 * translucent) / (t.width * t.height)).toFixed(0)));
    if (Math.min(width, height) < size) notes.push(T.noteUpscaled(width, height, size));
    if (width !== height) notes.push(T.noteCropped(Math.min(width, height), size));
    const out = centreCropResize(image, size);
    return { name, rgb: out.data, size, width, height, notes };
  } finally {
    bitmap.close();
  }
}
