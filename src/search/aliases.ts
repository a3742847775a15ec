/**
 * Builds a locale's alias table (query.ts) from the glossary and the locale's extra alias file.
 *
 * From each glossary term: its avoid-variants, its English term (and the names in its parentheses),
 * its symbol when that is a name a reader can type (α, λ, d_model), and the Korean term itself
 * with any spacing all become aliases of the term's query: the Korean term without its
 * parenthesised gloss, its first part when it names several things (교사 · 학생 → 교사), unless the
 * extra file says which words the pages use (LLM rather than 대규모 언어 모델). Parts joined by
 * " · " pair up across languages (query · key · value → 쿼리 · 키 · 값).
 * The extra file (aliases.<locale>.json) adds what the glossary does not know: spacing and
 * loanword variants readers type (다중 헤드, 소프트 라벨), single English words (residual) and
 * page-specific names. An English edition only needs its own extra file and en-side queries.
 */
import { z } from 'zod';
import type { Glossary, GlossaryTerm } from '@src/lib/glossary';
import { aliasKey, type AliasTable } from './query';

/** The built table, checked before it is written into the page (query.ts's AliasTable). */
export const aliasTableSchema = z.object({
  aliases: z.record(z.string(), z.string()),
  maxWords: z.number().int().min(1),
  keep: z.array(z.string()),
}) satisfies z.ZodType<AliasTable>;

export const extraAliasesSchema = z.object({
  /** Glossary term id → the query its aliases run (the words the pages use for it). */
  query: z.record(z.string(), z.string().min(1)),
  /** The query to run → what readers type for it. Wins over a glossary-derived alias. */
  aliases: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  /** Whole words that end like a particle (정확도) and must not be cut. */
  keep: z.array(z.string()).default([]),
});
export type ExtraAliases = z.infer<typeof extraAliasesSchema>;

/** "피드포워드 네트워크 (FFN)" → ["피드포워드 네트워크"] and its gloss ["FFN"]; "a · b" → two parts. */
function parts(term: string): { parts: string[]; gloss: string[] } {
  const gloss = [...term.matchAll(/\(([^()]*)\)/g)].flatMap((m) => (m[1] ?? '').split(/,\s*/));
  const bare = term.replace(/\s*\([^()]*\)/g, '');
  return {
    parts: bare
      .split(/\s+·\s+|\s*\/\s*/)
      .map((p) => p.trim())
      .filter(Boolean),
    gloss: gloss.map((g) => g.trim()).filter(Boolean),
  };
}

/** Symbols a reader can type: one Greek letter, or a name like d_model / E_pos (not Q, K, V or a formula). */
function typeableSymbols(symbol: string | undefined): string[] {
  if (symbol === undefined) return [];
  return symbol.split(/,\s*/).filter((s) => /^[\u0370-\u03ff]$/.test(s) || /^[A-Za-z][A-Za-z_]+$/.test(s));
}

function termAliases(t: GlossaryTerm, queryOverride: string | undefined): Array<[string, string]> {
  const ko = parts(t.ko);
  const en = parts(t.en);
  const main = queryOverride ?? ko.parts[0] ?? t.ko;
  const pairs: Array<[string, string]> = [];
  // Parts that pair up (query · key · value ↔ 쿼리 · 키 · 값) map one to one; otherwise all to main.
  const paired = ko.parts.length > 1 && ko.parts.length === en.parts.length;
  en.parts.forEach((p, i) => {
    pairs.push([p, paired ? (ko.parts[i] ?? main) : main]);
  });
  ko.parts.forEach((p, i) => {
    if (i > 0 && paired) pairs.push([p, p]);
    else if (i === 0) pairs.push([p, main]);
  });
  for (const g of [...ko.gloss, ...en.gloss]) pairs.push([g, main]);
  // An avoided English spelling of one part (Student) goes to that part (학생), the rest to main.
  for (const v of t.avoid) {
    const i = paired ? en.parts.findIndex((p) => aliasKey(p) === aliasKey(v)) : -1;
    pairs.push([v, i >= 0 ? (ko.parts[i] ?? main) : main]);
  }
  for (const s of typeableSymbols(t.symbol)) pairs.push([s, main]);
  return pairs;
}

