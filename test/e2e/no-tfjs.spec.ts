import { test, expect, type Page } from '@playwright/test';

// tfjs-core's bundle always contains this string (its kernel registry's global key), so a
// script body containing it means tfjs was shipped to the page.
const TFJS_MARKER = 'kernelRegistry';

function recordScripts(page: Page): { urls: string[]; tfjs: string[] } {
  const rec = { urls: [] as string[], tfjs: [] as string[] };
  page.on('response', async (res) => {
    const url = res.url();
    rec.urls.push(url);
    const type = res.headers()['content-type'] ?? '';
    if (/javascript|wasm/.test(type) || /\.(m?js|wasm)(\?|$)/.test(url)) {
      if (/\.wasm(\?|$)/.test(url)) { rec.tfjs.push(url); return; }
      const body = await res.text().catch(() => '');
      if (body.includes(TFJS_MARKER)) rec.tfjs.push(url);
    }
  });
  return rec;
}

for (const path of ['./', 'results/']) {
  test(`a page without a demo (${path}) loads no tfjs`, async ({ page }) => {
    const rec = recordScripts(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 5000); // scrolling must not pull it in either
    await page.waitForTimeout(500);
    expect(rec.urls.length).toBeGreaterThan(0);
    expect(rec.tfjs).toEqual([]);
  });
}

test('the Transformer page loads tfjs only after the demo scrolls into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rec = recordScripts(page);
  await page.goto('study/transformer/');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  await expect(page.locator('attention-demo .attn-poster')).toHaveCount(1); // static figure first
  expect(rec.tfjs).toEqual([]);
  await page.locator('attention-demo').scrollIntoViewIfNeeded();
  await expect(page.locator('attention-demo .runtime-badge')).toBeVisible({ timeout: 90_000 });
  expect(rec.tfjs.length).toBeGreaterThan(0);
});
