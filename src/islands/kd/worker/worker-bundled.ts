/**
 * Data that ships with the site, fetched by the worker:
 *  - 'excerpt': the real PAMAP2 excerpts in data/pamap2/, as their compact preprocessed copy
 *    (excerpt-series.bin, ~0.7 MB instead of ~6 MB of raw text; emitted by Vite as an asset;
 *    demos/kd/pamap2/excerpt-series.ts), turned into the excerpt dataset.
 *  - 'full': shards written by `npm run data:pamap2` into public/data/pamap2/ (browser share,
 *    manifest.json validated with the data API's schema) — present only when the site was
 *    built with the full dataset.
 */
import excerptSeriesUrl from '@data/pamap2/excerpt-series.bin?url';
import { EXCERPT_SERIES_FILE, decodeExcerptSeries } from '@demos/kd/pamap2/excerpt-series';
import { Pamap2ManifestSchema, type Pamap2Manifest } from '@demos/kd/pamap2/manifest-schema';
import { loadShardRows, sha256Hex } from '@demos/kd/pamap2/shards';
import { buildData, excerptDataFromSeries, type LoadedData } from '@demos/kd/run/data-summary';
import { S } from '../strings';
import type { Progress } from './worker-files';
import { formatZodError } from '@demos/shared/zod-error';
import { siteUrl } from '@src/lib/site-url';

async function fetchBytes(url: string, name: string, progress: Progress): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  progress(name, bytes.length, bytes.length);
  return bytes;
}

// `base` is the page's absolute base URL (mount.ts), spelled with or without its trailing slash.
const manifestUrl = (base: string): string => siteUrl('data/pamap2/manifest.json', base);

/** The build's manifest.json, validated with the data API's schema; why not, naming the file, when it cannot be used. */
async function fetchManifest(base: string): Promise<{ ok: true; m: Pamap2Manifest } | { ok: false; why: string }> {
  const url = manifestUrl(base);
  const r = await fetch(url).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  if (r instanceof Error) return { ok: false, why: `${url}: ${r.message}` };
  if (!r.ok) return { ok: false, why: `${url}: HTTP ${r.status}` };
  const json: unknown = await r.json().catch(() => undefined);
  if (json === undefined) return { ok: false, why: `${url}: not valid JSON` };
  const parsed = Pamap2ManifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, why: `${url}: not a pamap2-shards manifest (${formatZodError(parsed.error, { limit: 1 })})` };
  return { ok: true, m: parsed.data };
}

/** A one-line description of the full shards when this build has them, else null. */
export async function probeFullManifest(base: string): Promise<string | null> {
  const r = await fetchManifest(base);
  // The committed browser share is built from the excerpt: only a real UCI source counts as "full".
  return r.ok && r.m.source.kind !== 'excerpt' ? S.fullProbe(r.m.subjects, r.m.source.kind, r.m.source.location) : null;
}

export async function loadBundled(which: 'excerpt' | 'full', base: string, progress: Progress): Promise<LoadedData> {
  if (which === 'excerpt') {
    // Vite's asset URL already carries the base (an absolute path): resolved against the page's origin.
    const bytes = await fetchBytes(new URL(excerptSeriesUrl, base).href, EXCERPT_SERIES_FILE, progress);
    const { sha256, series } = decodeExcerptSeries(bytes);
    return excerptDataFromSeries(series, sha256, S.excerptLabel);
  }
  const r = await fetchManifest(base);
  // A manifest that was readable when the page probed it may have changed or broken since (redeploy, bad proxy).
  if (!r.ok) throw new Error(S.fullUnreadable(r.why));
  const m = r.m;
  if (m.source.kind === 'excerpt') throw new Error(S.fullMissing(manifestUrl(base)));
  const dir = siteUrl('data/pamap2/', base);
  // uint8 shards stay bytes; windows are copied out per run (demos/kd/pamap2/window-source.ts).
  const series = await loadShardRows(
    m,
    async (file) => {
      const r = await fetch(new URL(file, dir));
      if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    },
    { onProgress: (done, total) => progress('PAMAP2 shards', done, total) },
  );
  const sha = m.source.files.map((f) => f.sha256).join('');
  return buildData(series, {
    label: S.fullLabel(m.subjects, m.source.allVerified),
    source: 'full',
    files: m.shards.map((s) => s.x.file),
    sha256: await sha256Hex(new TextEncoder().encode(sha)),
  });
}
