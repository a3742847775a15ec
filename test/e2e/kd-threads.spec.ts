/**
 * Threads for the KD demo's training on the built site under its sub-path, as GitHub Pages
 * serves it (no COOP/COEP headers from the server):
 *  - threaded: the page's service worker (coi-serviceworker, registered by the KD demo) makes the
 *    site cross-origin isolated after at most one reload; tfjs runs its threaded WASM build
 *    (minified bundle), the fast path's kernels run on its shared heap with helper workers, the
 *    badge says how many threads, a second KD worker (demos/kd/run/lanes.ts) trains the GAF
 *    teacher while the first trains the signal teacher, and the default run completes with the
 *    same numbers as on one thread (?threads=1, one worker);
 *  - fallback: with service workers unavailable the page is not isolated, trains on one thread,
 *    and the badge says so and why.
 */
import { test, expect, type Page } from '@playwright/test';
import { KD_PAGE, waitDone } from './kd-helpers';
import { FMA_PROBE, RELAXED_PROBE } from '@demos/kd/wasm/relaxed-probe';

/**
 * Opens the KD page on wasm, counting document loads of the main frame (not same-document URL
 * changes: the demos keep their controls in the URL with history.replaceState) and workers
 * (nested ones included).
 */
async function open(page: Page, query = ''): Promise<{ navigations: () => number; blobWorkers: () => number; laneWorkers: () => number }> {
  let navigations = 0,
    blobWorkers = 0,
    laneWorkers = 0;
  page.on('load', () => {
    navigations++;
  });
  page.on('worker', (w) => {
    if (w.url().startsWith('blob:')) blobWorkers++;
    if (w.url().includes('kd-lane-worker')) laneWorkers++;
  });
  await page.goto(`${KD_PAGE}?backend=wasm${query}`);
  const demo = page.locator('kd-run-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 90_000 });
  return { navigations: () => navigations, blobWorkers: () => blobWorkers, laneWorkers: () => laneWorkers };
}

/** What the results table shows of each model (not the durations), full precision. */
async function tableNumbers(page: Page): Promise<Record<string, Record<string, string | undefined>>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-testid^="kd-row-"]')].map((r) => {
        const { acc, f1, best, top, classes } = r.dataset;
        return [r.dataset['testid']!, { acc, f1, best, top, classes }];
      }),
    ),
  );
}

async function setSeed(page: Page, seed: number): Promise<void> {
  await page.getByTestId('kd-seed').fill(String(seed));
  await page.getByTestId('kd-seed').dispatchEvent('change');
}

/** Records the most phases the table shows as running at once (from before the click). */
async function watchRunning(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __maxRunning: number };
    w.__maxRunning = 0;
    const table = document.querySelector('kd-run-demo table')!;
    new MutationObserver(() => {
      w.__maxRunning = Math.max(w.__maxRunning, table.querySelectorAll('[data-state="running"]').length);
    }).observe(table, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
  });
  return () => page.evaluate(() => (window as unknown as { __maxRunning: number }).__maxRunning);
}

