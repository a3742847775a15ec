import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_FALLBACK, EXIT_FULL, EXIT_UNPUBLISHABLE, prepareDeployData } from '../../scripts/deploy-data';
import { parseManifest } from '@demos/kd/pamap2/manifest-schema';

// The deploy's data step (scripts/deploy-data.ts): full data when it verifies, else the bundled
// share stays and the step says so to GitHub Actions, with exit code 3 instead of a failed deploy.
const BUNDLED = 'public/data/pamap2';
let tmp = '';
let server: Server;
let deadUrl = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'deploy-data-'));
  // A server that is down for maintenance: every request gets 503.
  server = createServer((_req, res) => res.writeHead(503).end('maintenance'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  deadUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pamap2.zip`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

function copyBundled(name: string): string {
  const dir = join(tmp, name, 'pamap2');
  cpSync(BUNDLED, dir, { recursive: true });
  return dir;
}
/** Every file of a folder with its SHA-256, to show that a folder did not change. */
const snapshot = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map(
      (f) =>
        `${f} ${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex')}`,
    );

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn('npx', ['tsx', 'scripts/deploy-data.ts', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('deploy data step', () => {
  it('a download that fails: exit 3, bundled share untouched, warning + PAMAP2_FALLBACK for the build', async () => {
    const pub = copyBundled('down');
    const before = snapshot(pub);
    const ghEnv = join(tmp, 'down', 'github-env');
    const ghOut = join(tmp, 'down', 'github-output');
    writeFileSync(ghEnv, '');
    writeFileSync(ghOut, '');
    const r = await cli(['--source', deadUrl, '--public-dir', pub, '--work-dir', join(tmp, 'down', 'work')], {
      GITHUB_ENV: ghEnv,
      GITHUB_OUTPUT: ghOut,
    });
    expect(r.code, r.stderr).toBe(EXIT_FALLBACK);
    expect(r.stdout).toMatch(
      /^::warning title=PAMAP2 data::full PAMAP2 data unavailable \(.*HTTP 503.*\); publishing with the bundled excerpt share/m,
    );
    expect(readFileSync(ghEnv, 'utf8')).toMatch(/^PAMAP2_FALLBACK=.*HTTP 503.*\n$/);
    expect(readFileSync(ghOut, 'utf8')).toBe('full=false\n');
    expect(snapshot(pub)).toEqual(before);
  });

  it('a file that fails its SHA-256 check: exit 3, refused by name, bundled share untouched', async () => {
    const pub = copyBundled('badhash');
    const before = snapshot(pub);
    // The excerpt folder is real PAMAP2 data, but not the UCI files the hashes describe.
    const r = await cli(['--source', 'data/pamap2', '--public-dir', pub, '--work-dir', join(tmp, 'badhash', 'work')], {});
    expect(r.code, r.stderr).toBe(EXIT_FALLBACK);
    expect(r.stdout).toMatch(/subject10\d\.dat: SHA-256 [0-9a-f]{64} does not match the UCI PAMAP2 file/);
    expect(snapshot(pub)).toEqual(before);
    expect(existsSync(join(tmp, 'badhash', 'work', 'pamap2-deploy-share'))).toBe(false);
  });

  it('data that verifies replaces the share, whole, and exits 0', async () => {
    const pub = copyBundled('ok');
    // Hashes that the excerpt does match stand in for the UCI ones here.
    const bundled = parseManifest(JSON.parse(readFileSync(join(BUNDLED, 'manifest.json'), 'utf8')));
    const hashes = new Map(bundled.source.files.map((f) => [f.subject, { sha256: f.sha256 }]));
    const r = await prepareDeployData({ source: 'data/pamap2', publicDir: pub, workDir: join(tmp, 'ok', 'work'), expectedHashes: hashes });
    expect(r.code, r.summary).toBe(EXIT_FULL);
    const m = parseManifest(JSON.parse(readFileSync(join(pub, 'manifest.json'), 'utf8')));
    expect(m.source.allVerified).toBe(true);
    expect(m.subjects).toEqual(bundled.subjects);
    for (const s of m.shards) expect(existsSync(join(pub, s.x.file))).toBe(true);
    expect(existsSync(`${pub}.previous`)).toBe(false);
  });

  it('with no usable bundled share either, exit 1 (nothing to publish)', async () => {
    const r = await prepareDeployData({
      source: join(tmp, 'no-such.zip'),
      publicDir: join(tmp, 'empty', 'pamap2'),
      workDir: join(tmp, 'empty', 'work'),
    });
    expect(r.code).toBe(EXIT_UNPUBLISHABLE);
    expect(r.summary).toMatch(/bundled share cannot be used/);
  });
});
