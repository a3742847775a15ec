/**
 * The English edition cannot drift from the Korean one (#23). For every Korean page
 * content/docs/<path>.mdx that has an English page content/docs/en/<path>.mdx:
 * - the English page records the Korean file's current hash (frontmatter sourceHash,
 *   scripts/translation-hash.mjs): a Korean page edited after its English was synced fails here;
 * - both pages have the same headings (count, depths, order), math, citation keys, components with
 *   their non-prose props, and numbers (the rules: translation-pairing-lib.ts).
 * An English page with no Korean page fails too. NOTES_DOCS_DIR points the test at another notes
 * folder, as it does the build.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashBytes, REQUIRE_ALL, readSourceHash, translationPairs, writeSourceHash } from '../../scripts/translation-hash.mjs';
import { compareShapes, numbersIn, pageShape } from './translation-pairing-lib';
import { ROOT } from './coverage-lib';

// REQUIRE_ALL (scripts/translation-hash.mjs) is the lead's switch: once true, every Korean page
// MUST have its English page. False while the translations are on other branches.

const DOCS = process.env['NOTES_DOCS_DIR'] ? join(ROOT, process.env['NOTES_DOCS_DIR']) : join(ROOT, 'content/docs');
const FIXTURE = join(ROOT, 'test/fixtures/i18n-docs');

/** Every problem of one pair, as messages naming both files. */
function pairProblems(root: string, ko: string, en: string, koSrc?: string): string[] {
  const koText = koSrc ?? readFileSync(join(root, ko), 'utf8');
  const enText = readFileSync(join(root, en), 'utf8');
  const out: string[] = [];
  const recorded = readSourceHash(enText);
  const current = hashBytes(koText);
  if (recorded === undefined) {
    out.push(
      `content/docs/${en} has no sourceHash: run \`node scripts/translation-hash.mjs --write ${en}\` once it translates content/docs/${ko}`,
    );
  } else if (recorded !== current) {
    out.push(
      `content/docs/${ko} changed after its English page was synced: update content/docs/${en}, then \`node scripts/translation-hash.mjs --write ${en}\``,
    );
  }
  for (const m of compareShapes(pageShape(koText), pageShape(enText))) out.push(`content/docs/${en} vs ${ko}: ${m}`);
  return out;
}

function allProblems(root: string): string[] {
  return translationPairs(root).flatMap((p) => {
    if (p.status === 'missing') return [];
    if (p.status === 'no-source') return [`content/docs/${p.en} has no Korean page content/docs/${p.ko} (same path without en/)`];
    return pairProblems(root, p.ko, p.en);
  });
}

describe('English pages pair with their Korean sources', () => {
  it('every existing English page is synced with, and shaped like, its Korean page', () => {
    expect(allProblems(DOCS)).toEqual([]);
  });

  it.skipIf(!REQUIRE_ALL)('REQUIRE_ALL: every Korean page has an English page (lists the missing ones)', () => {
    const missing = translationPairs(DOCS)
      .filter((p) => p.status === 'missing')
      .map((p) => `content/docs/${p.en}`);
    expect(missing, 'Korean pages with no English page yet').toEqual([]);
  });
});

describe('the pairing check can fail (fixture notes in test/fixtures/i18n-docs)', () => {
  const ko = 'study/demo.mdx';
  const en = 'en/study/demo.mdx';
  const koText = readFileSync(join(FIXTURE, ko), 'utf8');

  it('the fixture pair passes as it is', () => {
    expect(allProblems(FIXTURE)).toEqual([]);
  });

  it('fails on a Korean heading added without its English one', () => {
    const edited = koText.replace('### 숫자들', '### 새 절\n\n본문.\n\n### 숫자들');
    const problems = pairProblems(FIXTURE, ko, en, edited);
    expect(problems.join('\n')).toMatch(/headings: Korean has 3 \(h2 h3 h3\), English 2 \(h2 h3\); first difference at #3/);
  });

  it('fails on a Korean page edited after its English was synced, naming the fix', () => {
    const problems = pairProblems(FIXTURE, ko, en, koText.replace('헤드 8개', '헤드 8개, 층 6개'));
    expect(problems[0]).toBe(
      'content/docs/study/demo.mdx changed after its English page was synced: update content/docs/en/study/demo.mdx, then `node scripts/translation-hash.mjs --write en/study/demo.mdx`',
    );
    // The new number is also missing from the English prose.
    expect(problems.join('\n')).toMatch(/only in Korean \[6\], only in English \[\]/);
  });

  it('fails on changed math, citations, component props and numbers; prose props may differ', () => {
    const diff = (edit: (s: string) => string) => compareShapes(pageShape(edit(koText)), pageShape(koText)).join('\n');
    expect(diff((s) => s.replace('\\sqrt{d_k}$로', '\\sqrt{d}$로'))).toMatch(/math #1 differs/);
    expect(diff((s) => s.replace('[@vaswani2017attention]', '[@dosovitskiy2021vit]'))).toMatch(/citation keys/);
    expect(diff((s) => s.replace('patch={16}', 'patch={8}'))).toMatch(/component #2 differs: Korean <VitDemo patch=\{8\} mode="digits">/);
    expect(diff((s) => s.replace('title="먼저 읽을 글"', 'title="다른 제목"'))).toBe('');
    expect(diff((s) => s.replace('<span lang="ko">', ''))).toBe('');
    expect(diff((s) => s.replace('0.50이었', '0.55이었'))).toMatch(/only in Korean \[0.55\], only in English \[0.5\]/);
    expect(diff((s) => s.replace('order: 3', 'order: 4'))).toMatch(/sidebar.order: Korean 4, English 3/);
  });

  it('counts numbers as digits: URLs, citation keys and code do not count; a month name next to a number does', () => {
    expect(numbersIn('정확도 1,234개 중 0.50 (https://x.org/a/42) [@vaswani2017attention]')).toEqual(['1234', '0.5']);
    expect(numbersIn('on May 2, 2025 and 3 May; you may 4')).toEqual(['2', '2025', '3', '4', '5', '5']);
    expect(numbersIn('three teachers')).toEqual([]);
    // Korean myriads and English millions/billions are the same numbers.
    for (const [ko, en] of [
      ['이미지 3억 5천만 장', '350 million images'],
      ['1억 8800만 개', '188 million'],
      ['5만 8천 스텝', '58,000 steps'],
      ['8,600만', '86 million'],
      ['1,750억', '175 billion'],
    ])
      expect(numbersIn(ko!)).toEqual(numbersIn(en!));
    expect(numbersIn('3억 5천만')).not.toEqual(numbersIn('300 million'));
    expect(pageShape('값은 `x = 3` 과 $y = 4$ 그리고 5').numbers).toEqual(['5']);
  });

  it('writes and reads the frontmatter sourceHash', () => {
    const text = '---\ntitle: x\n---\nbody\n';
    const once = writeSourceHash(text, 'abcdef0123456789');
    expect(once).toBe('---\ntitle: x\nsourceHash: abcdef0123456789\n---\nbody\n');
    expect(readSourceHash(writeSourceHash(once, '0123456789abcdef'))).toBe('0123456789abcdef');
    expect(readSourceHash('no frontmatter\nsourceHash: abcdef0123456789')).toBeUndefined();
  });
});
