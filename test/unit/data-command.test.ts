/**
 * The data command end to end against a local HTTP server (127.0.0.1, random port) serving zips
 * built here from the real excerpts in the real UCI layout (PAMAP2_Dataset/Protocol/subject10N.dat).
 * The excerpts are not the full files, so their SHA-256 never matches SOURCE.md: the normal path
 * needs `unverified`, and verification itself is tested with injected reference hashes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excerptSeries } from '@demos/kd/pamap2/excerpt.ts';
import { Pamap2ManifestSchema } from '@demos/kd/pamap2/manifest-schema.ts';
import { runDataCommand, type DataCommandOptions } from '@demos/kd/pamap2/node/data-command.ts';
import { readExcerptTexts } from '@demos/kd/pamap2/node/excerpt.ts';
import { loadShardDir } from '@demos/kd/pamap2/node/shard-files.ts';
import { PROTOCOL_FILE_HASHES } from '@demos/kd/pamap2/source-hashes.ts';
import { buildUciZipFixture } from '../fixtures/pamap2-uci-zip.ts';

const enc = new TextEncoder();
let tmp = '';
let files: Record<string, Uint8Array> = {};
let plainZip = '';
let nestedZip: Uint8Array = new Uint8Array(0);
let server: http.Server;
let base = '';
const requests: Array<{ path: string; range: string | undefined }> = [];
const cutOnce = new Set<string>();

function sha(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pamap2-cmd-'));
  // The UCI download wraps PAMAP2_Dataset.zip in an outer archive (nested).
  ({ files, zipPath: plainZip, nested: nestedZip } = await buildUciZipFixture(tmp));

  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const range = req.headers.range;
    requests.push({ path, range });
    const body = nestedZip;
    const honourRange = !path.startsWith('/norange/');
    const first = !cutOnce.has(path);
    const m = /^bytes=(\d+)-$/.exec(range ?? '');
    if (m && honourRange && req.headers['if-range'] === '"v1"') {
      const from = Number(m[1]);
      res.writeHead(206, {
        'content-length': body.length - from,
        'content-range': `bytes ${from}-${body.length - 1}/${body.length}`,
        etag: '"v1"',
      });
      res.end(body.subarray(from));
      return;
    }
    res.writeHead(200, { 'content-length': body.length, etag: '"v1"', 'accept-ranges': honourRange ? 'bytes' : 'none' });
    if (path.includes('/cut/') && first) {
      // Interrupted transfer: half the body, then the socket is closed.
      cutOnce.add(path);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(tmp, { recursive: true, force: true });
});

const opts = (name: string, extra: Partial<DataCommandOptions> = {}): DataCommandOptions => ({
  out: join(tmp, name, 'node'),
  browserOut: join(tmp, name, 'browser'),
  downloadDir: join(tmp, name, 'dl'),
  segmentGapS: 1,
  retryDelayMs: 0,
  ...extra,
});

const shardHashes = (m: { shards: Array<{ x: { sha256: string }; y: { sha256: string } }> }): string[] =>
  m.shards.flatMap((s) => [s.x.sha256, s.y.sha256]);

describe('npm run data:pamap2 (runDataCommand)', () => {
  it('refuses files whose SHA-256 does not match SOURCE.md, naming the file', async () => {
    await expect(runDataCommand(opts('refuse', { source: plainZip, subjects: [103] }))).rejects.toThrow(
      /^PAMAP2_Dataset\/Protocol\/subject103\.dat: SHA-256 [0-9a-f]{64} does not match .*5be64631.*refused.*--unverified/,
    );
  });

  let reference: string[] = [];
  // Download tests process two subjects to stay fast; their shards must equal the full run's.
  const DL = { subjects: [102, 108], unverified: true };
  const refDl = (): string[] => [reference[2]!, reference[3]!, reference[10]!, reference[11]!];
  it('with --unverified: shards + manifests that validate and record it; contents equal the excerpt pipeline', async () => {
    const o = opts('plain', { source: plainZip, unverified: true });
    const r = await runDataCommand(o);
    const onDisk = Pamap2ManifestSchema.parse(JSON.parse(await readFile(join(o.out!, 'manifest.json'), 'utf8')));
    expect(onDisk).toEqual(r.manifest);
    expect(onDisk.source).toMatchObject({ kind: 'zip', location: 'PAMAP2_Dataset.zip', unverifiedAllowed: true, allVerified: false });
    expect(onDisk.source.files.map((f) => [f.name, f.verified, f.expectedSha256])).toEqual(
      [101, 102, 103, 105, 107, 108].map((s) => [`PAMAP2_Dataset/Protocol/subject${s}.dat`, false, PROTOCOL_FILE_HASHES.get(s)!.sha256]),
    );
    expect(onDisk.source.files[0]!.sha256).toBe(sha(files['PAMAP2_Dataset/Protocol/subject101.dat']!));
    expect(onDisk.shards.map((s) => s.windows)).toEqual([105, 9, 3, 3, 6, 12]);
    expect(onDisk.totals.windows).toBe(138);
    expect(onDisk.preprocessing.segmentGapS).toBe(1);

    const node = await loadShardDir(o.out!);
    const direct = excerptSeries(await readExcerptTexts());
    expect(node.series.map((s) => s.segments)).toEqual(direct.map((s) => s.segments));
    node.series.forEach((s, k) => {
      expect(sha(new Uint8Array(s.y.buffer))).toBe(sha(new Uint8Array(direct[k]!.y.buffer)));
      expect(sha(new Uint8Array(s.x.buffer))).toBe(sha(new Uint8Array(direct[k]!.x.buffer))); // float32: exact
    });
    const browser = await loadShardDir(o.browserOut!);
    expect(browser.manifest.encoding.dtype).toBe('uint8');
    expect(browser.manifest.totals.bytes).toBeLessThanOrEqual(25e6);
    let maxErr = 0;
    browser.series.forEach((s, k) => s.x.forEach((v, i) => (maxErr = Math.max(maxErr, Math.abs(v - direct[k]!.x[i]!)))));
    expect(maxErr).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
    reference = shardHashes(r.manifest);

    // Rerun: every subject is resumed from the recorded shards, nothing changes.
    const again = await runDataCommand(o);
    expect(again.skippedSubjects).toEqual([101, 102, 103, 105, 107, 108]);
    expect(shardHashes(again.manifest)).toEqual(reference);
  });

  it('verification: matching files pass without --unverified; one altered byte is refused with its name', async () => {
    const expectedHashes = new Map(Object.entries(files).map(([n, b]) => [Number(n.slice(-7, -4)), { sha256: sha(b) }]));
    const ok = await runDataCommand(opts('verified', { source: plainZip, expectedHashes, subjects: [103, 105] }));
    expect(ok.manifest.subjects).toEqual([103, 105]);
    expect(ok.manifest.source.allVerified).toBe(true);
    expect(ok.manifest.source.unverifiedAllowed).toBe(false);

    const altered = { ...files };
    const b = Uint8Array.from(altered['PAMAP2_Dataset/Protocol/subject103.dat']!);
    const at = b.indexOf(0x35); // first '5' digit → '6': still a valid PAMAP2 line
    b[at] = 0x36;
    altered['PAMAP2_Dataset/Protocol/subject103.dat'] = b;
    const zip = join(tmp, 'altered.zip');
    await writeFile(zip, zipSync(altered, { level: 1 }));
    await expect(runDataCommand(opts('altered', { source: zip, expectedHashes, subjects: [103, 105] }))).rejects.toThrow(
      /^PAMAP2_Dataset\/Protocol\/subject103\.dat: SHA-256 .* refused/,
    );
  });

  it('a truncated file is rejected with its name and line, even with --unverified', async () => {
    const cut = { ...files };
    const b = cut['PAMAP2_Dataset/Protocol/subject102.dat']!;
    cut['PAMAP2_Dataset/Protocol/subject102.dat'] = b.subarray(0, Math.floor(b.length / 2));
    const zip = join(tmp, 'truncated.zip');
    await writeFile(zip, zipSync(cut, { level: 1 }));
    await expect(runDataCommand(opts('truncated', { source: zip, unverified: true, subjects: [102] }))).rejects.toThrow(
      /^PAMAP2_Dataset\/Protocol\/subject102\.dat:\d+: truncated line: \d+ of 54 columns/,
    );
  });

  it('an empty Protocol file and a zip without Protocol files are rejected by name', async () => {
    const zip = join(tmp, 'empty-entry.zip');
    await writeFile(zip, zipSync({ ...files, 'PAMAP2_Dataset/Protocol/subject103.dat': new Uint8Array(0) }, { level: 1 }));
    await expect(runDataCommand(opts('empty', { source: zip, unverified: true, subjects: [103] }))).rejects.toThrow(
      /^PAMAP2_Dataset\/Protocol\/subject103\.dat: empty file/,
    );
    const other = join(tmp, 'other.zip');
    await writeFile(other, zipSync({ 'data/readme.txt': enc.encode('hello') }));
    await expect(runDataCommand(opts('other', { source: other, unverified: true }))).rejects.toThrow(
      /other\.zip: no Protocol\/subject10N\.dat inside/,
    );
  });

  it('a folder in the UCI layout gives the same shards as the zip', async () => {
    const dir = join(tmp, 'folder-src');
    await mkdir(join(dir, 'PAMAP2_Dataset', 'Protocol'), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    const r = await runDataCommand(opts('folder', { source: dir, unverified: true, subjects: [102, 108] }));
    expect(r.manifest.source.kind).toBe('folder');
    expect(r.manifest.source.files.map((f) => f.name)).toEqual([
      'PAMAP2_Dataset/Protocol/subject102.dat',
      'PAMAP2_Dataset/Protocol/subject108.dat',
    ]);
    expect(shardHashes(r.manifest)).toEqual(refDl());
  });

  it('the UCI download as a local file (a zip holding PAMAP2_Dataset.zip) gives the same shards as PAMAP2_Dataset.zip', async () => {
    const zip = join(tmp, 'pamap2+physical+activity+monitoring.zip');
    await writeFile(zip, nestedZip);
    const r = await runDataCommand(opts('nested-file', { source: zip, ...DL }));
    expect(r.manifest.source).toMatchObject({ kind: 'zip', location: 'pamap2+physical+activity+monitoring.zip' });
    expect(r.manifest.source.files.map((f) => f.name)).toEqual([
      'PAMAP2_Dataset/Protocol/subject102.dat',
      'PAMAP2_Dataset/Protocol/subject108.dat',
    ]);
    expect(shardHashes(r.manifest)).toEqual(refDl());
  });

  it('a truncated zip is rejected naming the archive', async () => {
    const zip = join(tmp, 'cut.zip');
    await writeFile(zip, (await readFile(plainZip)).subarray(0, 200_000));
    await expect(runDataCommand(opts('cutzip', { source: zip, unverified: true }))).rejects.toThrow(
      /^cut\.zip.*(cut short|archive ends inside)/,
    );
  });

  it('downloads the UCI-style nested zip over HTTP and gives the same shards', async () => {
    const r = await runDataCommand(opts('http', { source: `${base}/ok/pamap2.zip`, ...DL }));
    expect(r.manifest.source.kind).toBe('url');
    expect(r.manifest.subjects).toEqual([102, 108]);
    expect(shardHashes(r.manifest)).toEqual(refDl());
  });

  it('a download cut halfway resumes with a Range request; result identical', async () => {
    const logs: string[] = [];
    const r = await runDataCommand(opts('resume', { source: `${base}/cut/pamap2.zip`, ...DL }), (l) => logs.push(l));
    const mine = requests.filter((q) => q.path === '/cut/pamap2.zip');
    expect(mine).toHaveLength(2);
    expect(mine[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(mine[1]!.range!)![0])).toBeGreaterThan(0);
    expect(logs.some((l) => /resuming at byte \d+/.test(l))).toBe(true);
    expect(shardHashes(r.manifest)).toEqual(refDl());
    expect(sha(await readFile(join(tmp, 'resume', 'dl', 'pamap2.zip')))).toBe(sha(nestedZip));
  });

  it('a download cut halfway from a server that ignores Range restarts cleanly; result identical', async () => {
    const logs: string[] = [];
    const r = await runDataCommand(opts('restart', { source: `${base}/norange/cut/pamap2.zip`, ...DL }), (l) => logs.push(l));
    expect(requests.filter((q) => q.path === '/norange/cut/pamap2.zip')).toHaveLength(2);
    expect(logs.some((l) => /ignored the range request.*restarting from 0/.test(l))).toBe(true);
    expect(shardHashes(r.manifest)).toEqual(refDl());
    expect(sha(await readFile(join(tmp, 'restart', 'dl', 'pamap2.zip')))).toBe(sha(nestedZip));
  });

  it('the reference hashes in code equal the table in data/pamap2/SOURCE.md', async () => {
    const md = await readFile('data/pamap2/SOURCE.md', 'utf8');
    const table = [...md.matchAll(/^subject(10\d)\.dat\s+(\d+)\s+([0-9a-f]{64})$/gm)].map((m) => [Number(m[1]), Number(m[2]), m[3]]);
    expect(table).toHaveLength(9);
    expect(table).toEqual([...PROTOCOL_FILE_HASHES].map(([s, h]) => [s, h.bytes, h.sha256]));
  });

  it('the CLI exits 1 and names the refused file', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'scripts/data-pamap2.ts', '--source', plainZip, '--subjects', '109,103', '--out', join(tmp, 'cli')],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/data:pamap2: PAMAP2_Dataset\/Protocol\/subject103\.dat: SHA-256 .* refused/);
  });
});
