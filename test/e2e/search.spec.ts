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
  // The UI renders results as their data arrives: click "more" until it is gone, then wait
  // until the number of links holds still for half a second.
  const more = page.locator('.pagefind-ui__button');
  let last = -1;
  await expect(async () => {
    if (await more.isVisible()) await more.click();
    const n = await links.count();
    const settled = n === last && !(await more.isVisible());
    last = n;
    expect(settled).toBe(true);
  }).toPass({ intervals: [500], timeout: 20_000 });
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

test('search 크로스 어텐션 lists the pages that use it', async ({ page }) => {
  // The pages name the idea in Korean (the glossary's term); the English word appears only as a
  // gloss glued to it ("크로스 어텐션(cross-attention)"), which Pagefind indexes as one word with
  // the Korean, so the English query reaches the glossary's entry rather than every page.
  const found = await searchUi(page, '크로스 어텐션');
  for (const slug of ['study/transformer', 'study/vlm-components', 'study/vlm-uses-limits', 'study/what-matters-vlm']) {
    expect(
      found.some((p) => p.startsWith(page_(slug))),
      `${slug} in ${found.join(', ')}`,
    ).toBe(true);
  }
  // A page without the term is not listed.
  expect(found.some((p) => p.startsWith(page_('research/kd-method')))).toBe(false);
  expect(await searchApi(page, 'cross-attention')).toContain(page_('glossary'));
});

test('Korean words with particles attached are found', async ({ page }) => {
  // Pagefind's unit is the whitespace-separated word, so "트랜스포머로" is one word. A query is
  // matched as a prefix of the indexed words, but only within the index chunk that holds the query
  // itself (pagefind_web request_indexes), so whether 트랜스포머 also reaches 트랜스포머로 depends on
  // where the chunk boundaries fall as the site grows; it is not asserted here.
  const stem = await searchApi(page, '트랜스포머');
  expect(stem).toContain(page_('study/transformer'));
  expect(await searchApi(page, '트랜스포머로')).toContain(page_('study/vlm-training'));
  // Particle forms in the query find the stem's pages too (할루시네이션은 → pages with 할루시네이션):
  // with no word extending the query, Pagefind falls back to the longest indexed prefix of it.
  const withParticle = await searchApi(page, '할루시네이션은');
  expect(withParticle).toContain(page_('study/vlm-uses-limits'));
  // And a word absent from the site finds nothing (the search is not matching everything).
  expect(await searchApi(page, '양자컴퓨터')).toEqual([]);
});

// The page that explains an idea comes first: the symbols' Korean names (λ 람다, α 알파, T 온도) and
// 지식 증류 → the KD method page; Idefics2 → the reading guide of the paper that releases it. The
// glossary holds every one of these words too, in one line each; its list carries a low
// data-pagefind-weight so it is found but ranked below the page that teaches the idea.
for (const [query, slug] of [
  ['람다', 'research/kd-method'],
  ['알파', 'research/kd-method'],
  ['온도', 'research/kd-method'],
  ['지식 증류', 'research/kd-method'],
  ['Idefics2', 'study/what-matters-vlm'],
] as const) {
  test(`search ${query}: ${slug} comes first`, async ({ page }) => {
    const found = await searchApi(page, query);
    expect(found[0], `${query} → ${found.join(', ')}`).toBe(page_(slug));
    // The search UI shows the same page first.
    const ui = await searchUi(page, query);
    expect(ui[0], `${query} (UI) → ${ui.join(', ')}`).toBe(page_(slug));
  });
}

test('the glossary is found by its terms, below the page that explains them', async ({ page }) => {
  const found = await searchApi(page, '람다');
  expect(found).toContain(page_('glossary'));
  const byTerm = await searchApi(page, '투영');
  expect(byTerm).toContain(page_('glossary'));
});
