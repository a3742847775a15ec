import { test, expect, type Page } from '@playwright/test';

async function openStory(page: Page, query = '') {
  await page.goto(`research/kd-method/${query}`);
  const demo = page.locator('kd-story-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
  return demo;
}

test('the default KD story runs in the page: table, every seed as a point, the computed sentence', async ({ page }) => {
  test.setTimeout(420_000);
  const demo = await openStory(page);
  // nothing reserved before a run
  await expect(demo.locator('[data-kds="out"]')).toBeHidden();
  await expect(demo.locator('input[name="kds-setting"][value="few"]')).toBeChecked();
  await expect(demo.locator('[data-kds="seeds"]')).toHaveValue('5');
  await demo.locator('[data-kds="start"]').click();
  await expect(demo.locator('[data-kds="status"]')).toContainText(/준비|학습 중/);
  await expect(demo).toHaveAttribute('data-state', 'done', { timeout: 400_000 });

  const rows = demo.locator('[data-testid="kd-story-table"] tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toContainText('증류한 학생');
  await expect(rows.nth(2)).toContainText('레이블 스무딩');
  for (let i = 0; i < 4; i++) await expect(rows.nth(i).locator('td').first()).toHaveText(/^\d+\.\d \[\d+\.\d, \d+\.\d\]$/);
  await expect(demo.locator('[data-kds="caption"]')).toContainText('시드 5개');
  await expect(demo.locator('[data-kds="one-window"]')).toContainText('평가 윈도우는 480개');
  // 5 seeds × 4 models, each a point with its value
  await expect(demo.locator('[data-kds-point]')).toHaveCount(20);
  await expect(demo.locator('[data-kds-point="kd"]').first()).toHaveAttribute('title', /증류한 학생 \(KD\), 시드 1: 매크로 F1 \d+\.\d/);
  const sentence = demo.locator('[data-testid="kd-story-sentence"]');
  await expect(sentence).toContainText('매크로 F1에서 증류한 학생은 혼자 배운 학생');
  await expect(sentence).toContainText('시드 5개 중');
  await expect(sentence).toContainText(/이 설정에서는|혼자 배운 학생보다는/);
  // the lab setting is one click away; its result is not invented before it runs
  await demo.locator('input[name="kds-setting"][value="lab"]').check();
  await expect(demo.locator('[data-kds="out"]')).toBeHidden();
  await expect(page).toHaveURL(/kds-setting=lab/);
  await demo.locator('input[name="kds-setting"][value="few"]').check();
  await expect(demo.locator('[data-kds="out"]')).toBeVisible();
});

test('bad seed counts get a Korean message at the input and no run', async ({ page }) => {
  const demo = await openStory(page, '?kds-seeds=abc');
  await expect(demo.locator('[data-kds="status"]')).toContainText('kds-seeds=abc');
  const seeds = demo.locator('[data-kds="seeds"]');
  const error = demo.locator('[data-kds="input-error"]');
  for (const [value, text] of [
    ['', '시드 수를 입력해 주세요'],
    ['4', '5에서 10 사이의 정수'],
    ['11', '5에서 10 사이의 정수'],
    ['2.5', '5에서 10 사이의 정수'],
  ] as const) {
    await seeds.fill(value);
    await expect(error).toContainText(text);
    await expect(seeds).toHaveAttribute('aria-invalid', 'true');
    await expect(demo.locator('[data-kds="start"]')).toBeDisabled();
  }
  await seeds.fill('6');
  await expect(error).toBeHidden();
  await expect(demo.locator('[data-kds="start"]')).toBeEnabled();
  await expect(page).toHaveURL(/kds-seeds=6/);
});
