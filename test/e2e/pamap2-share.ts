/**
 * The full-data browser share as the deploy makes it (`npm run data:pamap2:deploy`: UCI zip →
 * uint8 shards + manifest.json), from a local zip in the real UCI layout built from the real
 * excerpts (test/fixtures/pamap2-uci-zip.ts). Used by kd-full-shards.spec.ts (served through
 * page.route) and build-variants.spec.ts (written into a build, served as files).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { buildUciZipFixture } from '../fixtures/pamap2-uci-zip.ts';

/** Writes the share into `browserOut` (node-side output under `tmp`); fails the test if the command does. */
export async function buildFullShare(tmp: string, browserOut: string): Promise<void> {
  const { zipPath } = await buildUciZipFixture(tmp);
  // The excerpts are spliced from several recordings, so segments split at timestamp gaps (as for the excerpt folder).
  const r = spawnSync(
    'node_modules/.bin/tsx',
    [
      'scripts/data-pamap2.ts',
      '--source',
      zipPath,
      '--unverified',
      '--segment-gap-s',
      '1',
      '--out',
      join(tmp, 'node'),
      '--browser-out',
      browserOut,
    ],
    { encoding: 'utf8' },
  );
  expect(r.status, `data:pamap2 failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
}
