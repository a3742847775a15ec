import { beforeAll, describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExcerptTexts, DEFAULT_EXCERPT_DIR } from '@demos/kd/pamap2/node/excerpt';
import { excerptSeries } from '@demos/kd/pamap2/excerpt';
import { EXCERPT_SERIES_FILE, decodeExcerptSeries, encodeExcerptSeries } from '@demos/kd/pamap2/excerpt-series';
import { excerptData, excerptDataFromSeries, excerptSha256 } from '@demos/kd/run/data-summary';

// The page downloads data/pamap2/excerpt-series.bin instead of the raw texts: it must be exactly
// the raw parse (bit for bit), so the excerpt run's numbers and identity do not change.
describe('the compact excerpt (excerpt-series.bin)', () => {
  let texts: Awaited<ReturnType<typeof readExcerptTexts>>;
  let raw: ReturnType<typeof excerptSeries>;
  const committed = new Uint8Array(readFileSync(join(DEFAULT_EXCERPT_DIR, EXCERPT_SERIES_FILE)));
  beforeAll(async () => {
    texts = await readExcerptTexts(DEFAULT_EXCERPT_DIR);
    raw = excerptSeries(texts);
  });

  it('the committed file decodes to exactly the raw parse (npm run data:excerpt rewrites it)', async () => {
    const { sha256, series } = decodeExcerptSeries(committed);
    expect(sha256).toBe(await excerptSha256(texts));
    expect(series.map((s) => s.subject)).toEqual(raw.map((s) => s.subject));
    series.forEach((s, k) => {
      const r = raw[k]!;
      expect({ rows: s.rows, segments: s.segments }).toEqual({ rows: r.rows, segments: r.segments });
      // Bit for bit: the float32 bytes themselves, so a NaN or −0 would count too.
      expect(Buffer.from(s.x.buffer, s.x.byteOffset, s.x.byteLength).equals(Buffer.from(r.x.buffer, r.x.byteOffset, r.x.byteLength))).toBe(
        true,
      );
      expect([...s.y]).toEqual([...r.y]);
    });
    expect(committed.length).toEqual(encodeExcerptSeries(raw, sha256).length);
  });

  it('gives the same data summary, identity and windows as the raw texts', async () => {
    const a = await excerptData(texts);
    const { sha256, series } = decodeExcerptSeries(committed);
    const b = excerptDataFromSeries(series, sha256);
    expect(b.summary).toEqual(a.summary);
    expect(b.windows.n).toBe(a.windows.n);
    for (const i of [0, 1, a.windows.n >> 1, a.windows.n - 1]) {
      expect(b.windows.y[i]).toBe(a.windows.y[i]);
      expect([...b.windows.window(i)]).toEqual([...a.windows.window(i)]);
    }
  });

  it('is a small fraction of the raw texts', () => {
    const rawBytes = texts.first10000.length + texts.alexchow.length + texts.indexCsv.length;
    expect(committed.length).toBeLessThan(rawBytes / 5);
  });

  it('refuses a truncated or foreign file, naming it', () => {
    expect(() => decodeExcerptSeries(committed.subarray(0, committed.length - 4))).toThrow(/excerpt-series\.bin: .*past the end/);
    expect(() => decodeExcerptSeries(new TextEncoder().encode('subject101 0 1 2'))).toThrow(
      /excerpt-series\.bin: not an excerpt-series file/,
    );
  });
});
