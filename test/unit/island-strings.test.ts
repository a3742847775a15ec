/**
 * Every sentence the demos show is in the reader's language (issue #23):
 *  (a) no Hangul in the code of src/islands/** and src/lib/** outside the strings modules
 *      (comments aside): a literal there would be Korean on the English page;
 *  (b) every strings table has the same keys, tuple lengths and function arities in both
 *      languages, and its English holds no Hangul (also inside its functions' templates);
 *  (c) no problem from demos/** reaches the reader as raw English: the modules that judge the
 *      reader's input return or throw codes, every code is worded in both languages, and Korean
 *      in demos/** is only data paired with its English.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Pamap2FormatError } from '@demos/kd/pamap2/errors';
import { parseProtocolStream } from '@demos/kd/pamap2/parse';
import { tokenize } from '@demos/attention/tokenize';
import { checkDimensions, checkFileSize, sniffImage, type ImageProblem } from '@demos/vit/image-file';
import { KdRunError, type KdRunProblem } from '@demos/kd/run/errors';
import { PHASE_LABELS, PHASE_LABELS_EN } from '@demos/kd/run/labels';
import { SPLIT_LABELS, SPLIT_LABELS_EN } from '@demos/kd/experiment/split';
import { STRING_TABLES } from '@src/islands/strings-lang';
// Every strings module, so that each registers its tables (localize/bilingual) before (b) runs.
import '@src/islands/strings-shared';
import '@src/islands/attention/strings';
import { ATTN_TABLES } from '@src/islands/attention/strings';
import '@src/islands/vit/strings';
import '@src/islands/kd-story/strings';
import '@src/islands/kd/strings';
import '@src/islands/kd/strings-static';
import '@src/islands/vit/strings-static';
import { ERRORS_EN, ERRORS_KO } from '@src/islands/kd/strings-errors';

const ROOT = join(import.meta.dirname, '../..');
const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/;

function files(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel, keep));
    else if (keep(rel)) out.push(rel);
  }
  return out;
}

/** The string literals, template pieces and JSX text of a TS file that contain Hangul (comments are not nodes). */
function hangulLiterals(path: string, text: string): string[] {
  const src = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const hits: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      (ts.isStringLiteral(n) ||
        ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isTemplateHead(n) ||
        ts.isTemplateMiddle(n) ||
        ts.isTemplateTail(n) ||
        ts.isRegularExpressionLiteral(n)) &&
      HANGUL.test(n.text)
    ) {
      const { line } = src.getLineAndCharacterOfPosition(n.getStart());
      hits.push(`${relative(ROOT, path)}:${line + 1}: ${n.text.slice(0, 60)}`);
    }
    n.forEachChild(visit);
  };
  visit(src);
  return hits;
}

const STRINGS_FILE = /\/strings[^/]*\.ts$/;
const code = (dir: string): string[] => files(dir, (p) => p.endsWith('.ts') && !p.endsWith('.d.ts'));
const literalsIn = (paths: string[]): string[] => paths.flatMap((p) => hangulLiterals(join(ROOT, p), readFileSync(join(ROOT, p), 'utf8')));

describe('(a) reader-visible text lives in the strings modules', () => {
  it('the scanner finds Hangul in code but not in comments', () => {
    expect(hangulLiterals('x.ts', "// 한국어\n/** 한국어 */\nconst a = 'ok';")).toEqual([]);
    expect(hangulLiterals('x.ts', "const a = '한국어';")).toHaveLength(1);
    expect(hangulLiterals('x.ts', `const a = \`n = $\{1}개\`;`)).toHaveLength(1);
  });
  it('no Hangul literal in src/islands/** or src/lib/** outside strings*.ts', () => {
    const paths = [...code('src/islands'), ...code('src/lib')].filter((p) => !STRINGS_FILE.test(p));
    expect(paths.length).toBeGreaterThan(40);
    expect(literalsIn(paths)).toEqual([]);
  });
});

