/**
 * Browser half of bench:kd-run, threads: the KD page's default run on wasm in Chromium, one
 * thread (`?threads=1`: tfjs's single-threaded SIMD build, one worker) against all cores (two KD
 * workers, demos/kd/run/lanes.ts, each on tfjs's threaded build with the fast path's matMul
 * helpers sharing out the rest of the cores), rounds
 * interleaved so a burst of other load hits both alike; the site is served without COOP/COEP
 * headers, as GitHub Pages serves it, and isolated by its own service worker (first visit).
 * Beside it, PyTorch (bench/pytorch_train.py, Debian /usr/bin/python3) on 1 and 2 threads for
 * the same training steps (models, batch, GAF size of the default run; training steps only, no
 * data preparation or evaluation, so it is a lower bound for the same work).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from './kd-run-browser';
import { median } from './median';
import { busiest, threadCpu } from './thread-cpu';
import { DEFAULT_CONFIG } from '../demos/kd/run/config';
import { PHASES } from '../demos/kd/experiment/phases';
import { defaultSplitFor } from '../demos/kd/experiment/split';
import { runInputs } from '../demos/kd/experiment/inputs';
import type { Windows } from '../demos/kd/pamap2/window-source';

interface RunTimes {
  total: number;
  phases: number[];
  badge: string;
  /** KD workers that trained (demos/kd/run/lanes.ts). */
  lanes: string;
}

/**
 * One run in a fresh browser context: no trained phase cached in IndexedDB from an earlier run,
 * and the service worker registers anew (the first visit reloads once, then the page is isolated).
 */
async function runOnce(browser: Browser, url: string): Promise<RunTimes> {
  const ctx = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    return await runIn(await ctx.newPage(), url);
  } finally {
    await ctx.close();
  }
}

/** Opens the page until its start button is enabled (polling every 100 ms: 'raf' polling would make the page draw frames). */
async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => crossOriginIsolated, null, { timeout: 30_000, polling: 100 });
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="kd-start"]') as HTMLButtonElement | null)?.disabled, null, {
    timeout: 120_000,
    polling: 100,
  });
}

/** Clicks start and times the run on the page's clock, from the click to data-done (no polling while it runs). */
async function timeRun(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const root = document.querySelector('kd-run-demo')!;
        const t0 = performance.now();
        const seen = new MutationObserver(() => {
          if (root.getAttribute('data-done') !== 'true') return;
          seen.disconnect();
          resolve(performance.now() - t0);
        });
        seen.observe(root, { attributes: true, attributeFilter: ['data-done'] });
        (document.querySelector('[data-testid="kd-start"]') as HTMLButtonElement).click();
      }),
  );
}

async function runIn(page: Page, url: string): Promise<RunTimes> {
  await ready(page, url);
  const badge = (await page.getByTestId('kd-badge').textContent()) ?? '';
  const lanes = (await page.locator('kd-run-demo').getAttribute('data-lanes')) ?? '?';
  const total = await timeRun(page);
  const phases = await Promise.all(PHASES.map(async (p) => Number(await page.getByTestId(`kd-row-${p}`).getAttribute('data-ms'))));
  return { total, phases, badge, lanes };
}

/**
 * What a second core can give at all in this browser on this machine: one single-threaded run
 * alone vs two at once in two pages (each ?threads=1). If two independent runs at once each take
 * c× as long, no split of one run over two cores beats 2/c×.
 */
async function ceiling(browser: Browser, url: string, rounds: number): Promise<{ alone: number; together: number }> {
  const alone: number[] = [],
    together: number[] = [];
  // Fresh contexts each time: a context that ran once would take its teachers from IndexedDB.
  for (let r = 0; r < rounds; r++) {
    const ctxs = await Promise.all([0, 1, 2].map(() => browser.newContext({ serviceWorkers: 'allow' })));
    try {
      const pages = await Promise.all(ctxs.map((c) => c.newPage()));
      for (const p of pages) await ready(p, url);
      alone.push(await timeRun(pages[0]!));
      together.push(Math.max(...(await Promise.all(pages.slice(1).map(timeRun)))));
    } finally {
      await Promise.all(ctxs.map((c) => c.close()));
    }
  }
  return { alone: median(alone), together: median(together) };
}

/** PyTorch seconds for `steps` training steps of each (config, count) pair, on `threads` threads. */
function torchSeconds(threads: number, parts: { config: string; steps: number }[]): number | null {
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      ['bench/pytorch_train.py', '--threads', String(threads), '--steps', '5', ...parts.flatMap((p) => ['--config', p.config])],
      { encoding: 'utf8', timeout: 600_000 },
    );
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { wall_s: number });
    return rows.reduce((s, r, i) => s + r.wall_s * parts[i]!.steps, 0);
  } catch {
    return null;
  }
}

