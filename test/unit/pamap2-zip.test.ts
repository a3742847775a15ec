/**
 * demos/kd/pamap2/zip.ts — the zip reader the data command and the KD page's worker share:
 * the UCI download (a zip holding PAMAP2_Dataset.zip), PAMAP2_Dataset.zip itself, a zip of the
 * Protocol files; and each way an archive can be wrong (not a zip, corrupt, cut short, nested too
 * deep, no Protocol files, absurd sizes, a subject twice). Archives are built here with fflate from
 * the real excerpts in the real UCI layout (test/fixtures/pamap2-uci-zip.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pamap2FormatError } from '@demos/kd/pamap2/errors.ts';
import {
  Pamap2ZipError,
  ProtocolZipReader,
  readProtocolZip,
  zipProtocolSubject,
  type EntryHandler,
  type ProtocolEntry,
  type ZipLimits,
  type ZipProblem,
} from '@demos/kd/pamap2/zip.ts';
import { buildUciZipFixture, type UciZipFixture } from '../fixtures/pamap2-uci-zip.ts';

const enc = new TextEncoder();
let tmp = '';
let fx: UciZipFixture;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pamap2-zip-'));
  fx = await buildUciZipFixture(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Reads an archive pushed in `chunk`-byte pieces; returns the entries offered and each read entry's bytes. */
function read(
  bytes: Uint8Array,
  opts: { chunk?: number; skip?: (e: ProtocolEntry) => boolean; limits?: Partial<ZipLimits>; name?: string } = {},
) {
  const offered: ProtocolEntry[] = [];
  const got = new Map<string, Uint8Array>();
  const handler: EntryHandler = (e) => {
    offered.push(e);
    if (opts.skip?.(e)) return null;
    const parts: Uint8Array[] = [];
    return {
      push: (c) => parts.push(c.slice()),
      end: () => got.set(e.name, concat(parts)),
    };
  };
  const reader = new ProtocolZipReader(opts.name ?? 'pamap2.zip', handler, opts.limits);
  const step = opts.chunk ?? 65_536;
  // Fresh copies, as a read stream hands them over.
  for (let o = 0; o < bytes.length; o += step) reader.push(bytes.slice(o, o + step));
  const seen = reader.end();
  return { seen, offered, got };
}

