import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { z } from 'zod';
import { loadMap, pagePath } from './coverage-lib';
import { NOTE_URLS } from '@src/components/source-notes/source-files';
import { sourceNotesField } from '@src/components/source-notes/schema';

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return m ? (load(m[1]!) as Record<string, unknown>) : {};
}

/** "page: missing <url>" for each note a page derives from (per the map) but does not link. */
function missing(pages: Map<string, Set<string>>, read: (page: string) => string): string[] {
  const out: string[] = [];
  for (const [page, sources] of pages) {
    const parsed = sourceNotesField.safeParse(frontmatter(read(page))['sourceNotes']);
    if (!parsed.success) {
      out.push(`${page}: invalid sourceNotes: ${z.prettifyError(parsed.error)}`);
      continue;
    }
    const urls = new Set((parsed.data ?? []).map((n) => n.url));
    for (const s of sources) if (!urls.has(NOTE_URLS[s] ?? `(no url known for ${s})`)) out.push(`${page}: missing ${NOTE_URLS[s] ?? s}`);
  }
  return out;
}

const derived = new Map<string, Set<string>>();
for (const m of loadMap()) {
  if (!derived.has(m.page)) derived.set(m.page, new Set());
  derived.get(m.page)!.add(m.source);
}

describe('sourceNotes: every page made from a note links to that note', () => {
  it('knows a URL for every note in the coverage map', () => {
    expect([...new Set(loadMap().map((m) => m.source))].filter((s) => !NOTE_URLS[s])).toEqual([]);
  });

  it('catches a page without the field and a URL outside the notes repository', () => {
    const fake = new Map([
      ['a', new Set(['Transformer.md'])],
      ['b', new Set(['Transformer.md'])],
    ]);
    const pages: Record<string, string> = {
      a: '---\ntitle: x\n---\n',
      b: '---\ntitle: x\nsourceNotes:\n  - title: T\n    url: https://example.com/Transformer.md\n---\n',
    };
    const got = missing(fake, (p) => pages[p]!);
    expect(got[0]).toBe(`a: missing ${NOTE_URLS['Transformer.md']}`);
    expect(got[1]).toMatch(/^b: invalid sourceNotes/);
  });

  it('holds for every page in docs/coverage-map.json', () => {
    expect(derived.size).toBeGreaterThan(0);
    expect(missing(derived, (p) => readFileSync(pagePath(p), 'utf8'))).toEqual([]);
  });
});