/** One more run in a fresh context, with the CPU each browser thread used during it (Linux /proc). */
async function threadsBusy(browser: Browser, url: string): Promise<string> {
  const ctx = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await ctx.newPage();
    await ready(page, url);
    const bs = await browser.newBrowserCDPSession();
    const info = (await bs.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
    const pids = info.processInfo.map((p) => p.id);
    const before = await threadCpu(pids);
    const ms = await timeRun(page);
    const top = busiest(before, await threadCpu(pids));
    const sum = top.reduce((a, t) => a + t.ms, 0);
    return `${top.map((t) => `${t.name} ${t.ms}`).join(', ')} ms — ${(sum / 1000).toFixed(2)} CPU-s in ${(ms / 1000).toFixed(2)} s`;
  } finally {
    await ctx.close();
  }
}

export async function browserThreadComparison(dist: string, windows: Windows, rounds = 3): Promise<void> {
  const { url, close } = await serve(dist);
  const page0 = `${url}research/kd-method/?backend=wasm`;
  const single: RunTimes[] = [],
    multi: RunTimes[] = [];
  const load0 = loadavg()[0]!;
  let limit = { alone: Number.NaN, together: Number.NaN };
  const cpu: { what: string; threads: string }[] = [];
  try {
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      await runOnce(browser, page0); // warm-up (OS file cache, the server)
      for (let r = 0; r < rounds; r++) {
        single.push(await runOnce(browser, `${page0}&threads=1`));
        multi.push(await runOnce(browser, page0));
      }
      limit = await ceiling(browser, `${page0}&threads=1`, rounds);
      for (const q of ['&threads=1', ''])
        cpu.push({ what: q ? 'one thread' : 'threaded', threads: await threadsBusy(browser, `${page0}${q}`) });
    } finally {
      await browser.close();
    }
  } finally {
    close();
  }
  const med = (xs: RunTimes[]) => ({
    total: median(xs.map((x) => x.total)),
    phases: PHASES.map((_, i) => median(xs.map((x) => x.phases[i]!))),
  });
  const s = med(single),
    m = med(multi);
  const ratio = s.total / m.total;
  console.log(
    `\nchromium wasm, default run, ${rounds} rounds interleaved (median; load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}, ${cpus().length} cores):`,
  );
  console.log(
    `  1 thread : ${(s.total / 1000).toFixed(2)} s  [${s.phases.map((x) => (x / 1000).toFixed(2)).join(' / ')}]  ${single[0]?.badge ?? ''}`,
  );
  console.log(
    `  threaded : ${(m.total / 1000).toFixed(2)} s  [${m.phases.map((x) => (x / 1000).toFixed(2)).join(' / ')}]  ${multi[0]?.badge ?? ''}`,
  );
  console.log(
    `  all runs (s): 1 thread ${single.map((x) => (x.total / 1000).toFixed(2)).join(', ')}; threaded ${multi.map((x) => (x.total / 1000).toFixed(2)).join(', ')}`,
  );
  console.log(
    `  threaded speed-up ${ratio.toFixed(2)}× (KD workers: ${multi.map((x) => x.lanes).join(', ')}) — target ≥ 1.6×: ${ratio >= 1.6 ? 'MET' : 'NOT MET'}`,
  );
  const c = limit.together / limit.alone;
  console.log(
    `  ceiling: one single-threaded run alone ${(limit.alone / 1000).toFixed(2)} s, two at once in two pages ${(limit.together / 1000).toFixed(2)} s ` +
      `(each ${c.toFixed(2)}× slower) → a second core gives at most ${(2 / c).toFixed(2)}× here`,
  );
  for (const c of cpu) console.log(`  CPU by thread during one run, ${c.what}: ${c.threads}`);
  // The same training steps in PyTorch: teacher-gaf (2D) + three 1D phases (teacher, student CE, student KD).
  const cfg = { ...DEFAULT_CONFIG, split: defaultSplitFor('excerpt') };
  const n = runInputs(windows, cfg).signal.train.n;
  const steps = cfg.epochs * (Math.floor(n / cfg.batchSize) + (n % cfg.batchSize > 1 ? 1 : 0));
  const parts = [
    { config: `2:16:1:${cfg.batchSize}:${cfg.gafSize}`, steps },
    { config: `1:16:1:${cfg.batchSize}:100`, steps: 3 * steps },
  ];
  const t1 = torchSeconds(1, parts),
    t2 = torchSeconds(2, parts);
  console.log(
    `  PyTorch CPU, the run's ${4 * steps} training steps (${n} windows, batch ${cfg.batchSize}, ${cfg.epochs} epochs): ` +
      `1 thread ${t1 === null ? 'n/a' : `${t1.toFixed(2)} s`}, 2 threads ${t2 === null ? 'n/a' : `${t2.toFixed(2)} s`}` +
      `${t1 && t2 ? ` (${(t1 / t2).toFixed(2)}× from threads)` : ''}`,
  );
}
