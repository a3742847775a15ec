import { test, expect, type Page } from '@playwright/test';

// Crawls every page of the built site under /notes/: follows each same-origin <a href> and
// checks every <img src>/srcset, <source srcset>, <link href> and <script src>, plus anything the
// page requests while loading. The e2e server 404s everything outside /notes/, so a link that
// forgot the base path fails here too.

const BASE = '/notes/';

function isPage(u: URL): boolean {
  return u.pathname.endsWith('/') || u.pathname.endsWith('.html') || !/\.[a-z0-9]+$/i.test(u.pathname);
}

async function collect(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const add = (v: string | null) => {
      if (v && !v.startsWith('data:') && !v.startsWith('blob:')) out.push(new URL(v, document.baseURI).href);
    };
    document.querySelectorAll('a[href]').forEach((a) => add(a.getAttribute('href')));
    document.querySelectorAll('img[src], script[src]').forEach((e) => add(e.getAttribute('src')));
    document.querySelectorAll('link[href]').forEach((e) => add(e.getAttribute('href')));
    document.querySelectorAll('img[srcset], source[srcset]').forEach((e) => {
      for (const part of (e.getAttribute('srcset') ?? '').split(',')) add(part.trim().split(/\s+/)[0] ?? null);
    });
    return out;
  });
}

test('no broken internal link or asset on any page', async ({ page, request, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
  const failed: string[] = [];
  const seenPages = new Set<string>();
  const checked = new Map<string, number>();
  const queue: string[] = [new URL(BASE, origin).href];
  let current = '';
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && r.status() >= 400) failed.push(`${r.status()} ${u.pathname} (requested by ${current})`);
  });

  while (queue.length) {
    const url = queue.shift()!;
    const key = new URL(url).pathname;
    if (seenPages.has(key)) continue;
    seenPages.add(key);
    current = key;
    const res = await page.goto(url, { waitUntil: 'load' });
    if (res?.status() !== 200) {
      failed.push(`${res?.status() ?? 'no response'} ${key}`);
      continue;
    }
    for (const href of await collect(page)) {
      const u = new URL(href);
      if (u.origin !== origin) continue; // external links are not fetched (no network in CI sandbox)
      u.hash = '';
      if (!u.pathname.startsWith(BASE)) {
        failed.push(`outside base: ${u.pathname} (on ${key})`);
        continue;
      }
      if (isPage(u) && !u.pathname.includes('/_astro/')) {
        if (!seenPages.has(u.pathname)) queue.push(u.href);
        continue;
      }
      if (!checked.has(u.href)) {
        const r = await request.get(u.href);
        checked.set(u.href, r.status());
        if (r.status() !== 200) failed.push(`${r.status()} ${u.pathname} (on ${key})`);
      }
    }
  }
  expect(failed).toEqual([]);
  // The crawl reached every note page of the sidebar (and more: results pages, 404 is not linked).
  for (const slug of [
    '',
    'study/llm-vs-vlm/',
    'study/vlm-components/',
    'study/vlm-training/',
    'study/vlm-uses-limits/',
    'study/what-matters-vlm/',
    'study/transformer/',
    'study/vit/',
    'research/2025-05-02/',
    'research/kd-method/',
    'results/',
  ]) {
    expect(seenPages.has(BASE + slug), `crawled ${BASE + slug}`).toBe(true);
  }
  expect(checked.size).toBeGreaterThan(5);
});
