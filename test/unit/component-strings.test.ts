/**
 * Issue #23: every sentence a reader sees in the results, figure, source-note and worked-example
 * components lives in a strings table with both languages (files named strings*.ts, or
 * *-strings.ts beside a single component). This test finds any Hangul elsewhere in those
 * components, comments excepted, and names it file:line.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Lang } from '@src/i18n/lang';
import * as figures from '@src/components/figures/strings';
import { KD_DATA_NOTICE } from '@src/components/kd-data-notice-strings';
import { RESULTS } from '@src/components/results/strings';
import { OWN } from '@src/components/results/strings-own';
import { PAGES } from '@src/components/results/strings-pages';
import { RULES } from '@src/components/results/strings-rules';
import { UNCERTAINTY } from '@src/components/results/strings-uncertainty';
import { SOURCE_NOTES } from '@src/components/source-notes/strings';
import { EXAMPLE_SENTENCE, WORKED_TEXT, type WorkedParams } from '@src/components/worked-example/strings';

const ROOT = join(__dirname, '../..');
const DIRS = ['figures', 'results', 'source-notes', 'worked-example'].map((d) => join(ROOT, 'src/components', d));
const FILES = [join(ROOT, 'src/components/KdDataNotice.astro')];

const HANGUL = /[\p{Script=Hangul}]/u;
const isStrings = (f: string) => /^strings[\w-]*\.ts$|-strings\.ts$/.test(basename(f));

/** Files whose Hangul is data no reader sees as text, with the reason. */
const NOT_SHOWN: Record<string, string> = {
  'src/components/source-notes/source-files.ts': 'paths of the notes repository (Korean folder names) inside link URLs',
};

const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/**
 * The source with every comment blanked out (line breaks kept, so line numbers stay right):
 * `// …`, `/* … *\/`, `{/* … *\/}` and `<!-- … -->`. String literals are skipped over, so a
 * "//" inside a URL is not a comment.
 */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < src.length) {
    const two = src.slice(i, i + 2);
    const ch = src[i]!;
    if (two === '//' && src[i - 1] !== ':') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (two === '/*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      const stop = end < 0 ? src.length : end + 3;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      // a string literal (or attribute value) up to its closing quote on the same line
      let j = i + 1;
      while (j < src.length && src[j] !== ch && !(ch !== '`' && src[j] === '\n')) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** `file:line: text` for each line of a non-strings file with Hangul outside comments. */
function hangulOutsideStrings(files: readonly string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  return files
    .filter((f) => /\.(astro|ts|tsx|mjs|js)$/.test(f) && !isStrings(f) && !(relative(ROOT, f).split('\\').join('/') in NOT_SHOWN))
    .flatMap((f) =>
      stripComments(read(f))
        .split('\n')
        .flatMap((line, i) => (HANGUL.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('component strings (issue #23)', () => {
  const files = [...DIRS.flatMap(walk), ...FILES];

  it('scans the component folders and finds their strings tables', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter(isStrings).length).toBeGreaterThanOrEqual(5);
  });

  it('no Hangul outside strings tables in figures, results, source-notes, worked-example and KdDataNotice', () => {
    expect(hangulOutsideStrings(files)).toEqual([]);
  });

  it('finds a literal and ignores comments (the check can fail)', () => {
    const f = join(ROOT, 'src/components/figures/Fake.astro');
    const src = [
      '---',
      '// 설명 주석은 괜찮다',
      "const url = 'https://example.com'; /* 블록 주석 */",
      '---',
      '<!-- 주석 -->',
      '{/* JSX 주석 */}',
      '<text>셀프 어텐션</text>',
      "const x = 'a // b'; const y = '값';",
    ].join('\n');
    expect(hangulOutsideStrings([f], () => src)).toEqual([
      'src/components/figures/Fake.astro:7: <text>셀프 어텐션</text>',
      "src/components/figures/Fake.astro:8: const x = 'a // b'; const y = '값';",
    ]);
  });
});

/** Every text a table yields: strings as they are, functions called with sample arguments. */
function texts(v: unknown, args: readonly unknown[]): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') return texts((v as (...a: unknown[]) => unknown)(...args), args);
  if (Array.isArray(v)) return v.flatMap((x) => texts(x, args));
  if (v && typeof v === 'object') return Object.values(v).flatMap((x) => texts(x, args));
  return [];
}

describe('the English tables are English', () => {
  const P: WorkedParams = { text: EXAMPLE_SENTENCE, tokens: ['a', 'b', 'c'], seed: 1, d: 16, heads: 4, dk: 4, head: 1, row: 2, qTok: 'b' };
  // functions take numbers or strings (or the worked example's params object)
  const sample = [1, 2, 3, 4];
  const tables = (lang: Lang) =>
    [
      ...Object.values(figures).map((t) => texts(t[lang], sample)),
      ...[KD_DATA_NOTICE, RESULTS, OWN, PAGES, RULES, SOURCE_NOTES].map((t) => texts(t[lang], sample)),
      texts(UNCERTAINTY[lang], [{ a: 'A', b: 'B', n: 9, mean: '+1', lo: '0', hi: '2', distinguishable: true }]),
      texts(UNCERTAINTY[lang].comparison, [{ a: 'A', b: 'B', n: 9, mean: '+1', lo: '0', hi: '2', distinguishable: false }]),
      texts(WORKED_TEXT[lang], [P]),
    ].flat();

  it('no Hangul in any English string except the quoted example sentence; Korean "%p" is "pp"', () => {
    const en = tables('en');
    expect(en.length).toBeGreaterThan(150);
    const bad = en.filter((s) => HANGUL.test(s.split(EXAMPLE_SENTENCE).join('')) || s.includes('%p'));
    expect(bad).toEqual([]);
  });

  it('the Korean tables are Korean (the tables are not swapped)', () => {
    expect(tables('ko').filter((s) => HANGUL.test(s)).length).toBeGreaterThan(150);
  });
});
