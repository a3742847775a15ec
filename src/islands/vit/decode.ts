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

/** Decode at up to twice the model size, so the final resample averages (anti-aliasing). */
const DRAW_SHORT_SIDE = 448;

export class ImageInputError extends Error {}

export async function decodeToModelInput(blob: Blob, name: string, size: number): Promise<LoadedImage> {
  const sizeError = checkFileSize(name, blob.size);
  if (sizeError) throw new ImageInputError(sizeError);
  const head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  const sniff = sniffImage(name, head);
  if (!sniff.ok) throw new ImageInputError(sniff.message);
  const dimError = checkDimensions(name, sniff.width, sniff.height);
  if (dimError) throw new ImageInputError(dimError);

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none' });
  } catch {
    throw new ImageInputError(`"${name}"은(는) 손상되었거나 이 브라우저가 디코딩할 수 없는 ${sniff.format.toUpperCase()} 파일입니다.`);
  }
  try {
    const { width, height } = bitmap;
    if (width < 1 || height < 1) throw new ImageInputError(`"${name}"에 픽셀이 없습니다 (${width}×${height}).`);
    const notes: string[] = [];
    if (sniff.width !== null && width !== height && width === sniff.height && height === sniff.width)
      notes.push(`EXIF 방향 정보에 따라 회전했습니다 (저장 ${sniff.width}×${sniff.height} → 표시 ${width}×${height}).`);
    const t = fitShorterSide(width, height, DRAW_SHORT_SIDE);
    const canvas = new OffscreenCanvas(t.width, t.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageInputError('이 브라우저에서 2D 캔버스를 만들 수 없습니다.');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, t.width, t.height);
    const { data } = ctx.getImageData(0, 0, t.width, t.height);
    const { image, translucent } = rgbaOverWhite(data, t.width, t.height);
    if (translucent > 0)
      notes.push(
        `투명한 픽셀 ${((100 * translucent) / (t.width * t.height)).toFixed(0)}%를 흰 배경 위에 합성했습니다 (모델 입력은 RGB 3채널).`,
      );
    if (Math.min(width, height) < size)
      notes.push(
        `원본(${width}×${height})이 ${size}보다 작아서 선형 보간으로 확대했습니다${width * height === 1 ? ' — 1×1 이미지는 한 가지 색의 면이 됩니다' : ''}.`,
      );
    if (width !== height)
      notes.push(`가운데 정사각형(${Math.min(width, height)}×${Math.min(width, height)})을 잘라 ${size}×${size}로 맞췄습니다.`);
    const out = centreCropResize(image, size);
    return { name, rgb: out.data, size, width, height, notes };
  } finally {
    bitmap.close();
  }
}
