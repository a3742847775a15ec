import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NOTE_GROUPS, notesSidebar } from '../../scripts/sidebar.mjs';

let root = '';
const HOME = { label: '홈', translations: { en: 'Home' }, link: '/' };
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function notes(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'sidebar-'));
  for (const [rel, frontmatter] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), `---\ntitle: t\n${frontmatter}\n---\n본문\n`);
  }
  return root;
}

describe('notesSidebar (sidebar generated from content/docs)', () => {
  it('groups by folder in a fixed order, pages by sidebar.order, then unordered pages by slug', () => {
    const dir = notes({
      'index.mdx': '',
      'results/index.mdx': 'sidebar: { order: 1 }',
      'results/b.mdx': 'sidebar: { order: 2 }',
      'research/kd-method.mdx': 'sidebar: { order: 2 }',
      'research/2025-05-02.mdx': 'sidebar: { order: 1 }',
      'research/2025-05-09.mdx': '', // a new weekly note with no order: after the ordered ones
      'research/2025-05-16.md': '',
      'study/vit.mdx': 'sidebar:\n  order: 7',
      'study/transformer.mdx': 'sidebar: { order: 6 }',
      'study/llm.mdx': 'sidebar: { order: 10 }',
    });
    expect(notesSidebar(dir)).toEqual([
      HOME,
      { label: '공부 노트', translations: { en: 'Study notes' }, items: ['study/transformer', 'study/vit', 'study/llm'] },
      {
        label: '연구 로그 (KD)',
        translations: { en: 'Research log (KD)' },
        items: ['research/2025-05-02', 'research/kd-method', 'research/2025-05-09', 'research/2025-05-16'],
      },
      { label: '실험 결과', translations: { en: 'Results' }, items: ['results', 'results/b'] },
    ]);
  });

  it('leaves out hidden pages, drafts and _partials; keeps other top-level pages after the groups', () => {
    const dir = notes({
      'index.mdx': '',
      'glossary.mdx': 'sidebar: { order: 2 }',
      'about.mdx': 'sidebar: { order: 1 }',
      'study/a.mdx': 'sidebar: { hidden: true }',
      'study/b.mdx': 'draft: true',
      'study/c.mdx': '',
      'study/_part.mdx': '',
    });
    expect(notesSidebar(dir)).toEqual([
      HOME,
      { label: '공부 노트', translations: { en: 'Study notes' }, items: ['study/c'] },
      'about',
      'glossary',
    ]);
  });

  it('uses a frontmatter slug when a page sets one', () => {
    const dir = notes({ 'study/long-file-name.mdx': 'slug: study/short' });
    expect(notesSidebar(dir)).toEqual([HOME, { label: '공부 노트', translations: { en: 'Study notes' }, items: ['study/short'] }]);
  });

  it('refuses what would drop a page silently: unknown or nested folders, odd names, a non-numeric order', () => {
    expect(() => notesSidebar(notes({ 'misc/a.mdx': '' }))).toThrow(/misc: no sidebar group for this folder/);
    expect(() => notesSidebar(notes({ 'study/vlm/a.mdx': '' }))).toThrow(/study\/vlm: notes are one folder deep/);
    expect(() => notesSidebar(notes({ 'study/My Note.mdx': '' }))).toThrow(/study\/My Note\.mdx: note file and folder names/);
    expect(() => notesSidebar(notes({ 'study/a.mdx': 'sidebar: { order: first }' }))).toThrow(
      /study\/a\.mdx: sidebar.order must be a number/,
    );
  });

  it('ignores the English edition (content/docs/en/ mirrors the Korean slugs) and labels groups in both languages', () => {
    const dir = notes({
      'index.mdx': '',
      'study/vit.mdx': 'sidebar: { order: 2 }',
      'en/index.mdx': '',
      'en/study/vit.mdx': 'sidebar: { order: 2 }',
      'en/study/only-english.mdx': 'sidebar: { order: 1 }',
    });
    // Starlight localises each slug per locale (study/vit → en/study/vit), so one config serves both.
    expect(notesSidebar(dir)).toEqual([HOME, { label: '공부 노트', translations: { en: 'Study notes' }, items: ['study/vit'] }]);
  });

  it('gives every group and the home link an English label', () => {
    for (const g of NOTE_GROUPS) expect(g.translations.en, g.dir).toMatch(/^[A-Z][A-Za-z ()]+$/);
  });
});
