/**
 * What a Korean page and its English translation must share (#23), read from the parsed MDX
 * (mdast: remark-parse + the site's GFM options + remark-math + remark-mdx, the same syntax the
 * build reads), so the two editions cannot drift apart silently:
 *
 * - headings: the same count and depths, in order (the text is translated);
 * - math: the same KaTeX source of every $…$ and $$…$$, in order;
 * - citations: the same keys, in the order of their first use;
 * - components: the same JSX components (capitalised names) with the same props, in order. Props
 *   that hold prose — PROSE_PROPS — may differ; every other prop must be equal (a literal by value,
 *   an {expression} by its source). Lower-case HTML elements are not compared: an English page
 *   wraps a quoted Korean term in <span lang="ko">…</span>, which the Korean page has no need of;
 * - frontmatter: the same sidebar.order and the same sourceNotes links (their titles are prose);
 * - numbers: the same multiset of numbers in the prose (text, headings, table cells, component
 *   children). Not counted: code, math (compared above), citation keys, link URLs and bare URLs,
 *   import/export lines, frontmatter. A translation keeps digits as digits ("3 teachers", not
 *   "three teachers"; "5월" ↔ "May 5": an English month name next to a number counts as its
 *   number); "1,234" = "1234", "0.50" = "0.5", and a sign or a unit is not part of the number.
 */
import type { Heading, Link, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math as MathNode } from 'mdast-util-math';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { GFM_OPTIONS } from '@src/node/markdown/gfm-options';
import { citationGroups } from '@src/node/markdown/citation-keys';

/** Props whose value is prose, translated freely (any other prop must be equal in both pages). */
const PROSE_PROPS: ReadonlySet<string> = new Set(['title', 'caption', 'alt', 'label', 'description', 'aria-label', 'summary']);

export interface PageShape {
  /** Heading depths in order, with their line and text for messages. */
  headings: Array<{ depth: number; text: string; line: number }>;
  math: string[];
  citations: string[];
  components: string[];
  /** Sorted normalised numbers. */
  numbers: string[];
  /** Frontmatter that must match: sidebar.order and the sourceNotes URLs. */
  order: number | undefined;
  notes: string[];
}

function frontmatterShape(src: string): { order: number | undefined; notes: string[] } {
  const fm = (parseFrontmatter(src).frontmatter ?? {}) as { sidebar?: { order?: unknown }; sourceNotes?: Array<{ url?: unknown }> };
  const order = typeof fm.sidebar?.order === 'number' ? fm.sidebar.order : undefined;
  const notes = Array.isArray(fm.sourceNotes) ? fm.sourceNotes.map((n) => String(n?.url ?? '')) : [];
  return { order, notes };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NEXT_TO_NUMBER = new RegExp(
  `\\b(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})\\b(?=\\s+\\d)|(?<=\\d\\s+)\\b(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})\\b`,
  'g',
);
/** A number as written: digits with optional thousands commas and a decimal part. */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g;
const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+/g;

/** "1,234" → "1234", "0.50" → "0.5", "05" → "5". */
function normalizeNumber(token: string): string {
  const n = Number(token.replace(/,/g, ''));
  return Number.isFinite(n) ? String(n) : token;
}

const num = (s: string | undefined): number => Number((s ?? '0').replace(/,/g, ''));
const spelled = (x: number): string => ` ${Math.round(x)} `;
/**
 * Korean counts large numbers in myriads (5만 8천 = 58,000; 1억 8800만 = 188,000,000) and English
 * in millions and billions (58,000; 188 million): both become one plain number, so "8,600만"
 * and "86 million" are the same number of the page.
 */
function spellOutLargeNumbers(text: string): string {
  return text
    .replace(/(\d[\d,]*(?:\.\d+)?)\s*억(?:\s*(\d+)\s*천\s*만|\s*(\d[\d,]*)\s*만)?/g, (_m, a: string, b?: string, c?: string) =>
      spelled(num(a) * 1e8 + num(b) * 1e7 + num(c) * 1e4),
    )
    .replace(/(\d[\d,]*(?:\.\d+)?)\s*만(?:\s*(\d+)\s*천)?/g, (_m, a: string, b?: string) => spelled(num(a) * 1e4 + num(b) * 1e3))
    .replace(/(\d[\d,]*(?:\.\d+)?)\s*천(?![가-힣])/g, (_m, a: string) => spelled(num(a) * 1e3))
    .replace(/(\d[\d,]*(?:\.\d+)?)\s+(million|billion)\b/g, (_m, a: string, u: string) => spelled(num(a) * (u === 'million' ? 1e6 : 1e9)));
}

/** The numbers in one prose string (citations and URLs removed first). */
export function numbersIn(text: string): string[] {
  let t = text.replace(URL_TEXT, ' ');
  for (const g of citationGroups(t)) t = t.replace(g.text, ' ');
  t = spellOutLargeNumbers(t);
  const months = [...t.matchAll(MONTH_NEXT_TO_NUMBER)].map((m) => String(MONTHS.indexOf((m[1] ?? m[2] ?? '').toLowerCase()) + 1));
  return [...(t.match(NUMBER) ?? []).map(normalizeNumber), ...months];
}

function parser() {
  return unified().use(remarkParse).use(remarkGfm, GFM_OPTIONS).use(remarkMath).use(remarkMdx);
}

/** The source with its frontmatter blanked (line numbers kept), so remark does not read `---` as a rule. */
function withoutFrontmatter(src: string): string {
  return src.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (m) => m.replace(/[^\n]/g, ''));
}

