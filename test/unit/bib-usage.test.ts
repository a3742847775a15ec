// Every bibliography entry earns its place: it is cited at least once by a page (citations live
// only in content/docs/**/*.mdx — the rehype plugin resolves [@key] there), and every arXiv id and
// DOI is well formed, with a link that points at the same id.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BibEntry, loadBib } from '@src/node/markdown/bib';
import { sourceCitations } from '@src/node/markdown/citation-keys';
import { ROOT } from './coverage-lib';

const DOCS = join(ROOT, 'content', 'docs');
function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** New-style arXiv id YYMM.NNNN(N) with a real month, or old-style archive/YYMMNNN. */
const ARXIV_NEW = /^(\d{2})(0[1-9]|1[0-2])\.\d{4,5}(v\d+)?$/;
const ARXIV_OLD = /^[a-z-]+(\.[A-Z]{2})?\/\d{2}(0[1-9]|1[0-2])\d{3}(v\d+)?$/;
const DOI = /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9<>]+$/;

/** Problems of one entry's identifiers, as strings. */
function idProblems(e: BibEntry): string[] {
  const out: string[] = [];
  const { eprint, doi, url } = e.fields;
  if (eprint !== undefined && !ARXIV_NEW.test(eprint) && !ARXIV_OLD.test(eprint))
    out.push(`${e.key}: eprint "${eprint}" is not an arXiv id`);
  const abs = url ? /arxiv\.org\/(?:abs|pdf)\/([^?#]+?)(?:\.pdf)?$/.exec(url) : null;
  if (abs && abs[1] !== eprint) out.push(`${e.key}: url names arXiv ${abs[1]} but eprint is ${eprint ?? 'missing'}`);
  if (doi !== undefined && !DOI.test(doi)) out.push(`${e.key}: doi "${doi}" is not a DOI`);
  const doiUrl = url ? /doi\.org\/(.+)$/.exec(url) : null;
  if (doiUrl && decodeURIComponent(doiUrl[1]!) !== doi) out.push(`${e.key}: url names doi ${doiUrl[1]} but doi is ${doi ?? 'missing'}`);
  // arXiv ids hidden in free text (e.g. "extended version: arXiv:…") must be well formed too
  for (const m of (e.fields.note ?? '').matchAll(/arXiv:\s*(\S+?)[,.;)]?(?=\s|$)/g))
    if (!ARXIV_NEW.test(m[1]!) && !ARXIV_OLD.test(m[1]!)) out.push(`${e.key}: note names "${m[1]}" as an arXiv id`);
  return out;
}

/** Keys of the bibliography that no page cites. */
function uncited(bib: Map<string, BibEntry>, sources: string[]): string[] {
  const cited = new Set(sources.flatMap((t) => sourceCitations(t).flatMap((g) => g.keys)));
  return [...bib.keys()].filter((k) => !cited.has(k));
}

describe('bibliography: used and well formed', () => {
  const bib = loadBib();
  const sources = mdxFiles(DOCS).map((f) => readFileSync(f, 'utf8'));

  it('every entry is cited by at least one page', () => {
    expect(uncited(bib, sources)).toEqual([]);
  });

  it('every arXiv id and DOI is well formed and matches its link', () => {
    expect([...bib.values()].flatMap(idProblems)).toEqual([]);
  });

  it('the checks fail on an uncited entry, a malformed id and a link to another id', () => {
    const e = (key: string, fields: Record<string, string>): BibEntry => ({ type: 'misc', key, fields });
    expect(uncited(new Map([['x2020', e('x2020', {})]]), ['본문 [@y2021]'])).toEqual(['x2020']);
    expect(idProblems(e('a', { eprint: '1513.00327' }))).toHaveLength(1); // month 13
    expect(idProblems(e('b', { eprint: '1506.00327', url: 'https://arxiv.org/abs/1509.07481' }))).toHaveLength(1);
    expect(idProblems(e('c', { doi: '10.1609/aaai.v34i04.5963' }))).toEqual([]);
    expect(idProblems(e('d', { doi: 'doi:10.1/x' }))).toHaveLength(1);
    expect(idProblems(e('f', { note: 'extended version: arXiv:15o9.07481' }))).toHaveLength(1);
    expect(idProblems(e('g', { eprint: 'cs/0112017' }))).toEqual([]);
  });
});
