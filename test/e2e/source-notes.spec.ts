import { test, expect } from '@playwright/test';

// "원본 노트" under the page title (frontmatter sourceNotes): links to the researcher's
// original notes in wjdwocks/ML-DNN, readable on a phone and in both themes.
for (const theme of ['light', 'dark'] as const) {
  test(`the Transformer page links its original notes (390 px, ${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('study/transformer/');
    const line = page.getByTestId('source-notes');
    await expect(line).toBeVisible();
    await expect(line.locator('a')).toHaveText(['Transformer.md', '주간 노트 2025-05-02']);
    expect(await line.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://github.com/wjdwocks/ML-DNN/blob/main/markdown/my_study/Transformer.md',
      'https://github.com/wjdwocks/ML-DNN/blob/main/markdown/25년/5월/25.5.2.md',
    ]);
    const box = await line.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // The link colour differs from the background in this theme.
    const [fg, bg] = await line
      .locator('a')
      .first()
      .evaluate((a) => [getComputedStyle(a).color, getComputedStyle(document.body).backgroundColor]);
    expect(fg).not.toBe(bg);
  });
}

test('a page without sourceNotes shows no such line', async ({ page }) => {
  await page.goto('research/kd-method/');
  await expect(page.getByTestId('source-notes')).toHaveCount(0);
});
