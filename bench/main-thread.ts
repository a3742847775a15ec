/**
 * npm run bench:main-thread [-- --dist DIR] [--rounds N] — how responsive the main thread stays
 * while the demos compute in their workers, the numbers the e2e tests used to assert as limits
 * (test/e2e/kd-run.spec.ts, test/e2e/vit.spec.ts now assert behaviour and leave the figures here):
 *   - KD page, default run: wall time of the run and the longest main-thread task (PerformanceObserver
 *     'longtask', tasks ≥ 50 ms) while the worker trains;
 *   - ViT page, p = 8, D = 768: the longest gap between animation frames while the worker computes.
 * A built site under base /notes/ (default $ASTRO_OUT_DIR or dist/), served here; Debian's Chromium
 * without a GPU adapter (what the chromium-fallback e2e project sees). Median over the rounds.
 */
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { serve } from './kd-run-browser';
import { median } from './median';
import { option } from '../scripts/cli-args';

const dist = option('dist') ?? process.env['ASTRO_OUT_DIR'] ?? 'dist';
const rounds = Number(option('rounds') ?? 3);

/** One default KD run: seconds on the page's clock and the longest main-thread task (ms). */
async function kdRun(page: Page, url: string): Promise<{ seconds: number; longestTaskMs: number; backend: string }> {
  await page.goto(`${url}research/kd-method/`);
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="kd-start"]') as HTMLButtonElement | null)?.disabled, null, {
    timeout: 120_000,
  });
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.getByTestId('kd-start').click();
  await page.waitForFunction(() => document.querySelector('kd-run-demo')?.getAttribute('data-done') === 'true', null, { timeout: 600_000 });
  const seconds = (Date.now() - t0) / 1000;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return {
    seconds,
    longestTaskMs: Math.max(0, ...long),
    backend: (await page.getByTestId('kd-badge').getAttribute('data-backend')) ?? '?',
  };
}

/** The ViT demo switched to p = 8, D = 768: the longest gap between animation frames (ms) until the worker's result is drawn. */
async function vitGap(page: Page, url: string): Promise<number> {
  await page.goto(`${url}study/vit/`);
  const demo = page.locator('vit-demo');
  await demo.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector<HTMLElement>('vit-demo')?.dataset['state'] === 'ready', null, {
    timeout: 90_000,
  });
  // As a string: tsx (esbuild keepNames) would wrap a named function here in a helper the page lacks.
  await page.evaluate(`(() => {
    window.maxGap = 0;
    window.last = performance.now();
    const tick = (t) => {
      window.maxGap = Math.max(window.maxGap, t - window.last);
      window.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await demo.locator('[data-vit="dim-select"]').selectOption('768');
  await demo.locator('input[name="vit-patch"][value="8"]').check();
  await page.waitForFunction(() => document.querySelector<HTMLElement>('vit-demo')?.dataset['seq'] === '785x768', null, {
    timeout: 90_000,
  });
  return page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
}

const { url, close } = await serve(dist);
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const kd: { seconds: number; longestTaskMs: number; backend: string }[] = [];
const gaps: number[] = [];
try {
  console.log(
    `main-thread bench: ${dist}, ${rounds} round(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (let r = 0; r < rounds; r++) {
    // A fresh context per round: an empty IndexedDB, so every KD phase trains again.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const k = await kdRun(page, url);
    const g = await vitGap(page, url);
    await ctx.close();
    kd.push(k);
    gaps.push(g);
    console.log(
      `round ${r + 1}: KD default run ${k.seconds.toFixed(1)} s on ${k.backend}, longest main-thread task ${k.longestTaskMs.toFixed(0)} ms; ViT p=8 D=768 longest frame gap ${g.toFixed(0)} ms`,
    );
  }
  console.log(
    `median: KD run ${median(kd.map((k) => k.seconds)).toFixed(1)} s, longest task ${median(kd.map((k) => k.longestTaskMs)).toFixed(0)} ms; ViT frame gap ${median(gaps).toFixed(0)} ms (load average ${loadavg()[0]!.toFixed(1)})`,
  );
} finally {
  await browser.close();
  close();
}
