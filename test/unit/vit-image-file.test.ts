import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { sniffImage, checkFileSize, checkDimensions, MAX_FILE_BYTES } from '@demos/vit/image-file';

const fx = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url)));
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../public/images/samples/${name}`, import.meta.url)));

describe('file checks before decoding', () => {
  it('rejects a 50 MB file by size alone, and an empty file', () => {
    expect(checkFileSize('big.png', 50 * 1024 * 1024)).toEqual({
      code: 'too-large',
      name: 'big.png',
      bytes: 50 * 1024 * 1024,
      max: MAX_FILE_BYTES,
    });
    expect(checkFileSize('ok.png', MAX_FILE_BYTES)).toBeNull();
    expect(checkFileSize('empty.png', 0)).toEqual({ code: 'empty', name: 'empty.png' });
  });
  it('reads format and size of the real samples', () => {
    expect(sniffImage('chelsea.png', sample('chelsea.png'))).toEqual({ ok: true, format: 'png', width: 451, height: 300 });
    expect(sniffImage('rocket.jpg', sample('rocket.jpg'))).toEqual({ ok: true, format: 'jpeg', width: 640, height: 427 });
  });
  it('reads the fixtures: 1×1, transparent, EXIF-rotated JPEG, 10,000² PNG', () => {
    expect(sniffImage('a', fx('one-pixel.png'))).toMatchObject({ ok: true, width: 1, height: 1 });
    expect(sniffImage('a', fx('transparent.png'))).toMatchObject({ ok: true, format: 'png' });
    // Stored 64×48 landscape with EXIF orientation 6 (displayed portrait): the header gives the stored size.
    expect(sniffImage('a', fx('exif-rotated.jpg'))).toEqual({ ok: true, format: 'jpeg', width: 64, height: 48 });
    const huge = sniffImage('huge.png', fx('huge-10000.png'));
    expect(huge).toMatchObject({ ok: true, width: 10000, height: 10000 });
    if (huge.ok)
      expect(checkDimensions('huge.png', huge.width, huge.height)).toMatchObject({ code: 'too-many-pixels', width: 10000, height: 10000 });
  });
  it('names the file when it is not an image or is corrupt', () => {
    expect(sniffImage('notes.txt', fx('not-an-image.txt'))).toEqual({
      ok: false,
      problem: { code: 'not-image', name: 'notes.txt' },
    });
    // corrupt.png has an intact header and garbage pixel data: the browser's decoder rejects it (e2e).
    expect(sniffImage('broken.png', fx('corrupt.png'))).toMatchObject({ ok: true, width: 32, height: 32 });
    const truncated = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(sniffImage('cut.png', truncated)).toMatchObject({ ok: false, problem: { code: 'corrupt', name: 'cut.png', format: 'PNG' } });
    expect(sniffImage('x.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({ ok: false });
    expect(checkDimensions('z.png', 0, 5)).toMatchObject({ code: 'no-pixels' });
    expect(checkDimensions('ok.png', 451, 300)).toBeNull();
  });
});
