/**
 * Citations on the site: rehype-citation formats `[@key]` against content/references.bib
 * with the site's numeric style (numeric.csl), then `rehypeCitationsFinish`:
 *   1. fails the build when a citation was left unformatted, naming the page and the key
 *      (rehype-citation silently leaves unknown keys as plain text);
 *   2. links each "[n]" to its entry (one link per source, locator included);
 *   3. gives each entry a link to its arXiv page or DOI;
 *   4. puts the list under a "참고 문헌" heading ("References" on the English pages, files under
 *      <notes>/en/: the language is read from the file's path), at the end of the page.
 * Must run after rehype-citation and before Astro's heading collection (for the TOC).
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { VFile } from 'vfile';
import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeCitation from 'rehype-citation';
import { SKIP, visit } from 'unist-util-visit';
import { BIB_FILE, entryLink, loadBib } from './bib';
import { citationGroups } from './citation-keys';
import type { Lang, Localized } from '../../i18n/lang';

export const REFERENCES_HEADINGS: Localized<string> = { ko: '참고 문헌', en: 'References' };
export const REFERENCES_HEADING = REFERENCES_HEADINGS.ko;
/** Where text is not prose: a "[@x]" there is not a citation. */
const NOT_PROSE = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);
const CSL_PATH = 'src/node/markdown/numeric.csl';

function classes(e: Element): string[] {
  const c = e.properties['className'];
  return Array.isArray(c) ? c.map(String) : c ? String(c).split(/\s+/) : [];
}
function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
const txt = (value: string): Text => ({ type: 'text', value });

export class CitationError extends Error {}

/** Text nodes of prose (not code, not KaTeX output) with their parent. */
function proseTexts(tree: Root, fn: (t: Text, parent: Element | Root) => void): void {
  visit(tree, (node, _i, parent) => {
    if (node.type === 'element' && (NOT_PROSE.has(node.tagName) || classes(node).includes('katex'))) return SKIP;
    if (node.type === 'text' && parent) fn(node, parent as Element | Root);
    return undefined;
  });
}

function pageName(file: VFile): string {
  const p = file.history[0];
  return p ? relative(process.cwd(), p) : '(unknown page)';
}

/** Throws when a "[@…]" group is still plain text after rehype-citation ran. */
function checkLeftovers(tree: Root, file: VFile, known: ReadonlySet<string>): void {
  const problems: string[] = [];
  proseTexts(tree, (t, parent) => {
    // rehype-citation's split text nodes carry no position; their paragraph does.
    const at = (t.position ?? parent.position)?.start?.line;
    const line = at ? `line ${at}: ` : '';
    for (const g of citationGroups(t.value)) {
      const unknown = g.keys.filter((k) => !known.has(k));
      if (unknown.length)
        problems.push(
          `${line}unknown citation key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} in ${g.text} (not in ${BIB_FILE})`,
        );
      else
        problems.push(
          `${line}citation ${g.text} was not formatted: cite in a paragraph, list item or table cell, not inside a heading, link or emphasis`,
        );
    }
  });
  if (problems.length) throw new CitationError(`${pageName(file)}: ${problems.join('; ')}`);
}

/** Number of each cited key, read from the bibliography's order ("[n]" in its left margin). */
function numbersOf(refs: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of refs.children) {
    if (entry.type !== 'element' || !classes(entry).includes('csl-entry')) continue;
    const key = String(entry.properties['id'] ?? '').replace(/^bib-/, '');
    let n = '';
    visit(entry, 'text', (t) => {
      if (!n) n = /\[(\d+)\]/.exec(t.value)?.[1] ?? '';
    });
    out.set(key, n);
  }
  return out;
}