/** The shape of a table: keys, tuple lengths, function arities, leaf kinds. */
function shape(v: unknown): unknown {
  if (typeof v === 'function') return `fn/${v.length}`;
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  }
  return typeof v;
}

/** Every string leaf and every function's source text of a table. */
function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') return [v.toString()];
  if (v !== null && typeof v === 'object') return Object.values(v).flatMap(texts);
  return [];
}

describe('(b) every strings table has both languages', () => {
  it('the shape check tells tables apart', () => {
    expect(shape({ a: 'x', f: (n: number) => `${n}` })).not.toEqual(shape({ a: 'x', f: () => '' }));
    expect(shape({ a: ['x', 'y'] })).not.toEqual(shape({ a: ['x'] }));
    expect(shape({ a: 'x' })).not.toEqual(shape({ a: 'x', b: 'y' }));
  });
  it('the registered tables are all there', () => {
    // shared, attention ×3 + static, vit ×2 + samples + static, kd-story ×5, kd + static
    expect(STRING_TABLES.length).toBeGreaterThanOrEqual(16);
    expect(STRING_TABLES).toContain(ATTN_TABLES);
  });
  it.each(STRING_TABLES.map((t, i) => [i, t] as const))('table %i: same keys in ko and en, no Hangul in en', (_, t) => {
    expect(shape(t.en)).toEqual(shape(t.ko));
    const korean = texts(t.en).filter((s) => HANGUL.test(s));
    expect(korean).toEqual([]);
  });
  it('the KD problems are worded in both languages (a separate table)', () => {
    expect(shape(ERRORS_EN)).toEqual(shape(ERRORS_KO));
    expect(texts(ERRORS_EN).filter((s) => HANGUL.test(s))).toEqual([]);
    expect(texts(ERRORS_KO).some((s) => HANGUL.test(s))).toBe(true);
  });
});

const PAMAP2_FIXTURES = [
  'empty.dat',
  'truncated.dat',
  'wrong-columns.dat',
  'unknown-activity.dat',
  'bad-number.dat',
  'not-pamap2.csv',
  'not-pamap2.bin',
];

async function parseError(name: string): Promise<Pamap2FormatError> {
  const file = `test/fixtures/pamap2/${name}`;
  const err = await parseProtocolStream(createReadStream(join(ROOT, file)), { file, onRow: () => {} }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Pamap2FormatError);
  return err as Pamap2FormatError;
}

/** The readers' input judged in demos/**: these files report problems as codes, not sentences. */
const INPUT_MODULES = [
  'demos/attention/tokenize.ts',
  'demos/vit/image-file.ts',
  'demos/kd/pamap2/parse.ts',
  'demos/kd/pamap2/zip.ts',
  'demos/kd/run/config.ts',
  'demos/kd/run/data-summary.ts',
  'demos/kd/run/session.ts',
  'demos/kd/experiment/split.ts',
];
/** `throw new Error(…)` left in them: programming errors (a caller's bug), never the reader's input. */
const INTERNAL_THROWS = [
  'ProtocolLineParser: push after end',
  ': end() called twice',
  'α comparison: the student reported no epoch',
  'teachers missing before the KD phase',
  ': class $',
];

