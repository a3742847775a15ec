/**
 * Headings with math show their text once in the table of contents.
 *
 * Astro builds each heading's TOC text (and its id) by concatenating every text node under
 * the heading. A KaTeX formula holds its text three times (the MathML for screen readers,
 * the TeX source in <annotation>, the visual HTML), so `$T^2$` became "T2T^2T2" there.
 * This plugin runs after rehype-katex and before Astro's heading collection. In each heading
 * it replaces every KaTeX formula by `<Fragment set:html={katexHtml}><>T²</></Fragment>`: the one
 * text ("T²", read from the MathML) is all the collector sees, and Astro's JSX runtime
 * renders the unchanged KaTeX markup in its place, so the page looks and reads the same.
 *
 * MDX only (a JSX Fragment does not exist in plain Markdown): a .md page with math in a
 * heading fails the build instead of silently getting the garbled text.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { mathText } from './math-text';

const HEADING = /^h[1-6]$/;

function isKatex(n: ElementContent): boolean {
  if (n.type !== 'element') return false;
  const c = n.properties['className'];
  return Array.isArray(c) && c.includes('katex');
}

/** Readable text of one KaTeX formula (its <math> element), "" when there is none. */
function katexText(katex: Element): string {
  let math: Element | undefined;
  visit(katex, 'element', (m) => {
    if (m.tagName !== 'math') return undefined;
    math = m;
    return SKIP;
  });
  return math ? mathText(math) : '';
}

function fragment(katex: Element): MdxJsxTextElementHast {
  return {
    type: 'mdxJsxTextElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: toHtml(katex) }],
    // The text sits in a nested, attribute-less JSX fragment: MDX's static optimizer turns the
    // children of an outermost static node into its own `set:html`, which would override ours.
    children: [{ type: 'mdxJsxTextElement', name: null, attributes: [], children: [{ type: 'text', value: katexText(katex) }] }],
  };
}

/** Replaces KaTeX formulas under `parent`; returns how many. */
function replaceFormulas(parent: Element): number {
  let n = 0;
  parent.children = parent.children.map((c) => {
    if (isKatex(c)) {
      n++;
      return fragment(c as Element) as unknown as ElementContent;
    }
    if (c.type === 'element') n += replaceFormulas(c);
    return c;
  });
  return n;
}

export function rehypeHeadingMath() {
  return (tree: Root, file: VFile): void => {
    const path = file.history[0] ?? '(unknown file)';
    const isMdx = path.endsWith('.mdx');
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return undefined;
      if (isMdx) replaceFormulas(node);
      else if (
        node.children.some(function has(c): boolean {
          return isKatex(c) || (c.type === 'element' && c.children.some(has));
        })
      )
        throw new Error(`${path}: math in a heading is supported in .mdx pages only`);
      return SKIP;
    });
  };
}
