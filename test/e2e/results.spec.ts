import { expect, test } from '@playwright/test';

// The results pages are static: every number comes from content/results artifacts at build
// time. The smoke sweep (run by scripts/e2e-server.mjs before the build, loaded through
// RESULTS_EXTRA_DIR) runs on the bundled excerpt, where every LOSO fold tests only on activities
// absent from its training subjects: results/own-runs must name it and say why instead of
// publishing its all-zero table, and tell a researcher how a real sweep is made.

test('results/own-runs shows no all-zero table: the excerpt smoke sweep is named with the reason, and the page says how to make a real sweep', async ({
  page,
}) => {
  await page.goto('results/own-runs/');
  const hidden = page.locator('[data-testid=own-hidden-sweep][data-sweep=smoke]');
  await expect(hidden).toHaveCount(1);
  await expect(hidden).toContainText('CI/e2e 실행');
  await expect(hidden).toContainText('평가 피험자 101, 108');
  await expect(hidden).toContainText('구조적으로 0 %');
  await expect(page.locator('[data-testid=own-sweep][data-sweep=smoke]')).toHaveCount(0);
  // Whatever sweeps are tabled, none is all zeros.
  for (const table of await page.getByTestId('own-sweep').all()) {
    const means: string[] = [];
    for (const row of await table.getByTestId('own-group').all()) means.push((await row.locator('td.num').nth(1).textContent()) ?? '');
    expect(
      means.every((m) => /^0\.00 ± 0\.00$/.test(m.trim())),
      `all-zero table: ${means.join(' | ')}`,
    ).toBe(false);
  }
  const how = page.getByTestId('own-empty');
  await expect(how).toContainText('npm run data:pamap2');
  await expect(how).toContainText('npm run sweep -- --config paper');
  await expect(how).toContainText('--shard');
});

test('α sweep page: the 2025-05-02 row values, best marker, rule, chart with a table alternative', async ({ page }) => {
  await page.goto('results/alpha-sweep-2025-05-02/');
  const sheet = page.getByTestId('alpha-sheet');
  for (const v of ['85.4535', '86.0995', '86.5589', '84.0765', '84.6896', '84.6616']) await expect(sheet).toContainText(v);
  await expect(sheet.locator('caption')).toContainText('열 = 교사 구조');
  // best of each column: bold cell with a ▲ and screen-reader text, not colour alone
  const best = sheet.locator('td.best');
  await expect(best.first()).toContainText('▲');
  await expect(best.first().locator('.sr-only')).toHaveText('(열 최고)');
  await expect(sheet.locator('td.rt-rule', { hasText: 'mean3_se' })).toHaveCount(3);
  await expect(page.locator('.rt-legend', { hasText: '표준오차(SE)에 가까운 값' }).first()).toBeVisible();
  const chart = page.getByTestId('alpha-chart');
  await expect(chart.locator('svg').first()).toBeVisible();
  await expect(chart.locator('[role=img]')).toHaveAttribute('aria-label', /α/);
  await chart.locator('summary').click();
  await expect(chart.locator('details table')).toContainText('86.7378');
});

test('λ selection sums and the per-subject spread from the raw sheet', async ({ page }) => {
  await page.goto('results/lambda-selection/');
  await expect(page.getByTestId('lambda-sums')).toContainText('0.7 → 342.71, 0.9 → 342.56, 0.99 → 345.26');
  await expect(page.getByTestId('subject-chart').locator('figcaption')).toContainText('52.8268 % – 100.0000 %');
});

test('pages read without JavaScript; 266 reference cells', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('results/');
  await expect(page.getByTestId('ref-cell-count')).toHaveText('266');
  await page.goto('results/final-2-teacher/');
  await expect(page.getByTestId('final-2t')).toContainText('88.6864');
  await expect(page.getByTestId('final-2t')).toContainText('87.1881');
  await page.goto('results/table-2025-04-25/');
  await expect(page.getByTestId('i425-1')).toContainText('87.0091');
  await ctx.close();
});

test('at 390 px wide tables scroll inside their own box, the page does not', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await ctx.newPage();
  for (const p of [
    'results/alpha-sweep-2025-05-02/',
    'results/table-2025-04-25/',
    'results/lambda-selection/',
    'results/final-2-teacher/',
    'results/own-runs/',
    'results/',
  ]) {
    await page.goto(p);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, p).toBeLessThanOrEqual(0);
  }
  await page.goto('results/table-2025-04-25/');
  const box = page.getByTestId('i425-1');
  const { sw, cw } = await box.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
  expect(sw).toBeGreaterThan(cw);
  await ctx.close();
});

// Subject-level uncertainty (issue 19): the independent units of LOSO are the 9 subjects, so the
// pages show the subject-level SE and 95 % t-interval beside the sheet's "std", and the notes'
// comparisons as PAIRED per-subject differences with a verdict computed at build time.
for (const [slug, id, pairs] of [
  ['results/alpha-sweep-2025-05-02/', 'alpha-uncertainty', 6],
  ['results/lambda-selection/', 'lambda-uncertainty', 3],
] as const) {
  test(`${slug}: subject-level intervals beside the sheet's std, and paired differences with a verdict`, async ({ page }) => {
    await page.goto(slug);
    const box = page.getByTestId(id);
    const table = box.getByTestId(`${id}-intervals`);
    await expect(table.locator('thead')).toContainText('√27');
    await expect(table.locator('thead')).toContainText('SE(= s/√9)');
    await expect(table.locator('thead')).toContainText('95 % 구간(t, 자유도 8)');
    // every row: "mean ± SE" and "[lo, hi]" with lo < mean < hi
    for (const row of await table.locator('tbody tr').all()) {
      const [mse, ci] = [(await row.locator('td').nth(1).textContent()) ?? '', (await row.locator('td').nth(2).textContent()) ?? ''];
      const m = /^(\d+\.\d{2}) ± (\d+\.\d{2})$/.exec(mse.trim());
      const c = /^\[(\d+\.\d{2}), (\d+\.\d{2})\]$/.exec(ci.trim());
      expect(m && c, `${mse} | ${ci}`).toBeTruthy();
      expect(Number(c![1])).toBeLessThan(Number(m![1]));
      expect(Number(c![2])).toBeGreaterThan(Number(m![1]));
    }
    const items = box.getByTestId(`${id}-paired`).locator('li');
    await expect(items).toHaveCount(pairs);
    for (const li of await items.all()) {
      await expect(li).toContainText('피험자별 차이의 평균');
      await expect(li).toContainText(/95 % 구간 \[[−+]?\d+\.\d{2}, [−+]?\d+\.\d{2}\] %p/);
      await expect(li).toContainText(/0과 구별(됩니다|되지 않습니다)/);
    }
    await expect(box.getByTestId(`${id}-missing`)).not.toBeEmpty();
  });
}

test('α sweep: α 0.9 − 0.7 on WRN16-3 is +0.18 %p, [−0.54, +0.90], not distinguishable; α 0.3 / 0.5 named as lacking per-subject data', async ({
  page,
}) => {
  await page.goto('results/alpha-sweep-2025-05-02/');
  const first = page.getByTestId('alpha-uncertainty-paired').locator('li').first();
  await expect(first).toContainText('+0.18 %p, 95 % 구간 [−0.54, +0.90] %p');
  await expect(first).toHaveAttribute('data-distinguishable', 'false');
  await expect(page.getByTestId('alpha-uncertainty-missing')).toContainText('α 0.3과 0.5');
});