describe("(c) problems from demos/** reach the reader in the reader's language", () => {
  it('Korean in demos/** is only data paired with its English', () => {
    const paths = code('demos').filter((p) => !p.includes('/node/'));
    const hits = literalsIn(paths).map((h) => h.split(':')[0]);
    // activities.ts: class names {ko, en}; labels.ts/split.ts: PHASE_LABELS(_EN), SPLIT_LABELS(_EN);
    // data.ts: the excerpt's Korean name (the island passes S.excerptLabel).
    expect([...new Set(hits)].sort()).toEqual([
      'demos/kd/experiment/split.ts',
      'demos/kd/run/activities.ts',
      'demos/kd/run/data-summary.ts',
      'demos/kd/run/labels.ts',
    ]);
    expect(Object.keys(PHASE_LABELS_EN)).toEqual(Object.keys(PHASE_LABELS));
    expect(Object.keys(SPLIT_LABELS_EN)).toEqual(Object.keys(SPLIT_LABELS));
  });

  it('the input modules throw only coded errors (plus named programming errors)', () => {
    const raw = INPUT_MODULES.flatMap((p) => {
      const text = readFileSync(join(ROOT, p), 'utf8');
      return [...text.matchAll(/throw new Error\(([^;]*)\);/g)]
        .map((m) => m[1]!.trim())
        .filter((arg) => !INTERNAL_THROWS.some((f) => arg.includes(f)));
    });
    expect(raw).toEqual([]);
    // Every Pamap2FormatError the parser raises carries a code (its 4th argument).
    const parse = readFileSync(join(ROOT, 'demos/kd/pamap2/parse.ts'), 'utf8');
    const raised = parse.match(/new Pamap2FormatError\(/g)?.length ?? 0;
    expect(raised).toBeGreaterThan(5);
    expect(parse.match(/\{\s*code: '[a-z-]+'/g)?.length).toBe(raised);
  });

  it.each(PAMAP2_FIXTURES)('PAMAP2 %s: a code, worded in Korean and English, file and line kept', async (name) => {
    const e = await parseError(name);
    expect(e.problem.code).not.toBe('other');
    const ko = ERRORS_KO.errorText(e),
      en = ERRORS_EN.errorText(e);
    expect(ko).toMatch(HANGUL);
    expect(en).not.toMatch(HANGUL);
    for (const t of [ko, en]) expect(t.startsWith(e.line === null ? `${e.file}: ` : `${e.file}:${e.line}: `)).toBe(true);
    // The Korean is not the parser's English with a prefix.
    expect(ko).not.toContain(e.message.slice(e.message.indexOf(': ') + 2));
  });

  it('a truncated .dat reads naturally in English', async () => {
    const en = ERRORS_EN.errorText(await parseError('truncated.dat'));
    expect(en).toMatch(/:6: truncated line: \d+ of 54 columns and no newline at the end of the file/);
  });

  it('run problems are codes worded in both languages', () => {
    const codes: KdRunProblem[] = ['no-checkpoints', 'no-teachers', 'no-test-windows', 'no-windows'];
    for (const c of codes) {
      const e = new KdRunError(c, c === 'no-windows' ? 'subject101.dat' : '');
      expect(ERRORS_KO.errorText(e)).toMatch(HANGUL);
      expect(ERRORS_EN.errorText(e)).not.toMatch(HANGUL);
    }
  });

  it('attention text problems are codes: empty and 10,000 characters', () => {
    const empty = tokenize('');
    const long = tokenize('a '.repeat(5000));
    expect(empty).toMatchObject({ ok: false, code: 'empty' });
    expect(long).toMatchObject({ ok: false, code: 'too-many', count: 5000 });
    for (const r of [empty, long]) {
      if (r.ok) throw new Error('expected a problem');
      expect(ATTN_TABLES.ko.tokenizeProblem(r)).toMatch(HANGUL);
      expect(ATTN_TABLES.en.tokenizeProblem(r)).not.toMatch(HANGUL);
    }
    expect(ATTN_TABLES.en.tokenizeProblem(long as Extract<typeof long, { ok: false }>)).toContain('5000 tokens');
  });

  it('image problems (50 MB, empty, not an image, 10,000² pixels) are codes', () => {
    const problems: (ImageProblem | null)[] = [
      checkFileSize('big.png', 50 * 1024 * 1024),
      checkFileSize('empty.png', 0),
      checkDimensions('huge.png', 10_000, 10_000),
      checkDimensions('flat.png', 0, 4),
    ];
    const sniff = sniffImage('notes.txt', new TextEncoder().encode('hello, not an image at all'));
    expect(sniff.ok).toBe(false);
    if (!sniff.ok) problems.push(sniff.problem);
    expect(problems.map((p) => p?.code)).toEqual(['too-large', 'empty', 'too-many-pixels', 'no-pixels', 'not-image']);
  });
});
