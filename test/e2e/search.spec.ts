import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { parseGlossary } from '@src/lib/glossary';
import { buildAliasTable, buildAliasTableEn, extraAliasesSchema } from '@src/search/aliases';
import { expandQuery } from '@src/search/query';
import { searchRanking } from '@src/search/ranking';

// Pagefind search over the built site (Starlight's search dialog), served under /notes/.

async function searchUi(page: Page, query: string, home = './'): Promise<string[]> {
  await page.goto(home);
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

// ---- The query sets (issue #23): how readers type, each with the page it should find ----

const querySetSchema = z.object({
  locale: z.enum(['ko', 'en']),
  queries: z
    .array(
      z.object({
        q: z.string().min(1),
        // ko: particle, spacing, loanword, symbol, english; en adds inflection (plurals, -ing),
        // spelling (British/American, typos), abbreviation, synonym (avoidEn) and korean.
        kind: z.enum([
          'particle',
          'spacing',
          'loanword',
          'symbol',
          'english',
          'inflection',
          'spelling',
          'abbreviation',
          'synonym',
          'korean',
        ]),
        page: z.string(),
      }),
    )
    .min(60),
});
const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const glossary = parseGlossary(readJson('../../content/glossary.json'));
// The same tables the search dialog gets (SearchDialog.astro builds them from the same files).
const locales = {
  ko: {
    set: querySetSchema.parse(readJson('./search-queries.ko.json')),
    table: buildAliasTable(glossary, extraAliasesSchema.parse(readJson('../../src/search/aliases.ko.json'))),
    home: './',
    path: page_,
  },
  en: {
    set: querySetSchema.parse(readJson('./search-queries.en.json')),
    table: buildAliasTableEn(glossary, extraAliasesSchema.parse(readJson('../../src/search/aliases.en.json'))),
    home: './en/',
    path: (slug: string) => `/notes/en/${slug}/`,
  },
} as const;
const HIT_TARGET = 0.95;
/** Bytes (gzip) the first search may download from /pagefind/: see the test below. */
const FIRST_SEARCH_RATCHET = 185 * 1024;

/**
 * Top-3 pages (paths) for each query, through Pagefind's JS API in the page, in one evaluate.
 * Pagefind picks the index of the page's <html lang>, so `home` decides the language searched.
 */
async function top3(page: Page, home: string, queries: string[]): Promise<string[][]> {
  await page.goto(home);
  return page.evaluate(
    async ({ qs, ranking }) => {
      // The site's base (/notes/), not the page's: /en/ pages share the one pagefind/ folder.
      const pf = await import(new URL('/notes/pagefind/pagefind.js', location.href).href);
      // The dialog's ranking weights (PagefindUI passes them to pagefind.options).
      await pf.options({ ranking });
      const out: string[][] = [];
      for (const q of qs) {
        const res = await pf.search(q);
        const data = await Promise.all(res.results.slice(0, 3).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
        out.push(data.map((d) => new URL(d.url, location.href).pathname));
      }
      return out;
    },
    { qs: queries, ranking: searchRanking },
  );
}

for (const [locale, { set, table, home, path }] of Object.entries(locales)) {
  test(`the ${locale} query set finds its page in the top 3 for at least 95 % of queries`, async ({ page }) => {
    expect(set.locale).toBe(locale);
    const qs = set.queries;
    const expanded = qs.map((x) => expandQuery(x.q, table));
    const withExpansion = await top3(page, home, expanded);
    const asTyped = await top3(
      page,
      home,
      qs.map((x) => x.q),
    );
    const score = (tops: string[][]) => qs.map((x, i) => (tops[i] ?? []).includes(path(x.page)));
    const hits = score(withExpansion);
    const rate = hits.filter(Boolean).length / qs.length;
    const rawRate = score(asTyped).filter(Boolean).length / qs.length;
    const misses = qs
      .map((x, i) => ({ ...x, sent: expanded[i], got: (withExpansion[i] ?? []).map((p) => p.replace(/^\/notes\//, '')) }))
      .filter((_, i) => !hits[i]);
    const byKind = [...new Set(qs.map((x) => x.kind))].map((k) => {
      const idx = qs.flatMap((x, i) => (x.kind === k ? [i] : []));
      return `${k} ${idx.filter((i) => hits[i]).length}/${idx.length}`;
    });
    console.log(
      `search query set ${locale} (${qs.length} queries): top-3 hit rate ${(rate * 100).toFixed(1)} % with query rewriting ` +
        `(${byKind.join(', ')}), ${(rawRate * 100).toFixed(1)} % as typed`,
    );
    for (const m of misses) console.log(`  miss [${m.kind}] ${m.q} → "${m.sent}" → ${m.got.join(', ') || '(nothing)'}; expected ${m.page}`);
    // No result leaks across languages: Pagefind's index is per <html lang>, and the English pages
    // live under /en/ (a Korean fallback page in the English index would show up here).
    const found = [...withExpansion, ...asTyped].flat();
    const wrong = found.filter((p) => p.startsWith('/notes/en/') !== (locale === 'en'));
    expect(wrong, `${locale} search returned pages of the other language`).toEqual([]);
    expect(rate, misses.map((m) => m.q).join(', ')).toBeGreaterThanOrEqual(HIT_TARGET);
  });
}

test('the search dialog rewrites what readers type and speaks Korean', async ({ page }) => {
  // Through the UI: the dialog's processTerm runs the same rewriting (particle, English term).
  for (const [q, slug] of [
    ['트랜스포머는', 'study/transformer'],
    ['residual', 'study/transformer'],
    ['비전트랜스포머', 'study/vit'],
  ] as const) {
    const found = await searchUi(page, q);
    // The UI lists a page's sections under it: the top 3 pages, not links.
    const pages = [...new Set(found)];
    expect(pages.slice(0, 3), `${q} (UI) → ${pages.join(', ')}`).toContain(page_(slug));
  }
  // The result count line is Korean ("… 검색 결과 N개"), not Pagefind's English "N results for …".
  const message = page.locator('.pagefind-ui__message');
  await expect(message).toContainText('검색 결과');
  await expect(message).not.toContainText('results');
  // So are the clear button and the other words of the dialog (strings.ts), not Pagefind's English.
  await expect(page.locator('.pagefind-ui__search-clear')).toHaveText('지우기');
  await expect(page.locator('#starlight__search')).not.toContainText(/Clear|Load more|results/);
});

test('the English search dialog rewrites what readers type and speaks English', async ({ page }) => {
  for (const [q, slug] of [
    ['multihead attention', 'study/transformer'],
    ['layer normalisation', 'study/transformer'],
    ['vision transformer', 'study/vit'],
  ] as const) {
    const pages = [...new Set(await searchUi(page, q, './en/'))];
    expect(pages.slice(0, 3), `${q} (UI) → ${pages.join(', ')}`).toContain(`/notes/en/${slug}/`);
    // Only English pages: the dialog on an English page searches the English index.
    expect(pages.filter((p) => !p.startsWith('/notes/en/'))).toEqual([]);
  }
  // The dialog's words are English (strings.ts), with no Korean left from the Korean table.
  const message = page.locator('.pagefind-ui__message');
  await expect(message).toContainText('results for');
  await expect(page.locator('.pagefind-ui__search-clear')).toHaveText('Clear');
  // The dialog's own words (not the results' excerpts, which may quote a Korean source title as
  // the English pages do) carry no Hangul, the Cancel button and labels included.
  const chrome = await page.locator('site-search dialog').evaluate((el) => {
    const c = el.cloneNode(true) as HTMLElement;
    for (const r of c.querySelectorAll('.pagefind-ui__results, script')) r.remove();
    return [
      c.textContent ?? '',
      ...[...c.querySelectorAll('[aria-label], [placeholder]')].map(
        (e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('placeholder') ?? ''}`,
      ),
    ].join(' ');
  });
  expect(chrome).not.toMatch(/[\uac00-\ud7a3]/);
  expect(chrome).toContain('Cancel');
  await expect(page.locator('.pagefind-ui__search-input')).toHaveAttribute('placeholder', 'Search');
});

for (const [locale, home, query] of [
  ['ko', './', '트랜스포머는'],
  ['en', './en/', 'transformers'],
] as const) {
  test(`the first ${locale} search downloads no more Pagefind files (gzip) than today (issue target: 100 KB)`, async ({ browser }) => {
    // A fresh context (empty cache): open the dialog, type one query, wait for its results, and sum
    // what the Pagefind files weigh gzipped, as GitHub Pages serves them.
    const context = await browser.newContext();
    const page = await context.newPage();
    const files = new Map<string, number>();
    page.on('response', async (r) => {
      if (!new URL(r.url()).pathname.includes('/pagefind/')) return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      // .pf_* files are gzip already (Pagefind compresses them); the rest is gzipped by the server.
      const gz = body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 9 }).length;
      files.set(new URL(r.url()).pathname.replace(/^.*\/pagefind\//, ''), gz);
    });
    // What the dialog loads for its first page of results (5), without asking for more.
    await page.goto(home);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input[type="search"], .pagefind-ui__search-input').first().fill(query);
    await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
    // Then until no Pagefind file has arrived for a second (the results' fragments load one by one).
    let seen = -1;
    await expect(async () => {
      const n = files.size;
      const still = n === seen;
      seen = n;
      expect(still).toBe(true);
    }).toPass({ intervals: [1000], timeout: 20_000 });
    const total = [...files.values()].reduce((a, b) => a + b, 0);
    // The alias table travels in every page's HTML (a JSON script in <site-search>): its share of the page.
    const aliases = (await page.locator('site-search script[data-search-aliases]').first().textContent()) ?? '';
    console.log(
      `first ${locale} search (${query}): ${files.size} Pagefind files, ${(total / 1024).toFixed(1)} KiB gzip ` +
        `(${[...files].map(([f, n]) => `${f} ${(n / 1024).toFixed(1)}`).join(', ')}); ` +
        `alias table ${(aliases.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(aliases).length / 1024).toFixed(1)} KiB gzip in each page`,
    );
    expect(files.size).toBeGreaterThan(0);
    // Issue #23 asks for at most 100 KB. Stock Pagefind cannot get there on this site: its runtime
    // (pagefind.js + worker + wasm, 79.6 KiB) plus the one index chunk a query needs (~41 KiB; Pagefind
    // cuts the index into ~40–50 KiB chunks) is ~120 KiB before a single result. Measured before the
    // query rewriting: 162.4 KiB for this query, 173.6 KiB once the KD story and the notes pass landed
    // (longer pages: larger chunk and fragments); the rewriting adds no Pagefind file (its table
    // travels in the page). This limit is a ratchet on today's cost, not the issue's target.
    expect(total).toBeLessThanOrEqual(FIRST_SEARCH_RATCHET);
    await context.close();
  });
}