test.describe('threaded (service worker isolates the site)', () => {
  test.use({ serviceWorkers: 'allow' });
  test('isolated after at most one reload; threaded WASM + kernels on the shared heap; two workers; the default run completes with the numbers of one thread', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = await open(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(seen.navigations()).toBeLessThanOrEqual(2); // the first visit, and the one reload that puts it under the worker
    const badge = page.getByTestId('kd-badge');
    await expect(badge).toHaveAttribute('data-backend', 'wasm');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    test.skip(cores < 2, 'one CPU core: nothing to thread');
    const threads = Number(await badge.getAttribute('data-threads'));
    expect(threads).toBeGreaterThanOrEqual(2);
    await expect(badge).toContainText(`스레드 ${threads}개`);
    await expect(page.locator('kd-run-demo')).toHaveAttribute('data-wasm-kernels', 'on');
    // This Chromium has relaxed SIMD, so the kernels' matMul uses fused multiply-add (one rounding:
    // a·b − (1 + 2⁻¹¹) with a = b = 1 + 2⁻¹² is 2⁻²⁴ fused, 0 as a multiply then an add).
    expect(await page.evaluate((bytes) => WebAssembly.validate(new Uint8Array(bytes)), Array.from(RELAXED_PROBE))).toBe(true);
    expect(
      await page.evaluate((bytes) => {
        const f = (
          new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports as { f(a: number, b: number, c: number): number }
        ).f;
        return f(1 + 2 ** -12, 1 + 2 ** -12, -(1 + 2 ** -11));
      }, Array.from(FMA_PROBE)),
    ).toBe(2 ** -24);
    // tfjs's pthread workers and the kernels' helpers start from Blob URLs (without
    // scripts/vite-tfjs-threaded.mjs the minified build's pthread workers throw "e is not defined").
    expect(seen.blobWorkers()).toBeGreaterThanOrEqual(threads);
    // Two KD workers, and the reader is told so.
    await expect(page.locator('kd-run-demo')).toHaveAttribute('data-lanes', '2');
    expect(seen.laneWorkers()).toBe(1);
    await expect(page.getByTestId('kd-backend-note')).toContainText('작업자 2개');
    const maxRunning = await watchRunning(page);
    await page.getByTestId('kd-start').click();
    await waitDone(page);
    expect(errors).toEqual([]);
    expect(await maxRunning()).toBe(2); // both teachers train at once
    const twoLanes = await tableNumbers(page);
    // The second worker fails mid-run (another seed, so everything trains again): the first
    // finishes alone and says so.
    await setSeed(page, 7);
    await page.getByTestId('kd-start').click();
    await expect(page.locator('svg.kd-curve[data-phase="teacher-gaf"] polyline.kd-loss')).toHaveAttribute('points', /\d/, {
      timeout: 60_000,
    });
    await page.locator('kd-run-demo').dispatchEvent('kd-debug-fail-lane');
    await waitDone(page);
    await expect(page.locator('kd-run-demo')).toHaveAttribute('data-lanes', '1');
    await expect(page.getByTestId('kd-backend-note')).toContainText('두 번째 작업자가 멈췄습니다');
    const afterFailure = await tableNumbers(page);
    expect(errors).toEqual([]);
    // The same runs on one thread (one worker, fresh context: nothing cached) give the same numbers.
    const single = await browser.newContext({ serviceWorkers: 'allow', ...(baseURL ? { baseURL } : {}) });
    try {
      const p1 = await single.newPage();
      await open(p1, '&threads=1');
      await expect(p1.locator('kd-run-demo')).toHaveAttribute('data-lanes', '1');
      await p1.getByTestId('kd-start').click();
      await waitDone(p1);
      expect(await tableNumbers(p1)).toEqual(twoLanes);
      await setSeed(p1, 7);
      await p1.getByTestId('kd-start').click();
      await waitDone(p1);
      expect(await tableNumbers(p1)).toEqual(afterFailure);
    } finally {
      await single.close();
    }
    // Other pages of the site are under the same worker's scope: isolated with no reload.
    const before = seen.navigations();
    await page.goto('study/transformer/');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(seen.navigations()).toBe(before + 1);
  });
});

test.describe('fallback (no service worker, not isolated)', () => {
  test.use({ serviceWorkers: 'block' });
  test('one thread, and the badge says why; the kernels still run; no page error', async ({ page }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = await open(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(seen.navigations()).toBe(1);
    const badge = page.getByTestId('kd-badge');
    await expect(badge).toHaveAttribute('data-backend', 'wasm');
    await expect(badge).toHaveAttribute('data-threads', '1');
    await expect(badge).toContainText('스레드 1개 (교차 출처 격리가 없어 한 스레드로 계산합니다)');
    await expect(page.locator('kd-run-demo')).toHaveAttribute('data-wasm-kernels', 'on');
    await expect(page.locator('kd-run-demo')).toHaveAttribute('data-lanes', '1'); // one thread: one worker
    expect(seen.blobWorkers()).toBe(0);
    expect(seen.laneWorkers()).toBe(0);
    expect(errors).toEqual([]); // the page's registration copes with a blocked service worker
  });
});
