import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { parseHTML } from 'linkedom';
import rehypeScrollable, { langOfPath, MATH_LABEL, MATH_LABELS } from '../../scripts/rehype-scrollable.mjs';

// The markdown pipeline of astro.config.mjs (remark-math → rehype-katex → rehype-scrollable).
async function render(md: string): Promise<Document> {
  const p = await createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeScrollable] });
  const { code } = await p.render(md);
  return parseHTML(`<!doctype html><html><body>${code}</body></html>`).document;
}

describe('rehype-scrollable: boxes that scroll sideways are reachable by keyboard', () => {
  it('makes each display formula a focusable, labelled group, and leaves inline math alone', async () => {
    const doc = await render('본문 $a+b$ 입니다.\n\n$$\nL = (1-\\lambda)\\,\\mathrm{CE} + \\lambda T^2 \\mathrm{KL}\n$$\n\n$$\nx\n$$\n');
    const boxes = [...doc.querySelectorAll('.katex-display')];
    expect(boxes).toHaveLength(2);
    for (const b of boxes) {
      expect(b.getAttribute('tabindex')).toBe('0');
      expect(b.getAttribute('role')).toBe('group');
      expect(b.getAttribute('aria-label')).toBe(MATH_LABEL);
    }
    expect(doc.querySelectorAll('.katex').length).toBe(3);
    expect(doc.querySelectorAll('[tabindex]').length).toBe(2); // the inline formula is not a tab stop
  });

  it('makes markdown tables focusable', async () => {
    const doc = await render('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(doc.querySelector('table')?.getAttribute('tabindex')).toBe('0');
  });

  it('names the formula group in the page language: English under <notes>/en/', async () => {
    expect(langOfPath('/n/docs/en/study/vit.mdx', '/n/docs')).toBe('en');
    expect(langOfPath('/n/docs/study/vit.mdx', '/n/docs')).toBe('ko');
    expect(langOfPath(undefined, '/n/docs')).toBe('ko');
    const p = await createMarkdownProcessor({
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatex, [rehypeScrollable, { notesDir: '/n/docs' }]],
    });
    const { code } = await p.render('$$\nx\n$$\n', { fileURL: new URL('file:///n/docs/en/study/vit.mdx') });
    expect(code).toContain(`aria-label="${MATH_LABELS.en}"`);
  });
});