function plainText(n: RootContent): string {
  if ('value' in n && typeof n.value === 'string' && n.type !== 'math' && n.type !== 'inlineMath') return n.value;
  if (n.type === 'inlineMath') return `$${n.value}$`;
  return 'children' in n ? (n.children as RootContent[]).map(plainText).join('') : '';
}

function attrText(a: MdxJsxAttribute | MdxJsxExpressionAttribute): string | null {
  if (a.type === 'mdxJsxExpressionAttribute') return `{${a.value}}`;
  if (PROSE_PROPS.has(a.name)) return null;
  if (a.value === null || a.value === undefined) return a.name;
  return typeof a.value === 'string' ? `${a.name}=${JSON.stringify(a.value)}` : `${a.name}={${a.value.value}}`;
}

/** What must match between the two editions, from one MDX source. */
export function pageShape(src: string): PageShape {
  const tree = parser().parse(withoutFrontmatter(src)) as Root;
  const shape: PageShape = { headings: [], math: [], citations: [], components: [], numbers: [], ...frontmatterShape(src) };
  const prose: string[] = [];
  const visit = (n: RootContent | Root): void => {
    switch (n.type) {
      case 'heading': {
        const h = n as Heading;
        shape.headings.push({ depth: h.depth, text: plainText(h), line: h.position?.start.line ?? 0 });
        break;
      }
      case 'math':
      case 'inlineMath':
        shape.math.push((n as MathNode | InlineMath).value.trim());
        return;
      case 'code':
      case 'inlineCode':
      case 'mdxjsEsm':
      case 'html':
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        shape.components.push(`{${n.value}}`);
        return;
      case 'link': {
        const l = n as Link;
        // A bare URL shown as its own text is not prose.
        if (l.children.length === 1 && l.children[0]?.type === 'text' && (l.children[0] as Text).value === l.url) return;
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const el = n as MdxJsxFlowElement | MdxJsxTextElement;
        if (el.name && /^[A-Z]/.test(el.name)) {
          const attrs = el.attributes.map(attrText).filter((a): a is string => a !== null);
          shape.components.push(`<${el.name}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`);
        }
        break;
      }
      case 'text':
        prose.push((n as Text).value);
        return;
    }
    if ('children' in n) for (const c of n.children as RootContent[]) visit(c);
  };
  visit(tree);
  // Citation keys from the same prose text (a key's digits are not numbers of the page).
  const keys: string[] = [];
  for (const g of citationGroups(prose.join('\n'))) for (const k of g.keys) if (!keys.includes(k)) keys.push(k);
  shape.citations = keys;
  shape.numbers = prose.flatMap(numbersIn).sort();
  return shape;
}

/** "a b c" minus "a c" → "b": the multiset difference, for readable number messages. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function firstDiff<T>(a: readonly T[], b: readonly T[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Every way the English page differs from its Korean source; [] when they pair up. */
export function compareShapes(ko: PageShape, en: PageShape): string[] {
  const out: string[] = [];
  const kd = ko.headings.map((h) => h.depth);
  const ed = en.headings.map((h) => h.depth);
  const hi = firstDiff(kd, ed);
  if (hi >= 0) {
    const k = ko.headings[hi];
    const e = en.headings[hi];
    out.push(
      `headings: Korean has ${kd.length} (${kd.map((d) => `h${d}`).join(' ')}), English ${ed.length} (${ed.map((d) => `h${d}`).join(' ')}); ` +
        `first difference at #${hi + 1}: Korean ${k ? `h${k.depth} "${k.text}" (line ${k.line})` : 'none'}, English ${e ? `h${e.depth} "${e.text}" (line ${e.line})` : 'none'}`,
    );
  }
  const mi = firstDiff(ko.math, en.math);
  if (mi >= 0)
    out.push(`math #${mi + 1} differs: Korean ${JSON.stringify(ko.math[mi] ?? null)}, English ${JSON.stringify(en.math[mi] ?? null)}`);
  if (firstDiff(ko.citations, en.citations) >= 0)
    out.push(`citation keys (order of first use): Korean [${ko.citations.join(', ')}], English [${en.citations.join(', ')}]`);
  const ci = firstDiff(ko.components, en.components);
  if (ci >= 0)
    out.push(
      `component #${ci + 1} differs: Korean ${ko.components[ci] ?? 'none'}, English ${en.components[ci] ?? 'none'} (props other than ${[...PROSE_PROPS].join('/')} must be equal)`,
    );
  if (ko.order !== en.order) out.push(`frontmatter sidebar.order: Korean ${ko.order ?? 'none'}, English ${en.order ?? 'none'}`);
  if (ko.notes.join('\n') !== en.notes.join('\n'))
    out.push(`frontmatter sourceNotes links differ: Korean [${ko.notes.join(', ')}], English [${en.notes.join(', ')}]`);
  const onlyKo = minus(ko.numbers, en.numbers);
  const onlyEn = minus(en.numbers, ko.numbers);
  if (onlyKo.length || onlyEn.length)
    out.push(
      `numbers in prose differ: only in Korean [${onlyKo.join(', ')}], only in English [${onlyEn.join(', ')}] (keep digits as digits)`,
    );
  return out;
}
