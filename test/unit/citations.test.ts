import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { BIB_FILE, entryLink, loadBib, parseBib, type BibEntry } from '@src/node/markdown/bib';
import { citationGroups, lineOf, sourceCitations } from '@src/node/markdown/citation-keys';
import {
  CitationError,
  citationPlugins,
  pageLangOf,
  REFERENCES_HEADING,
  REFERENCES_HEADINGS,
} from '@src/node/markdown/rehype-citations-site';
import { ROOT } from './coverage-lib';

const DOCS = join(ROOT, 'content', 'docs');
const FIXTURES = join(ROOT, 'test', 'unit', 'fixtures', 'citations');
const bib = loadBib();

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** "file:line @key" for every cited key that is not in the bibliography. */
function unresolved(files: string[], known: Map<string, BibEntry>): string[] {
  return files.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return sourceCitations(text).flatMap((g) =>
      g.keys.filter((k) => !known.has(k)).map((k) => `${relative(ROOT, f)}:${lineOf(text, g.index)} @${k}`),
    );
  });
}

/** Pages that cite no bibliography entry with an arXiv/DOI link. */
function withoutLinkedCitation(files: string[], known: Map<string, BibEntry>): string[] {
  return files
    .filter((f) => {
      const keys = sourceCitations(readFileSync(f, 'utf8')).flatMap((g) => g.keys);
      return !keys.some((k) => {
        const e = known.get(k);
        return e !== undefined && /arxiv\.org|doi\.org/.test(entryLink(e)?.href ?? '');
      });
    })
    .map((f) => relative(ROOT, f));
}

/** `as`: the path the page is rendered under (with `notesDir`, where its language is read from). */
async function render(path: string, opts: { notesDir?: string; as?: string } = {}): Promise<string> {
  const [[cite, options], [finish, finishOptions]] = citationPlugins(ROOT, opts.notesDir) as [
    [Plugin<[unknown]>, unknown],
    [Plugin<[unknown]>, unknown],
  ];
  const file = new VFile({ value: readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''), path: opts.as ?? path });
  const out = await unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(cite, options)
    .use(finish, finishOptions)
    .use(rehypeStringify)
    .process(file);
  return String(out);
}

describe(`bibliography (${BIB_FILE})`, () => {
  it('holds the keys the pages were told to use, each once, each with an arXiv/DOI/URL link', () => {
    const required = [
      'vaswani2017attention',
      'dosovitskiy2021vit',
      'radford2021clip',
      'jia2021align',
      'devlin2019bert',
      'laurencon2024matters',
      'liu2023llava',
      'alayrac2022flamingo',
      'li2023blip2',
      'jaegle2021perceiver',
      'hinton2015distilling',
      'zagoruyko2016wrn',
      'he2016identity',
      'wang2015gaf',
      'reiss2012pamap2',
      'jeon2024tpkd',
      'tung2019sp',
      'jeong2025image',
      'ioffe2015bn',
      'ba2016layernorm',
      'xiong2020layernorm',
      'wu2021rethinkingbn',
      'touvron2023llama',
      'brown2020gpt3',
      'radford2018gpt',
      'sutskever2014seq2seq',
      'bahdanau2015align',
      'ji2023hallucination',
    ];
    expect(required.filter((k) => !bib.has(k))).toEqual([]);
    expect([...bib.values()].filter((e) => !entryLink(e)).map((e) => e.key)).toEqual([]);
    // An arXiv url must name the same paper as the eprint field.
    const mismatched = [...bib.values()]
      .filter(
        (e) => e.fields['eprint'] && e.fields['url']?.includes('arxiv.org') && !e.fields['url'].endsWith(`/abs/${e.fields['eprint']}`),
      )
      .map((e) => e.key);
    expect(mismatched).toEqual([]);
  });

  it('rejects a key defined twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bib-'));
    const path = join(dir, 'twice.bib');
    writeFileSync(path, '@misc{a, title = {x}, url = {https://arxiv.org/abs/1}}\n@misc{a, title = {y}}\n');
    expect(() => loadBib(path)).toThrow(/key a is defined twice/);
  });

  it('reads nested braces, quotes and bare values', () => {
    const [e] = parseBib('@article{k,\n title = {{BERT}: a {\\"u}ber test},\n year = 2019,\n note = "q"\n}');
    expect(e!.fields).toEqual({ title: '{BERT}: a {\\"u}ber test', year: '2019', note: 'q' });
  });
});

