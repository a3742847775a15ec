import { test, expect } from '@playwright/test';

test('home page renders Korean title and KaTeX', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1').first()).toContainText('딥러닝');
  await expect(page.locator('.katex').first()).toBeVisible();
  expect(await page.content()).not.toContain('$$');
});
