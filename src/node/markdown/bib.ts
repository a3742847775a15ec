/**
 * A small BibTeX reader for the site's checks (which keys exist, which link each entry
 * has). Formatting is citeproc's job (rehype-citation); this only needs keys and a few
 * plain fields, so it reads `@type{key, field = {…} | "…" | bare, …}` with nested braces.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The site's one bibliography, relative to the repository root. */
export const BIB_FILE = 'content/references.bib';
const BIB_PATH = fileURLToPath(new URL(`../../../${BIB_FILE}`, import.meta.url));

export interface BibEntry {
  type: string;
  key: string;
  /** Field names lower-cased, values with the outer braces/quotes removed. */
  fields: Record<string, string>;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}

/** Reads a balanced {…} starting at s[i] === '{'; returns [inner text, index after '}']. */
function braced(s: string, i: number): [string, number] {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  throw new Error(`unbalanced braces from offset ${i}`);
}

export function parseBib(text: string): BibEntry[] {
  const out: BibEntry[] = [];
  const head = /@(\w+)\s*\{\s*([^,\s]+)\s*,/g;
  let m: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: the scan resumes from head.lastIndex, which the body moves
  while ((m = head.exec(text))) {
    const type = m[1]!.toLowerCase();
    if (type === 'comment' || type === 'string' || type === 'preamble') continue;
    const fields: Record<string, string> = {};
    let i = head.lastIndex;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === '}') {
        i++;
        break;
      }
      const f = /^([A-Za-z][\w-]*)\s*=\s*/.exec(text.slice(i));
      if (!f) throw new Error(`${m[2]}: cannot read a field at "${text.slice(i, i + 30)}"`);
      i += f[0].length;
      let value: string;
      if (text[i] === '{') [value, i] = braced(text, i);
      else if (text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        value = text.slice(i + 1, end);
        i = end + 1;
      } else {
        const bare = /^[^,}\s]+/.exec(text.slice(i))![0];
        value = bare;
        i += bare.length;
      }
      fields[f[1]!.toLowerCase()] = value.replace(/\s+/g, ' ').trim();
      i = skipSpace(text, i);
      if (text[i] === ',') i++;
    }
    head.lastIndex = i;
    out.push({ type, key: m[2]!, fields });
  }
  return out;
}

export function loadBib(path = BIB_PATH): Map<string, BibEntry> {
  const entries = parseBib(readFileSync(path, 'utf8'));
  const map = new Map<string, BibEntry>();
  for (const e of entries) {
    if (map.has(e.key)) throw new Error(`${BIB_FILE}: key ${e.key} is defined twice`);
    map.set(e.key, e);
  }
  return map;
}

/** The entry's link and a short label for it: arXiv id, DOI, or the URL's host. */
export function entryLink(e: BibEntry): { href: string; label: string } | null {
  const url = e.fields['url'];
  const doi = e.fields['doi'];
  const arxiv = e.fields['eprint'];
  if (url && /arxiv\.org\/abs\//.test(url)) return { href: url, label: `arXiv:${arxiv ?? url.split('/abs/')[1]}` };
  if (doi) return { href: url ?? `https://doi.org/${doi}`, label: `doi:${doi}` };
  if (url) return { href: url, label: new URL(url).host };
  return null;
}
