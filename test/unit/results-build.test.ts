// Build-level check: a malformed artifact in the results collection fails the content sync
// (the same loader the build runs) with a message naming the file and the field.
// Uses `astro sync` (content layer only), much faster than a full build.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('results collection at build time', () => {
  it('a malformed JSON in RESULTS_EXTRA_DIR fails the sync naming file and field', () => {
    const extra = mkdtempSync(join(tmpdir(), 'results-bad-'));
    copyFileSync('test/unit/fixtures/results/broken-run.json', join(extra, 'broken-run.json'));
    const r = spawnSync('npx', ['astro', 'sync'], {
      encoding: 'utf8',
      env: { ...process.env, RESULTS_EXTRA_DIR: extra, ASTRO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'results-cache-')) },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(out).toMatch(/broken-run\.json: field config\.alpha: /);
    expect(out).toMatch(/broken-run\.json: field metrics\.bestTestAcc: /);
  }, 240_000);
});
