/**
 * Checks a reader's file before any decoding: size limit, then the format and pixel
 * dimensions from the first bytes (PNG IHDR, JPEG SOFn, GIF, WebP VP8/VP8L/VP8X, BMP).
 * A 10,000 × 10,000 image is refused here, from its header, so the browser never
 * allocates a 400 MB bitmap. A refusal is an ImageProblem (a code, the file's name and the
 * numbers); the island words it in the reader's language (src/islands/vit/strings.ts).
 */

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PIXELS = 50_000_000;
/** Enough bytes to reach the SOF marker of any ordinary JPEG (EXIF blocks are < 64 KiB). */
export const HEADER_BYTES = 256 * 1024;

type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';
/** Why a file is refused before decoding (or, `undecodable`, by the browser's decoder). */
export type ImageProblem =
  | { code: 'empty'; name: string }
  | { code: 'too-large'; name: string; bytes: number; max: number }
  | { code: 'corrupt'; name: string; format: string }
  | { code: 'not-image'; name: string }
  | { code: 'no-pixels'; name: string; width: number; height: number }
  | { code: 'too-many-pixels'; name: string; width: number; height: number; max: number }
  | { code: 'undecodable'; name: string; format: string };
export type Sniff = { ok: true; format: ImageFormat; width: number | null; height: number | null } | { ok: false; problem: ImageProblem };

/** Size check from File.size alone (before reading a byte). */
export function checkFileSize(name: string, bytes: number): ImageProblem | null {
  if (bytes === 0) return { code: 'empty', name };
  if (bytes > MAX_FILE_BYTES) return { code: 'too-large', name, bytes, max: MAX_FILE_BYTES };
  return null;
}

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number): number => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const i32le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
const ascii = (b: Uint8Array, i: number, n: number): string => String.fromCharCode(...b.subarray(i, i + n));

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const m = b[i + 1]!;
    if (m === 0xff) {
      i++;
      continue;
    } // fill byte
    if (m === 0xd8 || (m >= 0xd0 && m <= 0xd7) || m === 0x01) {
      i += 2;
      continue;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC).
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (m === 0xd9 || m === 0xda) return null; // EOI / start of scan before any SOF
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

/** Reads format and size from the head of a file. `head` = the first HEADER_BYTES (or fewer). */
export function sniffImage(name: string, head: Uint8Array): Sniff {
  const bad = (format: string): Sniff => ({ ok: false, problem: { code: 'corrupt', name, format } });
  if (head.length >= 8 && u32be(head, 0) === 0x89504e47 && u32be(head, 4) === 0x0d0a1a0a) {
    if (head.length < 24 || ascii(head, 12, 4) !== 'IHDR') return bad('PNG');
    return { ok: true, format: 'png', width: u32be(head, 16), height: u32be(head, 20) };
  }
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    const s = jpegSize(head);
    return s ? { ok: true, format: 'jpeg', ...s } : bad('JPEG');
  }
  if (head.length >= 10 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a'))
    return { ok: true, format: 'gif', width: u16le(head, 6), height: u16le(head, 8) };
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') {
    if (head.length < 30) return bad('WebP');
    const chunk = ascii(head, 12, 4);
    if (chunk === 'VP8 ') return { ok: true, format: 'webp', width: u16le(head, 26) & 0x3fff, height: u16le(head, 28) & 0x3fff };
    if (chunk === 'VP8L') {
      const v = (head[21]! | (head[22]! << 8) | (head[23]! << 16) | (head[24]! << 24)) >>> 0;
      return { ok: true, format: 'webp', width: (v & 0x3fff) + 1, height: ((v >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { ok: true, format: 'webp', width: u24le(head, 24) + 1, height: u24le(head, 27) + 1 };
    return bad('WebP');
  }
  if (head.length >= 26 && head[0] === 0x42 && head[1] === 0x4d) {
    return { ok: true, format: 'bmp', width: Math.abs(i32le(head, 18)), height: Math.abs(i32le(head, 22)) };
  }
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp' && /avi[fs]/.test(ascii(head, 8, 4)))
    return { ok: true, format: 'avif', width: null, height: null };
  return { ok: false, problem: { code: 'not-image', name } };
}

/** Refuses empty or oversized pixel dimensions (from the header) before decoding. */
export function checkDimensions(name: string, width: number | null, height: number | null): ImageProblem | null {
  if (width === null || height === null) return null;
  if (width < 1 || height < 1) return { code: 'no-pixels', name, width, height };
  if (width * height > MAX_PIXELS) return { code: 'too-many-pixels', name, width, height, max: MAX_PIXELS };
  return null;
}
