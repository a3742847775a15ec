// @ts-check
// Display formulas and tables scroll sideways in their own box on narrow screens (.katex-display
// and .sl-markdown-content table are overflow-x: auto in src/styles/custom.css). A box that
// scrolls must be reachable by keyboard, or a reader without a mouse cannot see the end of a long
// formula or the last columns of a table (WCAG 2.1.1): each becomes focusable, and a display
// formula a labelled group. Runs after rehype-katex, which makes the formula boxes.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

import { isAbsolute, join, relative, sep } from 'node:path';

/** The display formula's accessible name per page language (English pages: files under <notes>/en/). */
export const MATH_LABELS = { ko: '수식', en: 'Formula' };
export const MATH_LABEL = MATH_LABELS.ko;

/**
 * 'en' for a page under `<notesDir>/en/` (the English edition), else 'ko'; the same rule as
 * src/node/markdown/rehype-citations-site.ts's pageLangOf.
 * @param {string | undefined} path @param {string} notesDir @returns {'ko' | 'en'}
 */
export function langOfPath(path, notesDir) {
  if (!path) return 'ko';
  const abs = (/** @type {string} */ p) => (isAbsolute(p) ? p : join(process.cwd(), p));
  return relative(abs(notesDir), abs(path)).split(sep)[0] === 'en' ? 'en' : 'ko';
}

/** @param {HastNode} node */
function isDisplayMath(node) {
  const cls = node.properties?.['className'];
  return node.type === 'element' && Array.isArray(cls) && cls.includes('katex-display');
}

/** @param {HastNode} node @param {string} label */
function walk(node, label) {
  if (isDisplayMath(node)) {
    node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: label };
  } else if (node.type === 'element' && node.tagName === 'table' && node.properties?.['tabIndex'] === undefined) {
    node.properties = { ...node.properties, tabIndex: 0 };
  }
  for (const child of node.children ?? []) walk(child, label);
}

/**
 * The rehype plugin; `notesDir` (default content/docs) tells English pages from Korean ones.
 * @param {{ notesDir?: string }} [options]
 */
export default function rehypeScrollable(options = {}) {
  const notesDir = options.notesDir ?? 'content/docs';
  /** @param {HastNode} tree @param {{ history?: string[] }} [file] */
  return (tree, file) => walk(tree, MATH_LABELS[langOfPath(file?.history?.[0], notesDir)]);
}
