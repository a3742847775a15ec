// Finds the glossary's "avoid" variants (content/glossary.json) in what a reader sees: the prose
// of content/docs/**/*.mdx, and the reader-visible strings of src/components/**/*.astro and
// src/islands/**. Each source is parsed (mdast for MDX, the Astro compiler's ESTree for .astro,
// the TypeScript AST for .ts), so code, math, URLs, import paths, class names and attribute
// values such as data-role="fold" never count as prose.
// Run `npx tsx test/unit/glossary-lib.ts` to print every finding.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import { parse as parseAstro } from '@astrojs/compiler-rs';
import ts from 'typescript';
import { parseGlossary, type Glossary } from '@src/lib/glossary';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const GLOSSARY_PATH = join(ROOT, 'content', 'glossary.json');
const BIB_PATH = join(ROOT, 'content', 'references.bib');

export interface Finding {
  file: string;
  line: number;
  variant: string;
  term: string;
  text: string;
}
interface Segment {
  line: number;
  text: string;
  /**
   * The language the text is written in: 'en' on the English pages (content/docs/en/**) and for
   * string literals under an `en:` key (a Localized<T> table's English side), else Korean. Korean
   * text is checked against `avoid`/`avoidWord`, English text against `avoidEn`.
   */
  lang?: 'en';
}
interface Matcher {
  variant: string;
  term: string;
  re: RegExp;
}

const HANGUL = /[\uac00-\ud7a3]/;

export function loadGlossary(): Glossary {
  return parseGlossary(JSON.parse(readFileSync(GLOSSARY_PATH, 'utf8')), GLOSSARY_PATH);
}

