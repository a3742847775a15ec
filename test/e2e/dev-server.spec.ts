/**
 * `npm run dev` works for the demos (the README's way to work on the site). The dev server
 * serves workers and tfjs differently from the build (Vite's dependency pre-bundle, unbundled
 * ES-module workers), so a worker can fail only there (e.g. "Cannot evaluate flag 'DEBUG'" when
 * the gradients were registered before tfjs-core's entry).
 * Starts `astro dev` on its own port (base '/', own cache dir), then checks that the KD
 * worker and the ViT worker come up and compute. chromium-fallback only.
 */
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';

const PORT = Number(process.env.E2E_DEV_PORT ?? 4451);
const ORIGIN = `http://127.0.0.1:${PORT}`;
let dev: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dev = spawn('node_modules/.bin/astro', ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...process.env, BASE_PATH: '', SITE_URL: '', ASTRO_CACHE_DIR: '.work/e2e-dev-cache' },
    stdio: 'ignore',
    detached: true,
  });
  const t0 = Date.now();
  for (;;) {
    const ok = await fetch(`${ORIGIN}/research/kd-method/`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() - t0 > 150_000) throw new Error('astro dev did not start');
    await new Promise((r) => setTimeout(r, 1000));
  }
});

test.afterAll(() => {
  if (dev?.pid) {
    try {
      process.kill(-dev.pid);
    } catch {
      /* already gone */
    }
  }
});

test('dev server: the KD worker starts (backend, WASM kernels) and the ViT worker computes', async ({ page }, info) => {
  test.skip(info.project.name !== 'chromium-fallback', 'one browser set-up is enough');
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ORIGIN}/research/kd-method/`);
  const kd = page.locator('kd-run-demo');
  await kd.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 150_000 });
  expect(await kd.getAttribute('data-error')).toBeNull();
  await expect(page.getByTestId('kd-badge')).not.toHaveAttribute('data-backend', 'none');
  await expect(kd).toHaveAttribute('data-wasm-kernels', /^(on|n\/a)$/);
  // The second KD worker (a nested worker from a .ts URL) starts under the dev server too, when the page may use two threads.
  const threads = Number(await page.getByTestId('kd-badge').getAttribute('data-threads'));
  await expect(kd).toHaveAttribute('data-lanes', threads >= 2 ? '2' : '1');

  await page.goto(`${ORIGIN}/study/vit/`);
  const vit = page.locator('vit-demo');
  await vit.scrollIntoViewIfNeeded();
  await expect(vit).toHaveAttribute('data-state', 'ready', { timeout: 150_000 });
  await vit.getByRole('button', { name: /고양이/ }).click();
  await expect(vit).toHaveAttribute('data-image', 'chelsea.png');
  await expect(vit).toHaveAttribute('data-state', 'ready');
  await expect(vit.locator('[data-vit="patches"]')).toHaveText('196');
  expect(errors).toEqual([]);
});
