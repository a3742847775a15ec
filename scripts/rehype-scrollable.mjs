// @ts-check
// Display formulas and tables scroll sideways in their own box on narrow screens (.katex-display
// and .sl-markdown-content table are overflow-x: auto in src/styles/custom.css). A box that
// scrolls must be reachable by keyboard, or a reader without a mouse cannot see the end of a long
// formula or the last columns of a table (WCAG 2.1.1): each becomes focusable, and a display
// formula a labelled group. Runs after rehype-katex, which makes the formula boxes.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

export const MATH_LABEL = '수식';

/** @param {HastNode} node */
function isDisplayMath(node) {
  const cls = node.properties?.['className'];
  return node.type === 'element' && Array.isArray(cls) && cls.includes('katex-display');
}

/** @param {HastNode} node */
function walk(node) {
  if (isDisplayMath(node)) {
    node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: MATH_LABEL };
  } else if (node.type === 'element' && node.tagName === 'table' && node.properties?.['tabIndex'] === undefined) {
    node.properties = { ...node.properties, tabIndex: 0 };
  }
  for (const child of node.children ?? []) walk(child);
}

/** The rehype plugin (no options). */
export default function rehypeScrollable() {
  /** @param {HastNode} tree */
  return (tree) => walk(tree);
}