/** Paper titles of the bibliography: a title may contain a variant ("Attention Is All You Need"). */
export function bibTitles(bib: string): string[] {
  const out: string[] = [];
  const re = /\btitle\s*=\s*\{/gi;
  for (let m = re.exec(bib); m; m = re.exec(bib)) {
    let depth = 1,
      i = re.lastIndex;
    for (; i < bib.length && depth > 0; i++) depth += bib[i] === '{' ? 1 : bib[i] === '}' ? -1 : 0;
    out.push(
      bib
        .slice(re.lastIndex, i - 1)
        .replace(/[{}]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  return out.filter((t) => t.length > 0);
}

function loadBibTitles(): string[] {
  return existsSync(BIB_PATH) ? bibTitles(readFileSync(BIB_PATH, 'utf8')) : [];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Particles that may follow a whole-word variant ("avoidWord"): 창이, 창을, 창의 길이, 창에서, 창마다.
 * Longer ones first, so 에서 is tried before 에.
 */
const PARTICLES = [
  '에서',
  '으로',
  '마다',
  '까지',
  '부터',
  '보다',
  '처럼',
  '이나',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '별',
  '당',
];

/**
 * A Korean word on its own: no Hangul syllable right before it, and after it either no Hangul syllable, or one
 * particle followed by no Hangul syllable. So 창 matches in "평가 창 하나", "창이 2개", "창의 길이", but not in
 * 창문, 창의적, 창가에 (가 followed by 에), or 동창.
 */
function wordPattern(word: string): RegExp {
  const p = PARTICLES.join('|');
  return new RegExp(`(?<![\\uac00-\\ud7a3])${escapeRe(word)}(?=(?:${p})?(?![\\uac00-\\ud7a3]))`, 'g');
}

/**
 * Latin variants match as whole words (not "Attention" inside "Attentional"); Korean ones anywhere, since particles
 * attach; Korean "avoidWord" variants (one syllable such as 창 would hit 창문) only as a word of their own.
 */
/** English variants: whole words, any letter case ("Knowledge transfer" at a sentence start too). */
export function matchersEn(g: Glossary): Matcher[] {
  return g.terms.flatMap((t) =>
    t.avoidEn.map((v) => ({ variant: v, term: t.en, re: new RegExp(`(?<![A-Za-z])${escapeRe(v)}(?![A-Za-z])`, 'gi') })),
  );
}

export function matchers(g: Glossary): Matcher[] {
  return g.terms.flatMap((t) => [
    ...t.avoid.map((v) => ({
      variant: v,
      term: t.ko,
      re: /[A-Za-z]/.test(v) ? new RegExp(`(?<![A-Za-z])${escapeRe(v)}(?![A-Za-z])`, 'g') : new RegExp(escapeRe(v), 'g'),
    })),
    ...t.avoidWord.map((v) => ({ variant: v, term: t.ko, re: wordPattern(v) })),
  ]);
}

/**
 * What is left of a reader-visible string once the exempt parts are gone: citations [@key],
 * URLs, paper titles, quotations in curly quotes “…”, and English glosses in parentheses right after a Korean word, with or
 * without one space ("어텐션(attention)": the English term at its first use is allowed).
 */
export function normalizeProse(s: string, titles: readonly string[]): string {
  let t = s.replace(/\[[^[\]]*@[\w:.-]+[^[\]]*\]/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  for (const title of titles) t = t.replace(new RegExp(escapeRe(title), 'gi'), ' ');
  // Words in curly quotes are someone else's (a label copied from the researcher's sheet).
  t = t.replace(/“[^”]*”/g, ' ');
  // A space may stand before the parenthesis ("크로스 어텐션 (cross-attention)"): Pagefind indexes
  // the English word on its own only then.
  return t.replace(/(?<=[\uac00-\ud7a3]) ?\([^()\uac00-\ud7a3]*\)/g, '');
}

/**
 * A string literal in code counts as reader-visible text when it has Korean in it, or reads like
 * an English label (a space, a capital letter, none of the characters of paths, selectors or markup).
 * "fold", "attention-demo", "nf-box nf-att" and "../islands/x" are code.
 */
export function isTextLike(s: string): boolean {
  if (HANGUL.test(s)) return true;
  return /\s/.test(s.trim()) && /[A-Z]/.test(s) && !/[/\\{}<>=;#@$|]/.test(s);
}

function find(file: string, segs: Segment[], ms: Matcher[], titles: readonly string[], msEn: Matcher[] = []): Finding[] {
  const out: Finding[] = [];
  for (const seg of segs) {
    const text = normalizeProse(seg.text, titles);
    for (const m of seg.lang === 'en' ? msEn : ms) {
      m.re.lastIndex = 0;
      if (m.re.test(text))
        out.push({ file, line: seg.line, variant: m.variant, term: m.term, text: seg.text.replace(/\s+/g, ' ').trim().slice(0, 120) });
    }
  }
  return out;
}

// ---------- MDX ----------

interface MdNode {
  type: string;
  value?: string;
  alt?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const MD_SKIP = new Set([
  'code',
  'inlineCode',
  'math',
  'inlineMath',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'html',
  'yaml',
  'definition',
]);
const MD_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function plain(n: MdNode): string {
  if (n.type === 'text') return n.value ?? '';
  return (n.children ?? []).map(plain).join('');
}

/** The text of a paragraph, heading or table cell as read: code and math become a blank. */
function inlineText(n: MdNode, attrs: Segment[]): string {
  switch (n.type) {
    case 'text':
      return n.value ?? '';
    case 'inlineCode':
    case 'inlineMath':
    case 'mdxTextExpression':
      return ' ∎ ';
    case 'break':
    case 'image':
    case 'footnoteReference':
      return ' ';
    case 'emphasis': {
      // An English-only italic span of three or more words is a title (*Attention Is All You Need*).
      const t = plain(n);
      if (!HANGUL.test(t) && t.trim().split(/\s+/).length >= 3) return ' ';
      break;
    }
  }
  if (n.type === 'mdxJsxTextElement') attrs.push(...jsxAttrs(n));
  return (n.children ?? []).map((c) => inlineText(c, attrs)).join('');
}

function jsxAttrs(n: MdNode): Segment[] {
  const line = n.position?.start.line ?? 0;
  return (n.attributes ?? [])
    .filter((a) => a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && isTextLike(a.value))
    .map((a) => ({ line, text: a.value as string }));
}

export function mdxSegments(source: string, lang?: 'en'): Segment[] {
  if (lang === 'en') return mdxSegments(source).map((s) => ({ ...s, lang }));
  const segs: Segment[] = [];
  let body = source;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (fm) {
    // Frontmatter: only the values a reader sees (title, description); keys and other fields are data.
    fm[1]!.split('\n').forEach((l, i) => {
      const kv = /^(title|description):\s*(.*)$/.exec(l);
      if (kv) segs.push({ line: i + 2, text: kv[2]!.replace(/^(['"])(.*)\1$/, '$2') });
    });
    body = fm[0].replace(/[^\n]/g, ' ') + source.slice(fm[0].length); // keep line numbers
  }
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkGfm).parse(body) as MdNode;
  const walk = (n: MdNode): void => {
    if (MD_SKIP.has(n.type)) return;
    const line = n.position?.start.line ?? 0;
    if (n.type === 'image' && n.alt) segs.push({ line, text: n.alt });
    if (n.type === 'mdxJsxFlowElement') segs.push(...jsxAttrs(n));
    if (MD_BLOCKS.has(n.type)) {
      const attrs: Segment[] = [];
      segs.push({ line, text: inlineText(n, attrs) }, ...attrs);
      return;
    }
    (n.children ?? []).forEach(walk);
  };
  walk(tree);
  return segs;
}

// ---------- .astro ----------

interface EsNode {
  type: string;
  [k: string]: unknown;
}
const isNode = (v: unknown): v is EsNode => typeof v === 'object' && v !== null && typeof (v as EsNode).type === 'string';

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function isEnKey(key: unknown): boolean {
  if (!isNode(key)) return false;
  return (key.type === 'Identifier' && key['name'] === 'en') || (key.type === 'Literal' && key['value'] === 'en');
}

export function astroSegments(source: string): Segment[] {
  const segs: Segment[] = [];
  // The compiler's offsets are UTF-16 indexes into the source, like JS string indexes.
  const line = (n: EsNode) => lineAt(source, typeof n['start'] === 'number' ? n['start'] : 0);
  // Under a property named `en` (a Localized<T> table's English side) the text is English.
  let en = 0;
  const push = (seg: Segment) => segs.push(en > 0 ? { ...seg, lang: 'en' } : seg);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (!isNode(v)) return;
    const n = v;
    if (n.type === 'Property' && isEnKey(n['key'])) {
      en++;
      walk(n['value']);
      en--;
      return;
    }
    if (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ImportExpression') return;
    if (n.type === 'JSXElement') {
      const name = (n['openingElement'] as { name?: { name?: string } } | undefined)?.name?.name;
      if (name === 'style') return; // CSS
    }
    if (n.type === 'JSXText') {
      if (typeof n['value'] === 'string' && n['value'].trim()) push({ line: line(n), text: n['value'] });
      return;
    }
    if (n.type === 'Literal' && typeof n['value'] === 'string') {
      // Attribute values and string literals alike: reader-visible when they read as text.
      if (isTextLike(n['value'])) push({ line: line(n), text: n['value'] });
      return;
    }
    if (n.type === 'TemplateLiteral') {
      const text = (n['quasis'] as { value: { cooked: string | null } }[]).map((q) => q.value.cooked ?? '').join(' ');
      if (isTextLike(text)) push({ line: line(n), text });
    }
    for (const [k, c] of Object.entries(n)) if (k !== 'type') walk(c);
  };
  walk(parseAstro(source).ast);
  return segs;
}

// ---------- TypeScript (islands) ----------

export function tsSegments(source: string, fileName = 'x.ts'): Segment[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const segs: Segment[] = [];
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  // Under a property named `en` (a Localized<T> table's English side) the text is English.
  let en = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isImportTypeNode(n)) return;
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && n.name.text === 'en') {
      en++;
      visit(n.initializer);
      en--;
      return;
    }
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    let text: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ');
    if (text !== null && isTextLike(text)) segs.push(en > 0 ? { line: lineOf(n), text, lang: 'en' } : { line: lineOf(n), text });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return segs;
}

// ---------- the repository ----------

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
    });
}

/** A page of the English edition: content/docs/en/**. */
export function isEnglishPage(path: string): boolean {
  return relative(join(ROOT, 'content', 'docs'), path).split(/[\\/]/)[0] === 'en';
}

function scanFile(path: string, g: Glossary, titles: readonly string[]): Finding[] {
  const src = readFileSync(path, 'utf8');
  const segs =
    path.endsWith('.mdx') || path.endsWith('.md')
      ? mdxSegments(src, isEnglishPage(path) ? 'en' : undefined)
      : path.endsWith('.astro')
        ? astroSegments(src)
        : tsSegments(src, path);
  return find(relative(ROOT, path), segs, matchers(g), titles, matchersEn(g));
}

/** Every finding in the pages, the components and the islands. */
export function scanRepo(): Finding[] {
  const g = loadGlossary();
  const titles = loadBibTitles();
  const paths = [
    ...files(join(ROOT, 'content', 'docs'), /\.mdx?$/),
    ...files(join(ROOT, 'src', 'components'), /\.astro$/),
    ...files(join(ROOT, 'src', 'islands'), /\.(ts|astro)$/),
  ];
  return paths.flatMap((p) => scanFile(p, g, titles));
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} "${f.variant}" → ${f.term}: ${f.text}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = scanRepo();
  for (const f of found) console.log(formatFinding(f));
  console.log(`${found.length} finding(s)`);
}
