import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { extractItems, loadMap, loadSourceItems, pagePath, renderTable, TABLE_PATH, SOURCE_DIR, SOURCE_FILES } from './coverage-lib';

interface MdNode {
  type: string;
  children?: MdNode[];
  ordered?: boolean | null;
  value?: string;
  position?: { start: { line: number }; end: { line: number } };
}

/**
 * The items of a note as `kind@line`, found by a real CommonMark parser (mdast), not by the
 * line rules under test: headings, list items (ordered → numbered), each <li> in raw HTML, each
 * line of a block quote, and top-level paragraphs that are one bold run.
 */
function commonMarkItems(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  const walk = (n: MdNode, parent: MdNode | null): void => {
    const line = n.position?.start.line ?? 0;
    if (n.type === 'heading') out.push(`heading@${line}`);
    if (n.type === 'listItem') out.push(`${parent?.ordered ? 'numbered' : 'bullet'}@${line}`);
    if (n.type === 'html') {
      (n.value ?? '').split('\n').forEach((l, k) => {
        out.push(...(l.match(/<li>/g) ?? []).map(() => `li@${line + k}`));
      });
    }
    if (n.type === 'blockquote') {
      for (let l = line; l <= (n.position?.end.line ?? line); l++) if (lines[l - 1]?.trim()) out.push(`quote@${l}`);
      return; // a bold line inside a quote is a quote
    }
    if (n.type === 'paragraph' && parent?.type === 'root' && n.children?.length === 1 && n.children[0]?.type === 'strong')
      out.push(`bold@${line}`);
    for (const c of n.children ?? []) walk(c, n);
  };
  walk(fromMarkdown(text) as MdNode, null);
  return out;
}

const items = loadSourceItems();
const map = loadMap();

describe('source-note coverage', () => {
  it('parses headings, bullets, numbered, <li>, quote and bold-only lines', () => {
    const got = extractItems('x', '## 제목\n- 점 **굵게**\n1. 번호\n<li> 항목 </li>\n> 인용\n **굵은 줄**\n본문은 아님\n---\n');
    expect(got.map((g) => [g.kind, g.text, g.line])).toEqual([
      ['heading', '제목', 1],
      ['bullet', '점 굵게', 2],
      ['numbered', '번호', 3],
      ['li', '항목', 4],
      ['quote', '인용', 5],
      ['bold', '굵은 줄', 6],
    ]);
  });

  it('finds every item a CommonMark parser finds in the three notes (same kind, same line)', () => {
    for (const f of SOURCE_FILES) {
      const got = items
        .filter((i) => i.file === f)
        .map((i) => `${i.kind}@${i.line}`)
        .sort();
      expect(got, f).toEqual(commonMarkItems(readFileSync(join(SOURCE_DIR, f), 'utf8')).sort());
    }
  });

  it('maps every heading and list item to a page', () => {
    const missing = items.filter((it) => !map.some((m) => m.source === it.file && m.item === it.text));
    expect(missing.map((m) => `${m.file}:${m.line} ${m.text}`)).toEqual([]);
  });

  it('has no stale map entries', () => {
    const stale = map.filter((m) => !items.some((it) => it.file === m.source && it.text === m.item));
    expect(stale.map((s) => `${s.source}: ${s.item}`)).toEqual([]);
  });

  it('each mapped phrase occurs in the mapped page', () => {
    const bad: string[] = [];
    for (const m of map) {
      const p = pagePath(m.page);
      if (!existsSync(p)) {
        bad.push(`${m.page}: no such page (${p})`);
        continue;
      }
      if (!readFileSync(p, 'utf8').includes(m.phrase)) bad.push(`${m.page}: phrase not found: "${m.phrase}" (for "${m.item}")`);
    }
    expect(bad).toEqual([]);
  });

  it('docs/coverage.md is the rendering of the map (regenerate with npx tsx test/unit/coverage-lib.ts --write)', () => {
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(renderTable(items, map));
  });
});
