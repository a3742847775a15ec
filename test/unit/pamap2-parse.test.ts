import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Pamap2FormatError } from '@demos/kd/pamap2/errors.ts';
import { parseProtocolStream, ProtocolLineParser } from '@demos/kd/pamap2/parse.ts';

const EXCERPT = 'data/pamap2/subject101.first10000.dat';
const FIX = 'test/fixtures/pamap2';

async function parseFile(path: string): Promise<{ rows: Float64Array[]; lines: number; bytes: number }> {
  const rows: Float64Array[] = [];
  const r = await parseProtocolStream(createReadStream(path, { highWaterMark: 4096 }), {
    file: path,
    onRow: (row) => rows.push(row.slice()),
  });
  return { rows, lines: r.lines, bytes: r.bytes };
}

describe('PAMAP2 Protocol parser on the real excerpt', () => {
  it('reads 10,000 rows × 54 columns, the known first record and the NaN counts of SOURCE.md', async () => {
    const { rows, bytes } = await parseFile(EXCERPT);
    expect(rows).toHaveLength(10_000);
    expect(bytes).toBe(3_810_213);
    expect(Array.from(rows[0]!.slice(0, 6))).toEqual([8.38, 0, 104, 30, 2.37223, 8.60074]);
    expect(rows[9_999]![0]).toBeCloseTo(108.37, 6);
    // SOURCE.md: NaN only in heart rate, 9,086 of 10,000 rows.
    expect(rows.filter((r) => Number.isNaN(r[2])).length).toBe(9_086);
    expect(rows.every((r) => r.every((v, c) => c === 2 || !Number.isNaN(v)))).toBe(true);
    // Activities 0 (2,928 rows) and 1 (7,072 rows).
    expect(rows.filter((r) => r[1] === 0).length).toBe(2_928);
    expect(rows.filter((r) => r[1] === 1).length).toBe(7_072);
  });

  it('gives the same rows for any chunking: 1-byte-ish string chunks, a ReadableStream of bytes, and reports progress', async () => {
    const text = (await readFile(EXCERPT, 'utf8')).split('\n').slice(0, 50).join('\n');
    const whole: number[] = [];
    const p1 = new ProtocolLineParser({ file: 'x', onRow: (r) => whole.push(...r) });
    p1.push(text);
    p1.end();
    const pieces: number[] = [];
    const p2 = new ProtocolLineParser({ file: 'x', onRow: (r) => pieces.push(...r) });
    for (let i = 0; i < text.length; i += 7) p2.push(text.slice(i, i + 7));
    p2.end();
    expect(pieces).toEqual(whole);

    const bytes = new TextEncoder().encode(text);
    const progress: number[] = [];
    const fromStream: number[] = [];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 1000) c.enqueue(bytes.subarray(i, i + 1000));
        c.close();
      },
    });
    const r = await parseProtocolStream(stream, {
      file: 'x',
      onRow: (row) => fromStream.push(...row),
      onProgress: (b) => progress.push(b),
    });
    expect(fromStream).toEqual(whole);
    expect(r.rows).toBe(50);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('reads a Blob.stream() and a TextDecoderStream (what the page / Worker hands over)', async () => {
    const text = (await readFile(EXCERPT, 'utf8')).split('\n').slice(0, 300).join('\n');
    const count = async (src: ReadableStream<Uint8Array> | ReadableStream<string>): Promise<number> =>
      (await parseProtocolStream(src, { file: 'blob', onRow: () => {} })).rows;
    expect(await count(new Blob([text]).stream())).toBe(300);
    expect(await count(new Blob([text]).stream().pipeThrough(new TextDecoderStream()))).toBe(300);
  });

  it('stops on an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(parseProtocolStream(createReadStream(EXCERPT), { file: EXCERPT, onRow: () => {}, signal: ac.signal })).rejects.toThrow();
  });
});

describe('PAMAP2 parser: bad input names file and line', () => {
  const cases: Array<[string, number | null, RegExp]> = [
    ['empty.dat', null, /empty file/],
    ['truncated.dat', 6, /truncated line: \d+ of 54 columns/],
    ['wrong-columns.dat', 4, /wrong column count: expected 54, found 53/],
    ['unknown-activity.dat', 4, /unknown activity id 99/],
    ['bad-number.dat', 4, /column 7: "1\.2\.3" is not a number/],
    ['not-pamap2.csv', 1, /not a PAMAP2 Protocol file/],
    ['not-pamap2.bin', 1, /not a PAMAP2 Protocol file/],
  ];
  for (const [name, line, message] of cases) {
    it(`${name}`, async () => {
      const path = `${FIX}/${name}`;
      const err = await parseFile(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Pamap2FormatError);
      const e = err as Pamap2FormatError;
      expect(e.file).toBe(path);
      expect(e.line).toBe(line);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(line === null ? `${path}: ` : `${path}:${line}: `)).toBe(true);
    });
  }

  it('a line of 55 columns in the middle is a column-count error, not a truncation', () => {
    const good = `1 1 NaN ${Array.from({ length: 51 }, () => '0').join(' ')}`;
    const p = new ProtocolLineParser({ file: 'f.dat', onRow: () => {} });
    expect(() => p.push(`${good}\n${good} 7\n`)).toThrow(/^f\.dat:2: wrong column count: expected 54, found 55$/);
  });

  it('activity 8 (not a PAMAP2 activity) and 2.5 are unknown ids', () => {
    const row = (id: string): string => `1 ${id} NaN ${Array.from({ length: 51 }, () => '0').join(' ')}`;
    for (const id of ['8', '2.5', '25']) {
      const p = new ProtocolLineParser({ file: 'f.dat', onRow: () => {} });
      expect(() => p.push(`${row('1')}\n${row(id)}\n`)).toThrow(new RegExp(`^f\\.dat:2: unknown activity id ${id.replace('.', '\\.')} `));
    }
  });

  it('a NaN timestamp is rejected', () => {
    const row = `NaN 1 NaN ${Array.from({ length: 51 }, () => '0').join(' ')}`;
    const p = new ProtocolLineParser({ file: 'f.dat', onRow: () => {} });
    expect(() => p.push(`${row}\n`)).toThrow(/f\.dat:1: timestamp/);
  });
});