export function buildAliasTable(glossary: Glossary, extra: ExtraAliases): AliasTable {
  const aliases: Record<string, string> = {};
  const put = (alias: string, query: string) => {
    const key = aliasKey(alias);
    if (key !== '' && key !== aliasKey(query)) aliases[key] = query;
    else if (key !== '' && aliases[key] === undefined) aliases[key] = query;
  };
  for (const t of glossary.terms) {
    for (const [alias, query] of termAliases(t, extra.query[t.id])) put(alias, query);
  }
  // Extra aliases last: they win where a glossary-derived alias says otherwise.
  for (const [query, said] of Object.entries(extra.aliases)) for (const alias of said) aliases[aliasKey(alias)] = query;
  const maxWords = Math.max(
    1,
    ...glossary.terms.flatMap((t) => [t.ko, t.en, ...t.avoid].map((s) => s.split(/\s+/).length)),
    ...Object.values(extra.aliases)
      .flat()
      .map((s) => s.split(/\s+/).length),
  );
  // A Korean term is a whole word: never cut a particle-like ending off it (정확도 stays).
  const keep = new Set(extra.keep);
  for (const t of glossary.terms) for (const w of t.ko.split(/[\s·()]+/)) if (/[\uac00-\ud7a3]$/.test(w)) keep.add(w);
  return aliasTableSchema.parse({ aliases, maxWords, keep: [...keep].sort() });
}

/**
 * The English edition's table: the same glossary read from the English side. Each term's query is
 * its English term (the words the English pages use; the extra file may override it), and its
 * aliases are the English avoid-variants (avoidEn), the glosses in its parentheses, its symbol,
 * and the Korean term a bilingual reader may type on the English site (트랜스포머 → Transformer).
 * Parts joined by " · " pair up as in the Korean table (쿼리 · 키 · 값 → query · key · value).
 */
function termAliasesEn(t: GlossaryTerm, queryOverride: string | undefined): Array<[string, string]> {
  const ko = parts(t.ko);
  const en = parts(t.en);
  const main = queryOverride ?? en.parts[0] ?? t.en;
  const paired = en.parts.length > 1 && ko.parts.length === en.parts.length;
  const pairs: Array<[string, string]> = [];
  ko.parts.forEach((p, i) => {
    pairs.push([p, paired ? (en.parts[i] ?? main) : main]);
  });
  en.parts.forEach((p, i) => {
    pairs.push([p, paired && i > 0 ? p : main]);
  });
  for (const g of [...ko.gloss, ...en.gloss]) pairs.push([g, main]);
  // The Korean avoid-list's Latin entries (Teacher, Student, Attention) are plain English words here.
  for (const v of [...t.avoidEn, ...t.avoid.filter((v) => /[\uac00-\ud7a3]/.test(v))]) pairs.push([v, main]);
  for (const s of typeableSymbols(t.symbol)) pairs.push([s, main]);
  return pairs;
}

export function buildAliasTableEn(glossary: Glossary, extra: ExtraAliases): AliasTable {
  const aliases: Record<string, string> = {};
  const put = (alias: string, query: string) => {
    const key = aliasKey(alias);
    if (key !== '' && (key !== aliasKey(query) || aliases[key] === undefined)) aliases[key] = query;
  };
  for (const t of glossary.terms) for (const [alias, query] of termAliasesEn(t, extra.query[t.id])) put(alias, query);
  for (const [query, said] of Object.entries(extra.aliases)) for (const alias of said) aliases[aliasKey(alias)] = query;
  const maxWords = Math.max(
    1,
    ...glossary.terms.flatMap((t) => [t.ko, t.en, ...t.avoid, ...t.avoidEn].map((s) => s.split(/\s+/).length)),
    ...Object.values(extra.aliases)
      .flat()
      .map((s) => s.split(/\s+/).length),
  );
  // Korean words typed on the English site still lose their particle; the Korean terms stay whole.
  const keep = new Set(extra.keep);
  for (const t of glossary.terms) for (const w of t.ko.split(/[\s·()]+/)) if (/[\uac00-\ud7a3]$/.test(w)) keep.add(w);
  return aliasTableSchema.parse({ aliases, maxWords, keep: [...keep].sort() });
}
