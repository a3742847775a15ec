// What the reader sees must be what the source wrote. Two bugs changed it silently:
//  - GFM struck through the text between two single-tilde ranges ("0.36~1.91 %p … 0.04~0.61 %p")
//    and dropped both tildes, so findings looked retracted;
//  - MDX evaluated "{0.3, 0.5, 0.7}" in prose as a JavaScript expression (comma operator → 0.7).
// Every page is parsed here with the site's own remark-gfm options (GFM_OPTIONS, the ones
// astro.config.mjs uses), and the test fails on any strikethrough the source did not spell `~~x~~`,
// on any inline expression in prose that is not a plain string literal, on any text node
// whose rendered value lost a digit, tilde or brace of its source, and on ** shown literally.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Node, Parent } from 'unist';
import { GFM_OPTIONS } from '@src/node/markdown/gfm-options';
import { ROOT } from './coverage-lib';

const DOCS = join(ROOT, 'content', 'docs');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

interface Positioned extends Node {
  value?: string;
}

function walk(node: Node, visit: (n: Positioned, parent: Parent | null) => void, parent: Parent | null = null): void {
  visit(node as Positioned, parent);
  const kids = (node as Parent).children;
  if (Array.isArray(kids)) for (const k of kids) walk(k, visit, node as Parent);
}

/** Characters whose loss changes a number, a range or a set: digits, tilde, braces. */
const GUARDED = /[0-9~{}]/g;
const guarded = (s: string) => (s.match(GUARDED) ?? []).join('');
/** A markdown text node's source with backslash escapes resolved (`\{` renders as `{`). */
const resolveEscapes = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** A JS string literal, rendered verbatim: `{'{0.3, 0.5, 0.7}'}`. */
const STRING_LITERAL = /^\s*(?:'[^'\\]*'|"[^"\\]*")\s*$/;
/**
 * A value computed on purpose: a name or a property chain, maybe called (`{excerpt.totals.windows}`,
 * `{fmt(x)}`). Prose that JavaScript happens to parse (`{0.3, 0.5, 0.7}`, `{a, b}`, `{1~2}`) is not.
 */
const COMPUTED_VALUE = /^\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*(?:\([\w$.,\s'"]*\))?\s*$/;

/** Problems of one source text, as "line N: …" strings. */
function renderProblems(source: string): string[] {
  // frontmatter is YAML, not prose: blank it (line numbers kept) instead of adding a YAML parser
  const text = source.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm, GFM_OPTIONS).use(remarkMath).parse(text);
  const out: string[] = [];
  walk(tree, (n, parent) => {
    const pos = n.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
    const src = text.slice(pos.start.offset, pos.end.offset);
    const at = `line ${pos.start.line}`;
    if (n.type === 'delete' && !src.startsWith('~~'))
      out.push(`${at}: strikethrough the source did not ask for (write ~~x~~ to mean it): ${JSON.stringify(src)}`);
    if (
      n.type === 'mdxTextExpression' &&
      parent?.type !== 'mdxJsxTextElement' &&
      !STRING_LITERAL.test(n.value ?? '') &&
      !COMPUTED_VALUE.test(n.value ?? '')
    )
      out.push(`${at}: {…} in prose is evaluated as JavaScript, not shown: ${JSON.stringify(src)} (escape \\{ \\} or use {'…'})`);
    // CommonMark's flanking rules: "**PI(x)**를" (closing ** after punctuation, before a Hangul
    // syllable) is not bold, and the reader sees the asterisks
    if (n.type === 'text' && /\*\*/.test(n.value ?? ''))
      out.push(`${at}: emphasis markers shown literally (move ** next to a letter): ${JSON.stringify(n.value)}`);
    if (n.type === 'text' && guarded(n.value ?? '') !== guarded(resolveEscapes(src)))
      out.push(`${at}: rendered text lost characters of its source: ${JSON.stringify(src)} → ${JSON.stringify(n.value)}`);
  });
  return out;
}

describe('MDX prose renders what its source says', () => {
  for (const file of mdxFiles(DOCS)) {
    it(relative(ROOT, file), () => {
      expect(renderProblems(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }

  it('catches the two known bugs (single-tilde ranges, a {set} in prose) and accepts their fixes', () => {
    // with the site's options a single-tilde range stays text; an explicit ~~x~~ is allowed
    expect(renderProblems('ann은 0.36~1.91 %p, 차이는 0.04~0.61 %p입니다.\n')).toEqual([]);
    expect(renderProblems('~~지운 문장~~\n')).toEqual([]);
    expect(renderProblems('α ∈ {0.3, 0.5, 0.7}을 돌립니다.\n')).toHaveLength(1);
    expect(renderProblems('α ∈ \\{0.3, 0.5, 0.7\\}을 돌립니다.\n')).toEqual([]);
    expect(renderProblems("α ∈ {'{0.3, 0.5, 0.7}'}을 돌립니다.\n")).toEqual([]);
    // a value the page computes on purpose is not prose
    expect(renderProblems('피험자 {excerpt.subjects.length}명, 윈도우 {fmt(n)}개\n')).toEqual([]);
    expect(renderProblems('두 값 {a, b}\n')).toHaveLength(1);
    expect(renderProblems('GAF가 아니라 **persistence image(PI)**를 만듭니다.\n')).toHaveLength(1);
    expect(renderProblems('GAF가 아니라 **persistence image**(PI)를 만듭니다.\n')).toEqual([]);
  });
});
