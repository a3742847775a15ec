/**
 * `npm run bench:kd-run -- --full-share [--json FILE] [--dist DIR] [--rebuild] [--no-webgpu] [--no-pytorch]`:
 * the page's default runs as a reader starts them, in Debian's Chromium, on a site built the
 * way GitHub Pages builds it (BASE_PATH=/notes, no trailing slash; built into DIR, default
 * .work/dist-bench, when DIR has no index.html or with --rebuild):
 *
 *  1. the bundled excerpt's default run (?backend=wasm), page clock;
 *  2. the full-share default run on the SYNTHETIC full-size share (bench/load-test-share.ts,
 *     written under .work/ when missing): LOSO 101, ≤ 3,000 windows, 10 epochs, the batch the
 *     page picks for the share, all four models, the page's own evaluation; per phase and per
 *     epoch, where the time went (SGD steps / precise BN / evaluation / teacher agreement+KL),
 *     read from the worker's epoch messages (demos/kd/run/phases.ts EpochMs);
 *  3. PyTorch (Debian's /usr/bin/python3, torch threads = 2, --torch-threads N) doing the same
 *     training steps: the same four models, batch, epochs and training-window count
 *     (bench/pytorch_kd_run.py; by default the median of 12 timed steps per model scaled to the
 *     run's step count, --torch-sample 0 runs them all);
 *  4. today's tfjs WebGPU training step per model kind (Chromium's software adapter,
 *     --enable-unsafe-webgpu): GPU dispatches, queue submissions, GPU→CPU reads and the CPU
 *     time to issue one step (bench/kd-webgpu-steps.ts).
 * Numbers come from real runs; nothing here is a timed test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { hasFlag, option } from '../scripts/cli-args';
import { serve } from './kd-run-browser';
import { DEFAULT_LOAD_TEST_DIR, loadTestShare } from './load-test-share';
import { webgpuSteps, type WebGpuStep } from './kd-webgpu-steps';

const PHASES = ['teacher-gaf', 'teacher-signal', 'student-ce', 'student-kd'] as const;
type Ms = { train: number; bn: number; eval: number; fit: number };
/** What the page's worker posts, recorded by the init script below (only the fields read here). */
interface Seen {
  t: number;
  type: string;
  phase?: string;
  epoch?: number;
  ms?: Ms;
  result?: { phase: string; ms: number; trainWindows: number; testWindows: number; lastAcc: number };
  train?: number;
  test?: number;
  workers?: number;
  info?: { backend: string; threads: number };
}
export interface RunFigures {
  seconds: number;
  batch: number;
  epochs: number;
  trainWindows: number;
  testWindows: number;
  workers: number;
  phases: Array<{ phase: string; seconds: number; lastAcc: number; epochs: Ms[] }>;
}

/** Records the KD workers' messages in window.__kdSeen (Worker wrapped before the page's scripts run). */
const RECORD = `(() => {
  const W = window.Worker; window.__kdSeen = [];
  const keep = new Set(['epoch', 'phase-start', 'phase-done', 'fold-info', 'lanes', 'runtime']);
  window.Worker = class extends W { constructor(u, o) { super(u, o);
    this.addEventListener('message', (e) => { const d = e.data;
      if (d && typeof d === 'object' && keep.has(d.type)) window.__kdSeen.push({ t: performance.now(), ...JSON.parse(JSON.stringify(d, (k, v) => (k === 'testLogits' || k === 'confusion' || k === 'curve' || k === 'testLabels' ? undefined : v))) });
    }); } };
})();`;

