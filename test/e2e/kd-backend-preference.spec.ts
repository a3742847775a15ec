/**
 * The KD demo PREFERS WASM for training where the GPU would not help (software WebGPU/WebGL,
 * src/islands/kd/backend-preference.ts); the reader forced nothing, so the badge says
 * "[preferred]", never "[forced]", and the page URL stays as the reader opened it. `?backend=`
 * still forces. In chromium-webgpu (software adapter) and chromium-fallback alike.
 */
import { test, expect } from '@playwright/test';
import { KD_PAGE, openKdPage } from './kd-helpers';

test('default load: a preferred backend, not a forced one; ?backend= still forces @webgpu', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openKdPage(page);
  const badge = page.getByTestId('kd-badge');
  await expect(badge).not.toHaveAttribute('data-backend', 'none');
  await expect(badge).toHaveAttribute('data-forced', 'false');
  await expect(badge).not.toContainText('[forced]');
  expect(new URL(page.url()).searchParams.has('backend')).toBe(false);
  if (info.project.name === 'chromium-webgpu') {
    // SwiftShader's adapter is software: WASM is preferred, and the badge says so.
    await expect(badge).toHaveAttribute('data-backend', 'wasm');
    await expect(badge).toHaveAttribute('data-preferred', 'true');
    await expect(badge).toContainText('wasm [preferred]');
    await expect(page.getByTestId('kd-backend-note')).toContainText('소프트웨어');
  }

  await page.goto(`${KD_PAGE}?backend=cpu`);
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await expect(badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(badge).toHaveAttribute('data-forced', 'true');
  await expect(badge).toHaveAttribute('data-preferred', 'false');
  await expect(badge).toContainText('cpu [forced]');
});
