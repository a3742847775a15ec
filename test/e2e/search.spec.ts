import { test, expect, type Page } from '@playwright/test';

// Pagefind search over the built site (Starlight's search dialog), served under /notes/.

async function searchUi(page: Page, query: string): Promise<string[]> {
  await page.goto('./');
  await page.locator('button[data-open-modal]').first().click();
  const input = page.locator('#starlight__search input[type="search"], .pagefind-ui__search-input').first();
  await expect(input).toBeVisible();
  await input.fill(query);
  const links = page.locator('.pagefind-ui__result-link');
  await expect(links.first()).toBeVisible();
  // Show every result, not only the first page of them.
  const more = page.locator('.pagefind-ui__button');
  while (await more.isVisible().catch(() => false)) await more.click();
  return links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Every page Pagefind returns for a query, through its JS API (no UI paging). */
async function searchApi(page: Page, query: string): Promise<string[]> {
  await page.goto('./');
  return page.evaluate(async (q) => {
    const url = new URL('pagefind/pagefind.js', document.baseURI).href;
    const pf = await import(url);
    const res = await pf.search(q);
    const data = await Promise.all(res.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
    return data.map((d) => new URL(d.url, location.href).pathname);
  }, query);
}

const page_ = (slug: string) => `/notes/${slug}/`;

test('search 트랜스포머 lists the Transformer page', async ({ page }) => {
  const found = await searchUi(page, '트랜스포머');
  expect(found.some((p) => p.startsWith(page_('study/transformer')))).toBe(true);
});

test('search 할루시네이션 lists the VLM limits page', async ({ page }) => {
  const found = await searchUi(page, '할루시네이션');
  expect(found.some((p) => p.startsWith(page_('study/vlm-uses-limits')))).toBe(true);
});

test('search cross-attention lists the pages that use it', async ({ page }) => {
  const found = await searchUi(page, 'cross-attention');
  for (const slug of ['study/transformer', 'study/vlm-components', 'study/vlm-uses-limits', 'study/what-matters-vlm']) {
    expect(found.some((p) => p.startsWith(page_(slug))), `${slug} in ${found.join(', ')}`).toBe(true);
  }
  // A page without the term is not listed.
  expect(found.some((p) => p.startsWith(page_('research/kd-method')))).toBe(false);
});

test('Korean stems match words with particles attached', async ({ page }) => {
  // study/vlm-training has 트랜스포머 only with a particle attached ("트랜스포머로"): the
  // unit of the index is the whitespace-separated word, so only prefix matching finds it.
  const stem = await searchApi(page, '트랜스포머');
  expect(stem).toContain(page_('study/vlm-training'));
  expect(stem).toContain(page_('study/transformer'));
  // Particle forms in the query find the stem's pages too (트랜스포머는 → pages with 트랜스포머).
  const withParticle = await searchApi(page, '할루시네이션은');
  expect(withParticle).toContain(page_('study/vlm-uses-limits'));
  // And a word absent from the site finds nothing (the search is not matching everything).
  expect(await searchApi(page, '양자컴퓨터')).toEqual([]);
});
