/**
 * The committed browser share in public/data/pamap2/ (what the site's KD demo loads offline) is
 * the output of `npm run data:pamap2 -- --source data/pamap2 --unverified --browser-out public/data/pamap2`
 * on the committed excerpts: it validates, its files hash as listed, it decodes to the excerpt
 * pipeline's values within the uint8 quantisation step, and it is small.
 */
import { readdir, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadExcerptSeries } from '@demos/kd/pamap2/node/excerpt.ts';
import { loadShardDir } from '@demos/kd/pamap2/node/shard-files.ts';
import { makeWindows } from '@demos/kd/pamap2/windows.ts';

describe('public/data/pamap2 (committed browser share)', () => {
  it('validates, matches its hashes and equals the excerpt pipeline within 1/510', async () => {
    const { manifest, series } = await loadShardDir('public/data/pamap2', { verify: true });
    expect(manifest.target).toBe('browser');
    expect(manifest.source).toMatchObject({ kind: 'excerpt', unverifiedAllowed: true, allVerified: false });
    expect(manifest.subjects).toEqual([101, 102, 103, 105, 107, 108]);
    expect(manifest.totals.windows).toBe(138);
    const direct = await loadExcerptSeries();
    let maxErr = 0;
    series.forEach((s, k) => {
      expect(Array.from(s.y)).toEqual(Array.from(direct[k]!.y));
      expect(s.segments).toEqual(direct[k]!.segments);
      for (let i = 0; i < s.x.length; i++) maxErr = Math.max(maxErr, Math.abs(s.x[i]! - direct[k]!.x[i]!));
    });
    expect(maxErr).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
    expect(makeWindows(series).n).toBe(138);
  });

  it('is within the 25 MB browser budget and holds nothing unlisted', async () => {
    const { manifest } = await loadShardDir('public/data/pamap2', { verify: false });
    const listed = new Set(['manifest.json', 'LICENSE.txt', ...manifest.shards.flatMap((s) => [s.x.file, s.y.file])]);
    let bytes = 0;
    for (const f of await readdir('public/data/pamap2')) {
      expect(listed.has(f), `unlisted file public/data/pamap2/${f}`).toBe(true);
      bytes += (await stat(`public/data/pamap2/${f}`)).size;
    }
    expect(bytes).toBeLessThan(25e6);
  });
});
