import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { extractItems, loadMap, loadSourceItems, pagePath, renderTable, TABLE_PATH, SOURCE_FILES } from './coverage-lib';

const items = loadSourceItems();
const map = loadMap();

describe('source-note coverage', () => {
  it('parses headings, bullets, numbered, <li>, quote and bold-only lines', () => {
    const got = extractItems('x', '## 제목\n- 점 **굵게**\n1. 번호\n<li> 항목 </li>\n> 인용\n **굵은 줄**\n본문은 아님\n---\n');
    expect(got.map((g) => [g.kind, g.text, g.line])).toEqual([
      ['heading', '제목', 1], ['bullet', '점 굵게', 2], ['numbered', '번호', 3], ['li', '항목', 4], ['quote', '인용', 5], ['bold', '굵은 줄', 6],
    ]);
  });

  it('finds every item of the three notes (sanity: counts)', () => {
    const per = SOURCE_FILES.map((f) => items.filter((i) => i.file === f).length);
    expect(per).toEqual([89, 126, 33]);
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
      if (!existsSync(p)) { bad.push(`${m.page}: no such page (${p})`); continue; }
      if (!readFileSync(p, 'utf8').includes(m.phrase)) bad.push(`${m.page}: phrase not found: "${m.phrase}" (for "${m.item}")`);
    }
    expect(bad).toEqual([]);
  });

  it('docs/coverage.md is the rendering of the map (regenerate with npx tsx test/unit/coverage-lib.ts --write)', () => {
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(renderTable(items, map));
  });
});