async function waitFor(page: Page, f: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    if (await page.locator('kd-run-demo[data-error]').count())
      throw new Error(`the page failed: ${await page.getByTestId('kd-status').textContent()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Clicks start and waits for the run; returns its figures from the recorded messages. */
async function runOnce(page: Page): Promise<RunFigures> {
  const from = await page.evaluate(() => (window as unknown as { __kdSeen: unknown[] }).__kdSeen.length);
  const batch = Number(await page.getByTestId('kd-batch').inputValue());
  const epochs = Number(await page.getByTestId('kd-epochs').inputValue());
  const t0 = Date.now();
  await page.getByTestId('kd-start').click();
  await waitFor(page, async () => (await page.locator('kd-run-demo').getAttribute('data-done')) === 'true', 1_800_000, 'the run to finish');
  const seconds = (Date.now() - t0) / 1000;
  const all = (await page.evaluate(() => (window as unknown as { __kdSeen: unknown[] }).__kdSeen)) as Seen[];
  const seen = all.slice(from);
  const fold = seen.find((m) => m.type === 'fold-info');
  // The workers message (lanes) comes once, when the page starts: from the whole record.
  const lanes = all.filter((m) => m.type === 'lanes').at(-1);
  const phases = PHASES.map((phase) => {
    const done = seen.find((m) => m.type === 'phase-done' && m.result?.phase === phase)?.result;
    return {
      phase,
      seconds: (done?.ms ?? Number.NaN) / 1000,
      lastAcc: done?.lastAcc ?? Number.NaN,
      epochs: seen.filter((m) => m.type === 'epoch' && m.phase === phase && m.ms).map((m) => m.ms!),
    };
  });
  return { seconds, batch, epochs, trainWindows: fold?.train ?? 0, testWindows: fold?.test ?? 0, workers: lanes?.workers ?? 1, phases };
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;

export function printRun(label: string, r: RunFigures): void {
  console.log(
    `\n${label}: ${r.seconds.toFixed(2)} s wall (page clock; ${r.workers} KD worker(s)), batch ${r.batch}, ${r.epochs} epochs, ${r.trainWindows} training / ${r.testWindows} test windows`,
  );
  console.log(
    '| phase | phase s | SGD steps s | precise BN s | evaluation s | agreement/KL s | other s (teacher logits, final evaluation) | extras / epoch time | last acc % |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.phases) {
    const t = {
      train: sum(p.epochs.map((e) => e.train)),
      bn: sum(p.epochs.map((e) => e.bn)),
      eval: sum(p.epochs.map((e) => e.eval)),
      fit: sum(p.epochs.map((e) => e.fit)),
    };
    const epochMs = t.train + t.bn + t.eval + t.fit;
    const other = 1000 * p.seconds - epochMs;
    const s = (ms: number): string => (ms / 1000).toFixed(2);
    console.log(
      `| ${p.phase} | ${p.seconds.toFixed(2)} | ${s(t.train)} | ${s(t.bn)} | ${s(t.eval)} | ${s(t.fit)} | ${s(other)} | ${pct(t.bn + t.eval + t.fit, epochMs)} | ${p.lastAcc.toFixed(1)} |`,
    );
  }
  console.log(`per epoch (ms: steps / precise BN / evaluation / agreement+KL):`);
  for (const p of r.phases)
    console.log(
      `  ${p.phase}: ${p.epochs.map((e, i) => `${i + 1}: ${e.train.toFixed(0)}/${e.bn.toFixed(0)}/${e.eval.toFixed(0)}/${e.fit.toFixed(1)}`).join('  ')}`,
    );
}

/** The site built as Pages builds it (BASE_PATH=/notes), unless `dist` already holds one. */
function ensureBuild(dist: string): void {
  if (existsSync(join(dist, 'index.html')) && !hasFlag('rebuild')) {
    console.log(`site: reusing the build in ${dist} (--rebuild to build again)`);
    return;
  }
  console.log(`site: building into ${dist} with BASE_PATH=/notes (as the Pages workflow passes it) …`);
  const r = spawnSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, BASE_PATH: '/notes', ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: `${dist}-cache` },
  });
  if (r.status !== 0) throw new Error(`astro build failed (${r.status})`);
}

/** Seconds PyTorch takes for the same training steps (bench/pytorch_kd_run.py), or null with why. */
function pytorchSeconds(r: RunFigures, gaf: number): { seconds: number | null; line: string } {
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      [
        'bench/pytorch_kd_run.py',
        '--threads',
        option('torch-threads') ?? '2',
        '--epochs',
        String(r.epochs),
        '--batch',
        String(r.batch),
        '--train',
        String(r.trainWindows),
        '--gaf',
        String(gaf),
        '--sample',
        option('torch-sample') ?? '12',
      ],
      { encoding: 'utf8', timeout: 1_200_000 },
    );
    const j = JSON.parse(out.trim().split('\n').at(-1)!) as {
      total_s: number;
      models: Record<string, number>;
      torch: string;
      sampled: number;
    };
    return {
      seconds: j.total_s,
      line: `PyTorch ${j.torch} (${option('torch-threads') ?? 2} threads), the same training steps: ${j.total_s.toFixed(2)} s${j.sampled ? ` (median of ${j.sampled} timed steps per model × the run's steps; --torch-sample 0 times every step)` : ''} (${Object.entries(
        j.models,
      )
        .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
        .join(', ')})`,
    };
  } catch (e) {
    return { seconds: null, line: `PyTorch: failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
}

export async function fullShareBench(): Promise<void> {
  const dist = option('dist') ?? '.work/dist-bench';
  const shareDir = option('share') ?? DEFAULT_LOAD_TEST_DIR;
  console.log(
    `bench:kd-run --full-share — ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}`,
  );
  ensureBuild(dist);
  const manifest = await loadTestShare(shareDir, console.log);
  console.log(
    `share: SYNTHETIC full-size load-test share ${shareDir}: ${manifest.totals.windows} windows, ${(manifest.totals.bytes / 1e6).toFixed(1)} MB`,
  );
  const { url, close } = await serve(dist, shareDir);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  let excerpt: RunFigures, full: RunFigures;
  try {
    const page = await browser.newPage();
    await page.addInitScript(RECORD);
    await page.goto(`${url}research/kd-method/?backend=wasm`);
    await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
    await waitFor(page, () => page.getByTestId('kd-start').isEnabled(), 300_000, 'the excerpt to load');
    excerpt = await runOnce(page);
    printRun('excerpt default run (chromium wasm)', excerpt);
    const radio = page.locator('input[name="kd-data"][value="full"]');
    await waitFor(page, async () => !(await radio.isDisabled()), 120_000, 'the page to offer the share');
    await radio.click();
    await waitFor(
      page,
      async () => ((await page.getByTestId('kd-data-summary').textContent()) ?? '').includes('전체 PAMAP2 샤드'),
      300_000,
      'the share to load',
    );
    await waitFor(page, () => page.getByTestId('kd-start').isEnabled(), 60_000, 'start after loading the share');
    full = await runOnce(page);
    printRun(`full-share default run (chromium wasm; load average ${loadavg()[0]!.toFixed(1)})`, full);
  } finally {
    await browser.close();
    close();
  }
  const torch = hasFlag('no-pytorch') ? { seconds: null, line: 'PyTorch: skipped (--no-pytorch)' } : pytorchSeconds(full, 16);
  console.log(`\n${torch.line}`);
  const trainS = sum(full.phases.flatMap((p) => p.epochs.map((e) => e.train))) / 1000;
  console.log(
    `full share: page ${full.seconds.toFixed(2)} s wall (target ≤ 30 s: ${full.seconds <= 30 ? 'MET' : 'NOT MET'}); its SGD steps ${trainS.toFixed(2)} s summed over phases` +
      (torch.seconds ? `; PyTorch / page wall = ${(torch.seconds / full.seconds).toFixed(2)}` : ''),
  );
  let steps: WebGpuStep[] = [];
  if (!hasFlag('no-webgpu')) {
    steps = await webgpuSteps(dist).catch((e: unknown) => {
      console.log(`webgpu steps: failed (${e instanceof Error ? e.message : String(e)})`);
      return [];
    });
  }
  const json = option('json');
  if (json) {
    const out = {
      date: new Date().toISOString(),
      machine: `${cpus()[0]?.model ?? '?'} × ${cpus().length}`,
      loadAverage: loadavg(),
      fullShare: { wasmSeconds: full.seconds, pytorchSeconds: torch.seconds, run: full },
      excerpt: { wasmSeconds: excerpt.seconds, run: excerpt },
      webgpu: { adapter: 'chromium --enable-unsafe-webgpu (software)', steps },
    };
    await writeFile(json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${json}`);
  }
}
