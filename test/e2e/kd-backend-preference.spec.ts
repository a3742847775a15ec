/**
 * The KD demo PREFERS the backend it measured fastest (a few training steps per candidate,
 * demos/kd/run/calibrate.ts); the reader forced nothing, so the badge says
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
  // Not forced: the worker measured its candidates (demos/kd/run/calibrate.ts), runs the faster
  // one and says what it measured beside the badge.
  const note = page.getByTestId('kd-backend-note');
  await expect(note).toHaveAttribute('data-measured', /^(wasm|webgpu)$/, { timeout: 60_000 });
  const chosen = (await note.getAttribute('data-measured'))!;
  await expect(badge).toHaveAttribute('data-backend', chosen);
  await expect(badge).toHaveAttribute('data-preferred', 'true');
  await expect(badge).toContainText(`${chosen} [preferred]`);
  await expect(note).toContainText(new RegExp(`^${chosen} — 학습 한 단계 \\d+\\.\\d ms.*\\[측정: 이 기기에서 \\d+\\.\\d초\\]`));
  // With a WebGPU adapter (SwiftShader here) both candidates were measured.
  if (info.project.name === 'chromium-webgpu') await expect(note).toContainText(chosen === 'wasm' ? 'webgpu' : 'wasm');

  await page.goto(`${KD_PAGE}?backend=cpu`);
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await expect(badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(badge).toHaveAttribute('data-forced', 'true');
  await expect(badge).toHaveAttribute('data-preferred', 'false');
  await expect(badge).toContainText('cpu [forced]');
  await expect(page.getByTestId('kd-backend-note')).toHaveAttribute('data-measured', ''); // forced: nothing measured
});
