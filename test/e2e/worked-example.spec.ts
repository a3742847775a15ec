import { test, expect } from '@playwright/test';

// The Transformer page's worked example (static, computed at build time) and its
// "데모에서 열기" link: the demo opens in the same state and shows the same numbers.
// GPU backends sum in another order in float32: |demo − example| <= TOL.
const TOL = 2e-3;

const nums = (s: string | null): number[] => JSON.parse(s ?? '[]') as number[];

test('"데모에서 열기" opens the demo on the same sentence, head and query, with the same numbers', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('study/transformer/');
  const ex = page.locator('[data-testid="worked-example"]');
  await expect(ex).toHaveCount(1);
  const want = {
    q: nums(await ex.getAttribute('data-q')),
    scaled: nums(await ex.getAttribute('data-scaled')),
    weights: nums(await ex.getAttribute('data-weights')),
    z: nums(await ex.getAttribute('data-z')),
  };
  expect(want.weights).toHaveLength(3);
  expect(want.z).toHaveLength(4);
  const shownWeights = want.weights.map((w) => w.toFixed(3));
  // The example prints that row in its weights table (the highlighted query row).
  await expect(ex.locator('table', { hasText: '어텐션 가중치' }).locator('tr.we-sel td')).toHaveText(shownWeights);

  await ex.getByTestId('worked-example-link').click();
  const demo = page.locator('attention-demo');
  await expect(demo).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  const url = new URL(page.url());
  expect(url.hash).toBe('#attention-demo');
  expect(url.searchParams.get('attn-text')).toBe('고양이가 생선을 먹었다');
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '3');
  await expect(page.locator('.attn-token[aria-pressed="true"]')).toHaveText('생선을');
  await expect(page.locator('.attn-head-btn[aria-pressed="true"]')).toHaveText('헤드 1');
  await expect(page.locator('#attn-d')).toHaveValue('16');
  await expect(page.locator('#attn-h')).toHaveValue('4');

  const f = page.locator('[data-testid="attn-formula"]');
  const got = { weights: nums(await f.getAttribute('data-weights')), z: nums(await f.getAttribute('data-z')) };
  const far = (a: number[], b: number[]) => a.length !== b.length || a.some((v, i) => Math.abs(v - b[i]!) > TOL);
  expect(far(got.weights, want.weights), `weights ${got.weights} vs ${want.weights}`).toBe(false);
  expect(far(got.z, want.z), `z ${got.z} vs ${want.z}`).toBe(false);
  // What the reader sees in the demo's formula: the same rounded α and s.
  const text = (await f.textContent()) ?? '';
  for (const w of shownWeights) expect(text).toContain(w);
  for (const s of want.scaled) expect(text).toContain(s.toFixed(2).replace('-', '−'));
});