/** "[1], [2, p. 3]" -> one link per source, each to its entry. */
function linkCitation(span: Element, keys: string[], numbers: Map<string, string>, page: string): void {
  let text = '';
  visit(span, 'text', (t) => {
    text += t.value;
  });
  const parts = [...text.matchAll(/\[(\d+)[^\]]*\]/g)];
  if (parts.length !== keys.length)
    throw new CitationError(`${page}: citation "${text}" has ${parts.length} numbers for ${keys.length} keys`);
  // Anything but ", " between or around the "[n…]" parts is a locator citeproc only half read
  // ("[@k, sec. 3.1]" -> "[1, sec. 3].1"); braces pass it whole: "[@k, {sec. 3.1}]".
  const gaps = [
    text.slice(0, parts[0]?.index ?? 0),
    ...parts.map((m, i) => text.slice(m.index + m[0].length, parts[i + 1]?.index ?? text.length)),
  ];
  if (gaps.some((g, i) => g !== (i === 0 || i === gaps.length - 1 ? '' : ', ')))
    throw new CitationError(
      `${page}: citation rendered as "${text}": put a locator that is not a plain number in braces, e.g. [@${keys[0]}, {sec. 3.1}]`,
    );
  const children: ElementContent[] = [];
  let at = 0;
  parts.forEach((m, i) => {
    const key = keys[i]!;
    if (numbers.get(key) !== m[1]) throw new CitationError(`${page}: citation "${text}": [${m[1]}] is not the number of ${key}`);
    if (m.index > at) children.push(txt(text.slice(at, m.index)));
    children.push(el('a', { href: `#bib-${key}`, className: ['cite-ref'] }, [txt(m[0])]));
    at = m.index + m[0].length;
  });
  if (at < text.length) children.push(txt(text.slice(at)));
  span.children = children;
  span.properties['className'] = ['citation'];
}

/**
 * The language of a page from its path: English under `<notesDir>/en/` (the English edition has
 * the Korean slugs under en/), Korean elsewhere. `notesDir` is absolute or relative to the cwd.
 */
export function pageLangOf(file: VFile, notesDir: string): Lang {
  const p = file.history[0];
  if (!p) return 'ko';
  const rel = relative(isAbsolute(notesDir) ? notesDir : join(process.cwd(), notesDir), isAbsolute(p) ? p : join(process.cwd(), p));
  return rel.split(sep)[0] === 'en' ? 'en' : 'ko';
}

/**
 * `root`: the repository root (the bibliography is `<root>/content/references.bib`);
 * `notesDir`: the notes folder (content/docs, or NOTES_DOCS_DIR in tests), for the page language.
 */
function rehypeCitationsFinish(options: { root: string; notesDir?: string }) {
  const notesDir = options.notesDir ?? join(options.root, 'content', 'docs');
  const bib = loadBib(join(options.root, BIB_FILE));
  const known = new Set(bib.keys());
  return (tree: Root, file: VFile): void => {
    checkLeftovers(tree, file, known);
    const idx = tree.children.findIndex((c) => c.type === 'element' && c.properties['id'] === 'refs');
    if (idx < 0) return;
    const refs = tree.children[idx] as Element;
    const page = pageName(file);
    const numbers = numbersOf(refs);
    visit(tree, 'element', (node) => {
      const id = String(node.properties['id'] ?? '');
      if (node.tagName !== 'span' || !id.startsWith('citation--')) return undefined;
      linkCitation(node, id.split('--').slice(1, -1), numbers, page);
      return SKIP;
    });
    for (const entry of refs.children) {
      if (entry.type !== 'element' || !classes(entry).includes('csl-entry')) continue;
      const key = String(entry.properties['id']).replace(/^bib-/, '');
      const link = bib.get(key) && entryLink(bib.get(key)!);
      if (!link) throw new CitationError(`${page}: ${BIB_FILE} entry ${key} has no url, doi or eprint`);
      const body = entry.children.find((c): c is Element => c.type === 'element' && classes(c).includes('csl-right-inline')) ?? entry;
      body.children.push(txt(' '), el('a', { href: link.href, className: ['ref-link'] }, [txt(link.label)]));
    }
    const heading = REFERENCES_HEADINGS[pageLangOf(file, notesDir)];
    const section = el('section', { className: ['references'] }, [el('h2', {}, [txt(heading)]), refs]);
    tree.children.splice(idx, 1, section as RootContent);
  };
}

/** The plugin pair for astro.config.mjs; `root` is the repository root, `notesDir` the notes folder. */
export function citationPlugins(root: string, notesDir = join(root, 'content', 'docs')): RehypePlugins {
  return [
    [rehypeCitation, { bibliography: BIB_FILE, path: root, csl: CSL_PATH, lang: 'en-US' }],
    [rehypeCitationsFinish, { root, notesDir }],
  ];
}
