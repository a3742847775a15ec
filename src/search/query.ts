/**
 * Query expansion in front of Pagefind, for Korean (and, with its own alias table, any locale).
 *
 * WHY: Pagefind splits Korean on whitespace only (no segmentation, no stemming), so "트랜스포머는"
 * is one word and "다중 헤드" never meets "멀티헤드". Rather than write hidden alias text into every
 * page (which grows the index every first search downloads and leaks into result excerpts), the
 * reader's query is rewritten before Pagefind sees it: glossary variants, spacing variants, English
 * terms and symbol names become the term the pages use, and a particle attached to a word is
 * dropped. Pure functions (no DOM): the search dialog (PagefindUI's processTerm) and the e2e query
 * set run the same code.
 */
// No zod here: this module runs in every page's search script, where zod would multiply its
// weight. aliases.ts validates the table with zod where it is built; the page checks its shape
// with isAliasTable.

/** The table one locale's search uses; built at build time (aliases.ts), read in the browser. */
export interface AliasTable {
  /** Normalised alias (see aliasKey) → the query to run instead (the words the pages use). */
  aliases: Record<string, string>;
  /** Longest alias, in whitespace-separated words: how far the matcher looks ahead. */
  maxWords: number;
  /** Words that end in a particle-like syllable but are whole words (정확도): never stripped. */
  keep: string[];
}

/** Shape check for the table the page reads from its data-aliases attribute. */
export function isAliasTable(x: unknown): x is AliasTable {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Partial<Record<keyof AliasTable, unknown>>;
  return (
    typeof t.aliases === 'object' &&
    t.aliases !== null &&
    Object.values(t.aliases).every((v) => typeof v === 'string') &&
    typeof t.maxWords === 'number' &&
    Number.isInteger(t.maxWords) &&
    t.maxWords >= 1 &&
    Array.isArray(t.keep) &&
    t.keep.every((w) => typeof w === 'string')
  );
}

/**
 * Korean particles and suffixes a reader attaches to a noun, longest first so 에서는 wins over 는.
 * 별/마다 (per) are suffixes rather than particles but are typed the same way (폴드별, 피험자마다).
 */
const PARTICLES = [
  '에서는',
  '으로는',
  '에게서',
  '이라는',
  '이라고',
  '에서',
  '에게',
  '으로',
  '까지',
  '부터',
  '처럼',
  '보다',
  '이란',
  '라는',
  '에는',
  '와의',
  '과의',
  '마다',
  '이나',
  '에도',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '와',
  '과',
  '로',
  '에',
  '도',
  '만',
  '란',
  '별',
] as const;

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Key an alias is stored and looked up under: NFC, lower case, without spaces, hyphens, dots and
 * middle dots, so 멀티 헤드 / 멀티헤드 / multi-head / Multi Head all meet.
 */
export function aliasKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-‐–·・.]+/g, '');
}

/**
 * The word without a trailing particle, or the word itself. The stem must keep at least two
 * characters (평가 is not 평+가, 온도 not 온+도) and a word in `keep` is never cut.
 */
export function stripParticle(word: string, keep: ReadonlySet<string> = new Set()): string {
  if (keep.has(word) || !HANGUL.test(word.slice(-1))) return word;
  for (const p of PARTICLES) {
    if (!word.endsWith(p)) continue;
    const stem = word.slice(0, -p.length);
    if ([...stem].length >= 2) return stem;
  }
  return word;
}

/**
 * British spellings the English pages do not use, as American (optimiser → optimizer, layer
 * normalisation → normalization, analyse → analyze, modelling → modeling, colour → color). WHY a
 * rule and not aliases: Pagefind's English stemmer keeps -is-/-iz- apart, and the variants are too
 * many to list. The -ise rule only fires after stems that form -ize verbs (normal-, optim-,
 * regular-, token-, categor-, character-), so precise, noise, supervised, expertise and promise stay.
 */
const BRITISH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^([a-z]{3,})isation(s?)$/, '$1ization$2'],
  [/^([a-z]*(?:al|im|ar|rd|en|or|er|el))is(e|es|ed|ing|er|ers)$/, '$1iz$2'],
  [/^([a-z]{3,})ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(model|label|channel|cancel|travel)l(ed|ing|er|ers)$/, '$1$2'],
  [/^(colo|behavio|neighbo|favo)ur(s?)$/, '$1r$2'],
  [/^(cent|met|fib)re(s?)$/, '$1er$2'],
];

/** The American spelling of a lower-case Latin word (see BRITISH), or the word itself. */
export function americanSpelling(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  for (const [from, to] of BRITISH) if (from.test(word)) return word.replace(from, to);
  return word;
}

/** A Latin word's alias key with a plural -s dropped (embeddings → embedding), or null. */
function singular(key: string): string | null {
  return /^[a-z]{4,}s$/.test(key) ? key.slice(0, -1) : null;
}

/**
 * Rewrites a query for Pagefind. Greedy, longest first: at each word, the longest run of words
 * (up to maxWords) that is an alias, with or without a particle on its last word, becomes the
 * alias's query; a word that starts no alias loses its particle. Words are de-duplicated, since
 * Pagefind wants every query word it knows on a page (a word absent from the index is ignored,
 * Pagefind/pagefind#329), so a repeated word adds nothing.
 */
export function expandQuery(query: string, table: AliasTable): string {
  const words = query
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const us = americanSpelling(w.toLowerCase());
      return us === w.toLowerCase() ? w : us;
    });
  const keep = new Set(table.keep);
  const out: string[] = [];
  const lookup = (phrase: string): string | undefined => {
    const key = aliasKey(phrase);
    const hit = table.aliases[key];
    if (hit !== undefined) return hit;
    const one = singular(key);
    return one === null ? undefined : table.aliases[one];
  };
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(table.maxWords, words.length - i); n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      const last = run[run.length - 1] ?? '';
      const bare = [...run.slice(0, -1), stripParticle(last, keep)].join(' ');
      const hit = lookup(run.join(' ')) ?? lookup(bare);
      if (hit !== undefined) {
        out.push(...hit.split(/\s+/));
        i += n;
        matched = true;
      }
    }
    if (!matched) {
      out.push(stripParticle(words[i] ?? '', keep));
      i += 1;
    }
  }
  return [...new Set(out)].join(' ');
}
