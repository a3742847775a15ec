// @ts-check
// KaTeX writes each formula three times: its TeX source (a MathML annotation), its MathML (what
// screen readers read) and its HTML rendering (what the eye sees; aria-hidden). Pagefind indexed
// all three, so every formula came back three times in the search index and in each result's
// fragment ("2π2\pi2π") — the longest pages' fragments are most of what the first search downloads
// (issue #23: ≤ 100 KB). The HTML rendering is left out of the index; the TeX source and the
// MathML stay searchable. Runs after rehype-katex, which makes the boxes.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

/** @param {HastNode} node */
function walk(node) {
  const cls = node.properties?.['className'];
  if (node.type === 'element' && Array.isArray(cls) && cls.includes('katex-html')) {
    node.properties = { ...node.properties, dataPagefindIgnore: '' };
    return; // nothing inside a rendering needs a mark of its own
  }
  for (const child of node.children ?? []) walk(child);
}

/** The rehype plugin (no options). */
export default function rehypeMathSearch() {
  /** @param {HastNode} tree */
  return (tree) => walk(tree);
}
