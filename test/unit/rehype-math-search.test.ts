import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { parseHTML } from 'linkedom';
import rehypeMathSearch from '../../scripts/rehype-math-search.mjs';

// The markdown pipeline of astro.config.mjs for math (remark-math → rehype-katex → rehype-math-search).
async function render(md: string): Promise<Document> {
  const p = await createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeMathSearch] });
  const { code } = await p.render(md);
  return parseHTML(`<!doctype html><html><body>${code}</body></html>`).document;
}

describe('rehype-math-search: each formula is indexed once, not three times', () => {
  it("leaves KaTeX's visual HTML out of the search index and keeps its MathML and TeX source in", async () => {
    const doc = await render('본문 $2\\pi$ 입니다.\n\n$$\nL = (1-\\lambda)\\,\\mathrm{CE}\n$$\n');
    const html = [...doc.querySelectorAll('.katex-html')];
    expect(html).toHaveLength(2); // the inline and the display formula
    for (const h of html) expect(h.hasAttribute('data-pagefind-ignore')).toBe(true);
    // Only the renderings are left out: the MathML (with its TeX annotation) and the prose stay.
    expect(doc.querySelectorAll('[data-pagefind-ignore]')).toHaveLength(2);
    for (const m of doc.querySelectorAll('.katex-mathml')) expect(m.closest('[data-pagefind-ignore]')).toBeNull();
    expect(doc.querySelector('annotation')?.textContent).toBe('2\\pi');
  });
});
