import { test, expect, type Page } from '@playwright/test';

// The right-hand table of contents of every page: a heading with math ($T$, $T^2$) appears
// once as readable text ("T", "T²"), never as raw TeX and never as KaTeX's three copies
// (MathML + TeX annotation + HTML, which read "TTT", "T2T^2T2"), while the heading on the
// page still renders with KaTeX.

/** Super/subscript characters back to plain ones, so "T²" compares with KaTeX's "T" "2". */
const PLAIN: Record<string, string> = Object.fromEntries(
  [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵀ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ᵢⱼₖ'].map((c, i) => [c, [...'0123456789+-=()T0123456789+-=()ijk'][i]!]),
);
const normalize = (s: string): string =>
  [...s]
    .map((c) => PLAIN[c] ?? c)
    .join('')
    .replace(/[\s^_/√()−-]/g, '');

async function pages(page: Page): Promise<string[]> {
  await page.goto('./');
  const hrefs = await page.locator('.sidebar-content a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return [...new Set(hrefs)];
}

test('TOC entries show math once, as text, on every page', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 }); // the TOC is in the right sidebar
  const urls = await pages(page);
  expect(urls.length).toBeGreaterThan(5);
  const problems: string[] = [];
  let mathHeadings = 0;
  for (const url of urls) {
    await page.goto(url);
    const toc = await page
      .locator('starlight-toc a')
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() })),
      );
    for (const t of toc) if (/[\\$]|\^\{|_\{/.test(t.text)) problems.push(`${url}: raw TeX in TOC "${t.text}"`);
    // Headings with math: the TOC text must read like the rendered heading, with the math once.
    const heads = await page.locator('.sl-markdown-content :is(h2, h3, h4):has(.katex)').evaluateAll((hs) =>
      hs.map((h) => {
        const c = h.cloneNode(true) as HTMLElement;
        c.querySelectorAll('.katex').forEach((k) => k.replaceWith(k.querySelector('.katex-html')?.textContent ?? ''));
        return { id: h.id, visible: (c.textContent ?? '').replace(/\s+/g, ' ').trim() };
      }),
    );
    for (const h of heads) {
      mathHeadings++;
      const entry = toc.find((t) => decodeURIComponent(t.href) === `#${h.id}`);
      if (!entry) {
        problems.push(`${url}: heading "${h.visible}" has no TOC entry`);
        continue;
      }
      if (normalize(entry.text) !== normalize(h.visible)) problems.push(`${url}: TOC "${entry.text}" vs heading "${h.visible}"`);
    }
  }
  expect(problems).toEqual([]);
  expect(mathHeadings).toBeGreaterThan(0); // the check above ran on at least one math heading
});

test('the KD method page: "왜 온도 T로 나누고, 왜 T²를 곱하나", with KaTeX in the heading', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('research/kd-method/');
  const entry = page.locator('starlight-toc a', { hasText: '왜 온도' });
  await expect(entry).toHaveText(/^\s*왜 온도 T로 나누고, 왜 T²를 곱하나\s*$/);
  const id = decodeURIComponent((await entry.getAttribute('href')) ?? '').slice(1);
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading.locator('.katex')).toHaveCount(2);
  await expect(heading.locator('annotation')).toHaveText(['T', 'T^2']); // MathML kept for screen readers
});
