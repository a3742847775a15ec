import { test, expect, type Page } from '@playwright/test';

// tfjs-core's bundle always contains this string (its kernel registry's global key), so a
// script body containing it means tfjs was shipped to the page.
const TFJS_MARKER = 'kernelRegistry';

interface Recorder {
  urls: string[];
  tfjs: string[];
  inflight: number;
  lastActivity: number;
  reads: Array<Promise<void>>;
}

/** Records every response, and which scripts are tfjs; body reads are kept so they can be awaited. */
function recordScripts(page: Page): Recorder {
  const rec: Recorder = { urls: [], tfjs: [], inflight: 0, lastActivity: Date.now(), reads: [] };
  const done = () => {
    rec.inflight--;
    rec.lastActivity = Date.now();
  };
  page.on('request', () => {
    rec.inflight++;
    rec.lastActivity = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (res) => {
    const url = res.url();
    rec.urls.push(url);
    const type = res.headers()['content-type'] ?? '';
    if (!/javascript|wasm/.test(type) && !/\.(m?js|wasm)(\?|$)/.test(url)) return;
    if (/\.wasm(\?|$)/.test(url)) {
      rec.tfjs.push(url);
      return;
    }
    rec.reads.push(
      res
        .text()
        .catch(() => '')
        .then((body) => {
          if (body.includes(TFJS_MARKER)) rec.tfjs.push(url);
        }),
    );
  });
  return rec;
}

/**
 * Waits until the page has had no request in flight for `quietMs`, then until every response
 * body seen so far has been read and classified (repeating if reading let new requests start),
 * so an assertion on `rec` sees everything the page has loaded by then.
 */
async function settle(rec: Recorder, quietMs = 750, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    while (rec.inflight > 0 || Date.now() - rec.lastActivity < quietMs) {
      if (Date.now() > end) throw new Error(`network did not settle in ${timeoutMs} ms (${rec.inflight} request(s) in flight)`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const n = rec.reads.length;
    await Promise.all(rec.reads);
    if (rec.reads.length === n && rec.inflight === 0) return;
  }
}

for (const path of ['./', 'results/']) {
  test(`a page without a demo (${path}) loads no tfjs`, async ({ page }) => {
    const rec = recordScripts(page);
    await page.goto(path);
    await settle(rec);
    await page.mouse.wheel(0, 5000); // scrolling must not pull it in either
    await settle(rec);
    expect(rec.urls.length).toBeGreaterThan(0);
    expect(rec.tfjs).toEqual([]);
  });
}

test('the Transformer page loads tfjs only after the demo scrolls into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rec = recordScripts(page);
  await page.goto('study/transformer/');
  await settle(rec);
  await expect(page.locator('attention-demo .attn-poster')).toHaveCount(1); // static figure first
  expect(rec.tfjs).toEqual([]);
  await page.locator('attention-demo').scrollIntoViewIfNeeded();
  await expect(page.locator('attention-demo .runtime-badge')).toBeVisible({ timeout: 90_000 });
  await settle(rec);
  expect(rec.tfjs.length).toBeGreaterThan(0);
});
