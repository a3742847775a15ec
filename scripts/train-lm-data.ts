/**
 * Data step of the tiny language model (see demos/attention/README.md).
 *   tsx scripts/train-lm-data.ts --snapshot   re-extract the corpus snapshot from the sources
 *   tsx scripts/train-lm-data.ts              tokenise the committed snapshot -> .work/lm/data.json
 * The snapshot (data/lm-corpus/*.txt) is the project's own prose: the site's pages
 * (content/docs/**.mdx, Korean) and its English Markdown, with MDX/JSX, code, math, links'
 * targets and citation keys stripped. Tokenisation is the page's own (demos/attention/tokenize.ts
 * + lm-vocab.ts), so the Python trainer only ever sees ids computed by the page's code.
 * Split, by paragraph (deterministic, no rng): paragraph k goes to held-out test when
 * k % 10 === 3, to validation when k % 10 === 7, else to training.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { splitTokens } from '../demos/attention/tokenize';
import { lmKey, ngramBuckets, UNK } from '../demos/attention/lm-vocab';

const CORPUS = 'data/lm-corpus';
const OUT = '.work/lm';
export const BUCKETS = 2048;
const MAX_VOCAB = 3000;
const MIN_COUNT = 2;
/** Fixed sentences for the golden test (Korean, English, a contraction, an unseen word). */
const GOLDEN = [
  '나는 어제 학교에서 Transformer 논문을 읽었다.',
  "The student didn't read the attention paper because it was long.",
  '어텐션은 질의와 키의 내적으로 가중치를 정합니다.',
  'Zyxwv 모델은 unseen 단어도 임베딩합니다.',
];

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []))
    .sort();
}

/** Prose only: drops frontmatter, imports, code, math, JSX/HTML, tables; keeps link text. */
export function stripMarkup(src: string): string {
  let t = src.replace(/^---\n[\s\S]*?\n---\n/, '');
  t = t.replace(/```[\s\S]*?```/g, '\n').replace(/~~~[\s\S]*?~~~/g, '\n');
  t = t.replace(/\$\$[\s\S]*?\$\$/g, '\n').replace(/\$[^$\n]+\$/g, ' ');
  t = t.replace(/<!--[\s\S]*?-->/g, ' ');
  t = t.replace(/^\s*(import|export) .*$/gm, '');
  t = t.replace(/<[^>]*>/g, ' ');
  t = t.replace(/\{[^{}\n]*\}/g, ' ');
  t = t.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ');
  t = t.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  t = t.replace(/\[@[^\]]*\]/g, ' ');
  t = t.replace(/`[^`\n]*`/g, ' ');
  t = t.replace(/https?:\/\/\S+/g, ' ');
  t = t.replace(/^\s*\|.*\|\s*$/gm, '');
  t = t.replace(/^\s*#+\s*/gm, '').replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '');
  t = t.replace(/[*_]{1,3}/g, '').replace(/^>\s?/gm, '');
  const paras = t
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => splitTokens(p).length >= 4);
  return paras.join('\n\n');
}

function snapshot(): void {
  const ko = walk('content/docs', '.mdx');
  const en = ['README.md', 'CONTRIBUTING.md', 'ARCHITECTURE.md', 'docs/coverage.md', 'demos/kd/README.md', 'src/islands/kd/README.md'];
  mkdirSync(CORPUS, { recursive: true });
  for (const [name, files] of [
    ['site-pages.txt', ko],
    ['project-docs.txt', en],
  ] as const) {
    const text = files.map((f) => `${stripMarkup(readFileSync(f, 'utf8'))}`).join('\n\n');
    writeFileSync(join(CORPUS, name), `${text}\n`);
    console.log(`${name}: ${files.length} files, ${text.length} chars`);
  }
}

function build(): void {
  const paras = ['site-pages.txt', 'project-docs.txt'].flatMap((f) =>
    readFileSync(join(CORPUS, f), 'utf8')
      .split(/\n\s*\n/)
      .filter((p) => p.trim()),
  );
  const split = (k: number): 'train' | 'val' | 'test' => (k % 10 === 3 ? 'test' : k % 10 === 7 ? 'val' : 'train');
  const toks: Record<'train' | 'val' | 'test', string[][]> = { train: [], val: [], test: [] };
  paras.forEach((p, k) => toks[split(k)].push(splitTokens(p)));
  const counts = new Map<string, number>();
  for (const p of toks.train) for (const w of p) counts.set(lmKey(w), (counts.get(lmKey(w)) ?? 0) + 1);
  const vocab = [
    '<unk>',
    ...[...counts]
      .filter(([, c]) => c >= MIN_COUNT)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_VOCAB - 1)
      .map(([w]) => w),
  ];
  const index = new Map(vocab.map((w, i) => [w, i]));
  // Types: distinct keys; each has a word id and its n-gram buckets. Streams are type indices.
  const types: string[] = [];
  const typeOf = new Map<string, number>();
  const typeId = (tok: string): number => {
    const k = lmKey(tok);
    let id = typeOf.get(k);
    if (id === undefined) {
      id = types.length;
      types.push(k);
      typeOf.set(k, id);
    }
    return id;
  };
  // One stream per split; paragraphs joined (a paragraph boundary is just the next token).
  const stream = (ps: string[][]): number[] => ps.flatMap((p) => p.map(typeId));
  const data = {
    buckets: BUCKETS,
    vocab,
    train: stream(toks.train),
    val: stream(toks.val),
    test: stream(toks.test),
    golden: GOLDEN.map((s) => ({ text: s, tokens: splitTokens(s), types: splitTokens(s).map(typeId) })),
    types: types.map((k) => ({ key: k, word: index.get(k) ?? UNK, buckets: ngramBuckets(k, BUCKETS) })),
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'data.json'), JSON.stringify(data));
  const oov = (s: number[]) => s.filter((t) => data.types[t]!.word === UNK).length / s.length;
  console.log(
    `paragraphs ${paras.length}; tokens train ${data.train.length}, val ${data.val.length}, test ${data.test.length}; vocab ${vocab.length}; types ${types.length}; test OOV ${(100 * oov(data.test)).toFixed(1)}%`,
  );
}

if (process.argv.includes('--snapshot')) snapshot();
build();
