/**
 * The citation syntax of the site (pandoc's): `[@key]`, `[@a; @b]`, `[@key, p. 3]`,
 * `[see @key]`. A bracket group counts as a citation when it holds `@` followed by a key;
 * keys start and end with a letter, digit or underscore (so "[@key]." ends at "key").
 * Shared by the build's post-check and the unit tests that scan the MDX sources.
 */

/** A bracketed group with an @ inside (the same shape rehype-citation matches). */
const GROUP = /\[([^[\]]*@[^[\]]+)\]/g;
/** One key inside a group: after the start, a space, ';' or '[' (and pandoc's '-' = suppress author). */
const KEY = /(?:^|[\s;])-?@([\p{L}\p{N}_](?:[^\s;,{}[\]]*[\p{L}\p{N}_])?)/gu;

export interface CitationGroup {
  text: string;
  keys: string[];
  index: number;
}

/** Every citation group in `text`, with its keys, in order. */
export function citationGroups(text: string): CitationGroup[] {
  const out: CitationGroup[] = [];
  for (const m of text.matchAll(GROUP)) {
    const keys = [...m[1]!.matchAll(KEY)].map((k) => k[1]!);
    if (keys.length > 0) out.push({ text: m[0], keys, index: m.index });
  }
  return out;
}

/**
 * Citation groups of an MDX/Markdown source, skipping what is not prose: the frontmatter,
 * fenced code, inline code, and ESM import/export lines.
 */
export function sourceCitations(source: string): CitationGroup[] {
  const prose = source
    .replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length))
    .replace(/^(import|export)\s[^\n]*$/gm, (m) => ' '.repeat(m.length));
  return citationGroups(prose);
}

/** 1-based line of a character offset (for messages). */
export function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