describe('citation syntax', () => {
  it('reads [@key], [@a; @b], locators and prefixes; ignores e-mail addresses', () => {
    const got = citationGroups('A [@a]. B [@b; @c]. C [@d, p. 3]. D [see @e]. E [me@example.com]. F [@f_1].');
    expect(got.map((g) => g.keys)).toEqual([['a'], ['b', 'c'], ['d'], ['e'], ['f_1']]);
  });

  it('skips frontmatter, fenced and inline code in a source', () => {
    expect(sourceCitations(readFileSync(join(FIXTURES, 'no-citation.mdx'), 'utf8'))).toEqual([]);
    expect(sourceCitations(readFileSync(join(FIXTURES, 'cites.mdx'), 'utf8')).flatMap((g) => g.keys)).toEqual([
      'vaswani2017attention',
      'devlin2019bert',
      'vaswani2017attention',
    ]);
  });
});

describe('rendering (rehype-citation + the site finish)', () => {
  it('numbers citations, links each to its entry, and lists the entries under 참고 문헌 with arXiv links', async () => {
    const html = await render(join(FIXTURES, 'cites.mdx'));
    expect(html).toContain('<a href="#bib-vaswani2017attention" class="cite-ref">[1]</a>');
    expect(html).toContain(
      '<a href="#bib-devlin2019bert" class="cite-ref">[2]</a>, <a href="#bib-vaswani2017attention" class="cite-ref">[1, p. 3]</a>',
    );
    expect(html).toContain(`<h2>${REFERENCES_HEADING}</h2>`);
    expect(html).toContain('<a href="https://arxiv.org/abs/1706.03762" class="ref-link">arXiv:1706.03762</a>');
    expect(html.indexOf('id="bib-vaswani2017attention"')).toBeLessThan(html.indexOf('id="bib-devlin2019bert"'));
  });

  it('fails on an unknown key, naming the page, the line and the key', async () => {
    const page = join(FIXTURES, 'unknown-key.mdx');
    const err = await render(page).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CitationError);
    expect((err as Error).message).toMatch(
      /test\/unit\/fixtures\/citations\/unknown-key\.mdx: line \d+: unknown citation key "nonexistent"/,
    );
  });

  it('fails on a locator citeproc reads only in part, and renders it in braces', async () => {
    const err = await render(join(FIXTURES, 'bad-locator.mdx')).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(/bad-locator\.mdx: citation rendered as "\[1, sec\. 3\]\.1": put a locator .* in braces/);
    expect(await render(join(FIXTURES, 'braced-locator.mdx'))).toContain('class="cite-ref">[1, sec. 3.1]</a></span>.');
  });

  it('heads the list "References" on an English page (a file under <notes>/en/)', async () => {
    expect(pageLangOf(new VFile({ path: '/n/docs/en/study/vit.mdx' }), '/n/docs')).toBe('en');
    expect(pageLangOf(new VFile({ path: '/n/docs/study/vit.mdx' }), '/n/docs')).toBe('ko');
    expect(pageLangOf(new VFile({ path: '/n/docs/study/en.mdx' }), '/n/docs')).toBe('ko');
    const notesDir = join(ROOT, 'content', 'docs');
    const en = await render(join(FIXTURES, 'cites.mdx'), { notesDir, as: join(notesDir, 'en', 'study', 'cites.mdx') });
    expect(en).toContain('<h2>References</h2>');
    expect(en).not.toContain(REFERENCES_HEADINGS.ko);
    const ko = await render(join(FIXTURES, 'cites.mdx'), { notesDir, as: join(notesDir, 'study', 'cites.mdx') });
    expect(ko).toContain('<h2>참고 문헌</h2>');
  });

  it('adds no reference section to a page without citations', async () => {
    expect(await render(join(FIXTURES, 'no-citation.mdx'))).not.toContain(REFERENCES_HEADING);
  });
});

describe('citations in content/docs', () => {
  it('the checks catch the failing fixtures (so the checks below can fail)', () => {
    expect(unresolved([join(FIXTURES, 'unknown-key.mdx')], bib)).toEqual(['test/unit/fixtures/citations/unknown-key.mdx:5 @nonexistent']);
    expect(withoutLinkedCitation([join(FIXTURES, 'no-citation.mdx'), join(FIXTURES, 'cites.mdx')], bib)).toEqual([
      'test/unit/fixtures/citations/no-citation.mdx',
    ]);
  });

  it('every [@key] used in content/docs resolves in the bibliography', () => {
    expect(unresolved(mdxFiles(DOCS), bib)).toEqual([]);
  });

  it('every page under study/ and research/ cites at least one entry with an arXiv/DOI link', () => {
    const pages = [...mdxFiles(join(DOCS, 'study')), ...mdxFiles(join(DOCS, 'research'))];
    expect(pages.length).toBeGreaterThan(0);
    expect(withoutLinkedCitation(pages, bib)).toEqual([]);
  });
});