/** Byte equality without Vitest's element-by-element diff (megabytes). */
function expectSame(a: Uint8Array | undefined, b: Uint8Array | undefined): void {
  expect(a && b && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b), `${a?.length} vs ${b?.length} bytes`).toBe(true);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function problemOf(f: () => unknown): { problem: ZipProblem; path: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof Pamap2ZipError) return { problem: e.problem, path: e.path, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

const PROTOCOL = [101, 102, 103, 105, 107, 108].map((s) => `PAMAP2_Dataset/Protocol/subject${s}.dat`);

describe('zip reader: the layouts a researcher has', () => {
  it('the UCI download (outer zip → PAMAP2_Dataset.zip, stored) in any chunk size: every Protocol file, byte for byte', () => {
    for (const chunk of [4093, 1 << 20]) {
      const r = read(fx.nested, { chunk });
      expect(r.seen).toEqual(PROTOCOL);
      for (const name of PROTOCOL) expectSame(r.got.get(name), fx.files[name]);
    }
  });

  it('the outer zip deflated too (as an archiver may write it)', () => {
    const outer = zipSync({ 'PAMAP2_Dataset.zip': [fx.inner, { level: 6 }], 'readme.txt': enc.encode('UCI') });
    const r = read(outer, { chunk: 1000 });
    expect([...r.got.keys()]).toEqual(PROTOCOL);
    for (const name of PROTOCOL) expectSame(r.got.get(name), fx.files[name]);
  });

  it('PAMAP2_Dataset.zip itself (one level), a zip of Protocol/ and a zip of the bare .dat files', () => {
    expect(read(fx.inner).seen).toEqual(PROTOCOL);
    const protocolOnly = zipSync(Object.fromEntries(PROTOCOL.map((n) => [n.replace('PAMAP2_Dataset/', ''), fx.files[n]!])));
    expect(read(protocolOnly).seen).toEqual(PROTOCOL.map((n) => n.replace('PAMAP2_Dataset/', '')));
    const bare = zipSync(Object.fromEntries(PROTOCOL.map((n) => [n.split('/').pop()!, fx.files[n]!])));
    const r = read(bare);
    expect(r.offered.map((e) => e.subject)).toEqual([101, 102, 103, 105, 107, 108]);
    expectSame(r.got.get('subject105.dat'), fx.files['PAMAP2_Dataset/Protocol/subject105.dat']);
    // Chunks shorter than the 4-byte signature.
    const head = fx.files[PROTOCOL[2]!]!.subarray(0, 3000);
    const small = zipSync({ 'Protocol/subject103.dat': head });
    for (const chunk of [1, 3]) expectSame(read(small, { chunk }).got.get('Protocol/subject103.dat'), head);
  });

  it('Optional/ and other entries are never offered; a skipped Protocol entry is not read; sizes and resume key come from the header', () => {
    const a = fx.files[PROTOCOL[0]!]!;
    const zip = zipSync({
      'PAMAP2_Dataset/Optional/subject101.dat': a,
      'PAMAP2_Dataset/Protocol/subject101.dat': a,
      'PAMAP2_Dataset/Protocol/subject102.dat': fx.files[PROTOCOL[1]!]!,
      'PAMAP2_Dataset/readme.pdf': enc.encode('pdf'),
      'PAMAP2_Dataset/Protocol/': new Uint8Array(0),
    });
    const r = read(zip, { skip: (e) => e.subject === 102 });
    expect(r.offered.map((e) => e.name)).toEqual(['PAMAP2_Dataset/Protocol/subject101.dat', 'PAMAP2_Dataset/Protocol/subject102.dat']);
    expect([...r.got.keys()]).toEqual(['PAMAP2_Dataset/Protocol/subject101.dat']);
    expect(r.offered[0]).toMatchObject({ subject: 101, bytes: a.length });
    expect(r.offered[0]!.key).toMatch(new RegExp(`^zip:PAMAP2_Dataset/Protocol/subject101\\.dat:${a.length}:\\d+$`));
  });

  it('names: Protocol/ at any depth or a bare file at the root; never Optional/ or a renamed file', () => {
    expect(zipProtocolSubject('PAMAP2_Dataset/Protocol/subject109.dat')).toBe(109);
    expect(zipProtocolSubject('subject104.dat')).toBe(104);
    expect(zipProtocolSubject('PAMAP2_Dataset/Optional/subject101.dat')).toBeNull();
    expect(zipProtocolSubject('x/subject101.dat')).toBeNull();
    expect(zipProtocolSubject('Protocol/subject110.dat')).toBeNull();
  });

  it('readProtocolZip streams a ReadableStream and reports progress', async () => {
    const seen: number[] = [];
    const stream = new Blob([fx.nested as Uint8Array<ArrayBuffer>]).stream();
    const names = await readProtocolZip('uci.zip', stream, () => null, { onBytes: (n) => seen.push(n) });
    expect(names).toEqual(PROTOCOL);
    expect(seen.at(-1)).toBe(fx.nested.length);
  });
});

describe('zip reader: archives that are wrong, each named', () => {
  it('empty: a 0-byte file, a zip with no entries, a zip without Protocol files', () => {
    expect(problemOf(() => read(new Uint8Array(0), { name: 'empty.zip' }))).toMatchObject({ problem: 'no-protocol', path: 'empty.zip' });
    expect(problemOf(() => read(zipSync({}), { name: 'none.zip' }))).toMatchObject({
      problem: 'no-protocol',
      message: 'none.zip: no Protocol/subject10N.dat inside — not the PAMAP2 archive',
    });
    const optionalOnly = zipSync({ 'PAMAP2_Dataset/Optional/subject101.dat': fx.files[PROTOCOL[0]!]! });
    expect(problemOf(() => read(optionalOnly)).problem).toBe('no-protocol');
    // An inner zip without Protocol files: the outer is still "not the PAMAP2 archive".
    const innerEmpty = zipSync({ 'PAMAP2_Dataset.zip': [zipSync({ 'a.txt': enc.encode('x') }), { level: 0 }] });
    expect(problemOf(() => read(innerEmpty)).problem).toBe('no-protocol');
  });

  it('not a zip: a .dat renamed .zip, an inner "zip" that is text', () => {
    expect(problemOf(() => read(fx.files[PROTOCOL[2]!]!, { name: 'subject103.zip' }))).toMatchObject({
      problem: 'not-zip',
      path: 'subject103.zip',
    });
    expect(problemOf(() => read(enc.encode('PK'), { name: 'short.zip' })).problem).toBe('not-zip');
    const fake = zipSync({ 'PAMAP2_Dataset.zip': [enc.encode('not a zip at all'), { level: 0 }] });
    expect(problemOf(() => read(fake, { name: 'uci.zip' }))).toMatchObject({ problem: 'not-zip', path: 'uci.zip!PAMAP2_Dataset.zip' });
  });

  it('nested deeper than the UCI download: refused naming the chain', () => {
    const deeper = zipSync({ 'outer/PAMAP2_Dataset.zip': [zipSync({ 'again.zip': [fx.inner, { level: 0 }] }), { level: 0 }] });
    const p = problemOf(() => read(deeper, { name: 'deep.zip' }));
    expect(p.problem).toBe('too-deep');
    expect(p.path).toBe('deep.zip!outer/PAMAP2_Dataset.zip!again.zip');
    expect(p.message).toMatch(/nested 3 levels deep; expected at most 2/);
  });

  it('corrupt: damaged deflate data and a wrong size in the header are refused with the entry path', () => {
    const zip = zipSync({ 'PAMAP2_Dataset/Protocol/subject108.dat': [fx.files['PAMAP2_Dataset/Protocol/subject108.dat']!, { level: 6 }] });
    const dataStart = 30 + 'PAMAP2_Dataset/Protocol/subject108.dat'.length;
    for (const at of [dataStart + 3, dataStart + 200, dataStart + 2000]) {
      const bad = zip.slice();
      bad[at] = bad[at]! ^ 0xff;
      bad[at + 1] = bad[at + 1]! ^ 0x5a;
      const p = problemOf(() => read(bad, { name: 'bad.zip' }));
      expect(p.problem, `byte ${at}`).toBe('corrupt');
      expect(p.path).toBe('bad.zip!PAMAP2_Dataset/Protocol/subject108.dat');
    }
    // The header says 10 bytes fewer than the data inflates to.
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    view.setUint32(22, view.getUint32(22, true) - 10, true);
    expect(problemOf(() => read(lying)).message).toMatch(/inflates to more than the \d+ bytes its header declares/);
    // An unknown compression method.
    const method = zip.slice();
    new DataView(method.buffer).setUint16(8, 99, true);
    expect(problemOf(() => read(method)).problem).toBe('unsupported');
  });

  it('cut short: the outer and the inner archive each report truncation', () => {
    const cut = fx.nested.subarray(0, Math.floor(fx.nested.length * 0.6));
    const p = problemOf(() => read(cut, { name: 'dl.zip' }));
    expect(p.problem).toBe('truncated');
    expect(p.message).toMatch(/^dl\.zip.*(cut short|archive ends inside)/);
    expect(problemOf(() => read(fx.inner.subarray(0, 5000))).problem).toBe('truncated');
  });

  it('absurd sizes: a declared size beyond the limit is refused before inflating; so is an archive over the byte limit', () => {
    const zip = zipSync({ 'Protocol/subject101.dat': [fx.files[PROTOCOL[0]!]!, { level: 1 }] });
    const huge = zip.slice();
    new DataView(huge.buffer).setUint32(22, 0xfffffff0, true);
    let offered = 0;
    const r = new ProtocolZipReader('huge.zip', () => {
      offered++;
      return null;
    });
    const p = problemOf(() => {
      r.push(huge);
      r.end();
    });
    expect(p).toMatchObject({ problem: 'too-large', path: 'huge.zip!Protocol/subject101.dat' });
    expect(offered).toBe(0);
    expect(problemOf(() => read(zip, { limits: { maxEntryBytes: 1000 } })).problem).toBe('too-large');
    expect(problemOf(() => read(fx.nested, { limits: { maxArchiveBytes: 100_000 } })).problem).toBe('too-large');
  });

  it('a subject twice is refused; a sink error (bad line) passes through unchanged with its file and line', () => {
    const twice = zipSync({ 'a/Protocol/subject103.dat': fx.files[PROTOCOL[2]!]!, 'b/Protocol/subject103.dat': fx.files[PROTOCOL[2]!]! });
    expect(problemOf(() => read(twice)).problem).toBe('duplicate');
    const reader = new ProtocolZipReader('uci.zip', (e) => ({
      push: () => {
        throw new Pamap2FormatError(e.name, 12, 'truncated line');
      },
      end: () => {},
    }));
    expect(() => {
      reader.push(fx.nested);
      reader.end();
    }).toThrow(/^PAMAP2_Dataset\/Protocol\/subject101\.dat:12: truncated line$/);
    // The first failure sticks: later pushes rethrow it.
    expect(() => reader.push(new Uint8Array(1))).toThrow(Pamap2FormatError);
  });
});
