// Coverage of the source notes: every heading and list item of the three notes the site
// publishes (test/fixtures/notes-source) must be mapped, in docs/coverage-map.json, to the page
// that covers it plus a phrase that must appear in that page's .mdx file.
// Run `npx tsx test/unit/coverage-lib.ts --write` to regenerate docs/coverage.md from the map.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const SOURCE_DIR = join(ROOT, 'test', 'fixtures', 'notes-source');
export const SOURCE_FILES = ['000_355cde040fc7946c.txt', 'Transformer.md', 'VisionTransformer.md'] as const;
const MAP_PATH = join(ROOT, 'docs', 'coverage-map.json');
export const TABLE_PATH = join(ROOT, 'docs', 'coverage.md');

type ItemKind = 'heading' | 'bullet' | 'numbered' | 'li' | 'quote' | 'bold';
export interface SourceItem {
  file: string;
  line: number;
  kind: ItemKind;
  text: string;
}

/** Collapses whitespace and drops bold markers, so the map keys read like the note. */
function normalizeItem(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Every heading, bullet, numbered item, <li> item, block quote and bold-only line
 * (the notes use those as sub-headings) of a note, in order, with 1-based line numbers.
 */
export function extractItems(file: string, text: string): SourceItem[] {
  const out: SourceItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const s = (lines[i] ?? '').trim();
    if (!s) continue;
    const push = (kind: ItemKind, t: string) => out.push({ file, line: i + 1, kind, text: normalizeItem(t) });
    const h = /^#{1,6}\s+(.*)$/.exec(s);
    if (h) {
      push('heading', h[1] ?? '');
      continue;
    }
    const lis = [...s.matchAll(/<li>(.*?)<\/li>/g)];
    if (lis.length) {
      for (const m of lis) push('li', m[1] ?? '');
      continue;
    }
    const b = /^[-*]\s+(.*)$/.exec(s);
    if (b) {
      push('bullet', b[1] ?? '');
      continue;
    }
    const n = /^\d+\.\s+(.*)$/.exec(s);
    if (n) {
      push('numbered', n[1] ?? '');
      continue;
    }
    const q = /^>\s*(.*)$/.exec(s);
    if (q) {
      push('quote', q[1] ?? '');
      continue;
    }
    const bold = /^\*\*(.*)\*\*$/.exec(s);
    if (bold) push('bold', bold[1] ?? '');
  }
  return out;
}

const coverageEntrySchema = z.object({
  source: z.enum(SOURCE_FILES),
  item: z.string().min(1),
  page: z.string().regex(/^(index|(study|research|results)\/[a-z0-9-]+)$/, 'page must be a slug under content/docs'),
  phrase: z.string().min(2),
});
const coverageMapSchema = z.array(coverageEntrySchema);
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;

export function loadMap(path = MAP_PATH): CoverageEntry[] {
  const parsed = coverageMapSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: entry ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function loadSourceItems(): SourceItem[] {
  return SOURCE_FILES.flatMap((f) => extractItems(f, readFileSync(join(SOURCE_DIR, f), 'utf8')));
}

export function pagePath(slug: string): string {
  return join(ROOT, 'content', 'docs', `${slug}.mdx`);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** The human-readable table (docs/coverage.md), rendered from the map in source order. */
export function renderTable(items: SourceItem[], map: CoverageEntry[]): string {
  const lines = [
    '# 원본 노트 커버리지 (source-note coverage)',
    '',
    'Generated from `docs/coverage-map.json` by `npx tsx test/unit/coverage-lib.ts --write`;',
    '`test/unit/coverage.test.ts` fails if this file, the map, the source notes or the pages disagree.',
    'Every heading and list item of the three source notes → the page that covers it and a phrase that must appear there.',
    '',
  ];
  for (const file of SOURCE_FILES) {
    lines.push(`## ${file}`, '', '| line | item | page | phrase on the page |', '|---|---|---|---|');
    for (const it of items.filter((x) => x.file === file)) {
      const e = map.find((m) => m.source === file && m.item === it.text);
      lines.push(`| ${it.line} | ${cell(it.text)} | ${e ? `\`${e.page}\`` : '**MISSING**'} | ${e ? cell(e.phrase) : ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(TABLE_PATH, renderTable(loadSourceItems(), loadMap()));
  console.log(`wrote ${TABLE_PATH}`);
}
