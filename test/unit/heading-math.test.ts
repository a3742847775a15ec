import { describe, it, expect } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { rehypeHeadingMath } from '@src/node/markdown/rehype-heading-math';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/** Astro's own heading collector after our plugin: the TOC entries a page would get. */
async function headings(md: string, path = '/x/page.mdx', withFix = true) {
  const file = new VFile({ value: md, path, data: { astro: { frontmatter: {} } } });
  const p = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex);
  if (withFix) p.use(rehypeHeadingMath);
  p.use(rehypeHeadingIds);
  const tree = (await p.run(p.parse(file), file)) as Root;
  return { tree, list: (file.data as { astro: { headings: { depth: number; slug: string; text: string }[] } }).astro.headings };
}

describe('math in headings: one readable TOC text', () => {
  it('without the fix, Astro collects KaTeX text three times (what the TOC showed)', async () => {
    const { list } = await headings('### 왜 온도 $T$로 나누고, 왜 $T^2$를 곱하나\n', '/x/page.mdx', false);
    expect(list[0]!.text).toBe('왜 온도 TTT로 나누고, 왜 T2T^2T2를 곱하나');
  });

  it('with the fix, each formula appears once as readable text, and the slug follows it', async () => {
    const { list } = await headings('### 왜 온도 $T$로 나누고, 왜 $T^2$를 곱하나\n\n## 점수 $QK^\\top/\\sqrt{d_k}$와 $\\alpha_i$\n');
    expect(list.map((h) => h.text)).toEqual(['왜 온도 T로 나누고, 왜 T²를 곱하나', '점수 QKᵀ/√(dₖ)와 αᵢ']);
    expect(list[0]!.slug).toBe('왜-온도-t로-나누고-왜-t를-곱하나');
  });

  it('keeps the KaTeX markup (MathML included) for the page itself', async () => {
    const { tree } = await headings('## 온도 $T^2$\n');
    const frags: string[] = [];
    visit(tree, (n) => {
      const j = n as unknown as { type: string; name: string | null; attributes: { name: string; value: string }[] };
      if (j.type === 'mdxJsxTextElement' && j.name === 'Fragment') frags.push(j.attributes.find((a) => a.name === 'set:html')!.value);
    });
    expect(frags).toHaveLength(1);
    expect(frags[0]).toContain('<annotation encoding="application/x-tex">T^2</annotation>');
    expect(frags[0]).toContain('class="katex-html"');
  });

  it('leaves headings without math and math outside headings alone', async () => {
    const { tree, list } = await headings('## 그냥 제목\n\n본문 $x^2$\n');
    expect(list[0]!.text).toBe('그냥 제목');
    let jsx = 0;
    visit(tree, (n) => {
      if (n.type === 'mdxJsxTextElement') jsx++;
    });
    expect(jsx).toBe(0);
    expect(toHtml(tree)).toContain('class="katex"');
  });

  it('refuses math in a heading of a plain .md page (no JSX there)', async () => {
    await expect(headings('## 온도 $T$\n', '/x/page.md')).rejects.toThrow(/page\.md: math in a heading is supported in \.mdx pages only/);
  });

  it('reads formulas as text: scripts, fractions, roots, Greek, fallbacks', async () => {
    const cases: [string, string][] = [
      ['T^2', 'T²'],
      ['x_i', 'xᵢ'],
      ['W^{(1)}_Q', 'W_Q⁽¹⁾'],
      ['\\frac{a}{b}', 'a/b'],
      ['\\frac{1-\\alpha}{2}', '(1−α)/2'],
      ['\\frac{QK^\\top}{\\sqrt{d_k}}', 'QKᵀ/√(dₖ)'],
      ['p^S', 'p^S'],
      ['e^{x+y}', 'eˣ⁺ʸ'],
      ['\\mathrm{softmax}(z)', 'softmax(z)'],
    ];
    for (const [tex, want] of cases) {
      const { list } = await headings(`## $${tex}$\n`);
      expect(list[0]!.text, tex).toBe(want);
    }
  });
});
