/**
 * Every repository path a Markdown file names in backticks exists, so the READMEs do not keep
 * pointing at files that moved. A backtick span counts as a path when it has a '/', no spaces or
 * placeholders, and its first segment is a top-level entry of the repository or an entry next to
 * the Markdown file (paths are tried from the root and from the file's folder; `@demos/…` aliases
 * and module specifiers without an extension resolve as the bundler would). Fenced code blocks are
 * commands, not references, and are skipped. ALLOWED lists the few that are examples or generated.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Spans that name no committed file on purpose, each with why. */
const ALLOWED: Array<{ re: RegExp; why: string }> = [
  { re: /^\.work\//, why: 'scratch output (git-ignored), written by scripts' },
  { re: /^content\/results\/own\/$/, why: "a real sweep's output folder (generated)" },
  { re: /^content\/docs\/research\/2025-05-09\.mdx$/, why: 'example of adding a weekly note' },
  { re: /^(\.\.\/)+$/, why: 'a bare ../ chain, named in CONTRIBUTING as the import style to avoid' },
  { re: /^\.\.\/vit\/$/, why: 'a relative page link shown as an example of base-independent links, not a repository path' },
  { re: /^src\/content\/docs$/, why: "Astro's default content folder, named as the one this site does not use" },
  { re: /(^|\/)(foo|Foo[A-Za-z]*\.astro|foo[-.][^/]*)(\/|$)/, why: 'the "add a demo foo" walkthrough in CONTRIBUTING.md' },
];

/** Folders whose names are not repository paths (ignored build output, dependencies). */
const NOT_REPO = new Set(['node_modules', 'dist', 'test-results', '.work', '.git']);

function markdownFiles(): string[] {
  const out = ['README.md', 'CONTRIBUTING.md', 'ARCHITECTURE.md'].filter((f) => existsSync(join(ROOT, f)));
  if (existsSync(join(ROOT, 'docs')))
    out.push(
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    );
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory() && !NOT_REPO.has(e.name)) walk(p);
      else if (e.name === 'README.md') out.push(p);
    }
  };
  for (const dir of ['demos', 'src', 'data', 'scripts', 'bench']) if (existsSync(join(ROOT, dir))) walk(dir);
  return out;
}

/** The backtick spans of a Markdown text outside fenced code blocks. */
function backtickSpans(md: string): string[] {
  const prose = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
}

/** The path a span names (alias, anchor, line number and query dropped), or null when it is not path-like. */
function pathOf(span: string): string | null {
  if (!span.includes('/') || /\s|:\/\/|[<>{}$=|"'(),]/.test(span) || span.startsWith('/')) return null;
  const p = span
    .replace(/^@(demos|src|data)\//, '$1/')
    .replace(/[#?].*$/, '')
    .replace(/:\d+(-\d+)?$/, '');
  return /^[\w.@\-/*[\]]+$/.test(p) ? p : null;
}

/** Whether `p` exists under `dir` (a '*' in the last segment: some entry matches; no extension: a module). */
function existsUnder(dir: string, p: string): boolean {
  const full = join(dir, p);
  if (p.includes('*')) {
    const parent = dirname(full);
    const re = new RegExp(
      `^${full
        .slice(parent.length + 1)
        .replace(/[.]/g, '\\.')
        .replace(/\*/g, '.*')}$`,
    );
    return existsSync(parent) && readdirSync(parent).some((n) => re.test(n));
  }
  return ['', '.ts', '.mjs', '.js', '.tsx'].some((ext) => existsSync(full + ext));
}

/** The repository paths a Markdown file names that do not exist (not allowed). */
function missingPaths(file: string, md: string, top: Set<string>): string[] {
  const here = join(ROOT, dirname(file));
  const missing: string[] = [];
  for (const span of backtickSpans(md)) {
    const p = pathOf(span);
    if (!p) continue;
    const first = p.split('/')[0]!;
    const named = first === '..' || first === '.' || top.has(first) || (existsSync(join(here, first)) && !NOT_REPO.has(first));
    if (!named || ALLOWED.some((a) => a.re.test(p))) continue;
    // A '../' path is read from the file's folder, and must stay inside the repository: what lies
    // beside a checkout (../shared on a developer's machine) is not there for a reader of the repo.
    if (first === '..') {
      const inside = !relative(ROOT, join(here, p)).startsWith('..');
      if (!inside || !existsUnder(here, p)) missing.push(span);
      continue;
    }
    if (!existsUnder(ROOT, p) && !existsUnder(here, p)) missing.push(span);
  }
  return missing;
}

/** The relative link targets of a Markdown text (`[text](target)`, outside code), each as path and anchor. */
function linkTargets(md: string): Array<{ path: string; anchor: string }> {
  const prose = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^()\s]+)\)/g)]
    .map((m) => ({ path: m[1]!.replace(/#.*$/, ''), anchor: m[1]!.includes('#') ? m[1]!.replace(/^[^#]*#/, '') : '' }))
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t.path) && !t.path.startsWith('/'));
}

/** GitHub's anchors of a Markdown file's headings (github-slugger: lower case, punctuation dropped, spaces to '-'). */
function headingAnchors(md: string): Set<string> {
  const prose = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return new Set(
    [...prose.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((m) =>
      m[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

/** Markdown files whose relative links are the site's page routes, not repository files. */
const SITE_LINKS = new Set(['docs/coverage.md']); // generated by test/unit/coverage-lib.ts: links to the built pages

/** The relative links of a Markdown file whose target (or, into a Markdown file, whose heading) is not in the repository. */
function missingLinks(file: string, md: string): string[] {
  if (SITE_LINKS.has(file)) return [];
  const here = join(ROOT, dirname(file));
  return linkTargets(md)
    .filter(({ path, anchor }) => {
      const full = path === '' ? join(ROOT, file) : join(here, path);
      if (relative(ROOT, full).startsWith('..') || !existsSync(full)) return true;
      if (anchor === '' || !full.endsWith('.md')) return false;
      const target = path === '' ? md : readFileSync(full, 'utf8');
      return !headingAnchors(target).has(anchor);
    })
    .map(({ path, anchor }) => (anchor ? `${path}#${anchor}` : path));
}

const TOP = new Set(readdirSync(ROOT).filter((n) => !NOT_REPO.has(n)));

describe('paths named in Markdown', () => {
  const files = markdownFiles();

  it('finds the Markdown files it is meant to check', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'demos/kd/README.md', 'src/islands/kd/README.md']));
  });

  it.each(files)('%s names only paths that exist', (file) => {
    const md = readFileSync(join(ROOT, file), 'utf8');
    expect(missingPaths(file, md, TOP), `${relative(ROOT, join(ROOT, file))}: stale paths (fix them, or add to ALLOWED with why)`).toEqual(
      [],
    );
  });

  it.each(files)('%s links only to files that exist', (file) => {
    const md = readFileSync(join(ROOT, file), 'utf8');
    expect(missingLinks(file, md), `${file}: broken relative links`).toEqual([]);
  });

  it('catches a broken relative link, and leaves URLs, anchors and code alone', () => {
    const md = [
      'See [gone](../../docs/gone.md#x) and [ok](../../docs/measurements.md#search), [no](../../docs/measurements.md#nowhere).',
      '## Top heading (`a:b`)',
      'Here: [up](#top-heading-ab), [not](#nope).',
      'Web: [w](https://x.org/a), [m](mailto:a@b.c); code: `[c](nope.md)`, and fenced:',
      '```md\n[c](fenced-nope.md)\n```',
    ].join('\n');
    expect(missingLinks('demos/kd/README.md', md)).toEqual(['../../docs/gone.md#x', '../../docs/measurements.md#nowhere', '#nope']);
  });

  it('catches a stale path, and leaves commands, URLs and placeholders alone', () => {
    const md = [
      'See `demos/kd/run/split.ts` and `run/cap.ts`, `../shared/reference/kd-protocol.md` §5.',
      'Fine: `demos/kd/experiment/split.ts`, `@demos/shared/gradients`, `conv/winograd*.ts`, `demos/kd/README.md#x`.',
      'Not paths: `npm run data:pamap2`, `https://x.org/a/b`, `/notes/`, `BASE_PATH=/repo`, `<repo>/x`, `a / b`.',
      '```sh\nnode scripts/gone.mjs\n```',
    ].join('\n');
    expect(missingPaths('demos/kd/README.md', md, TOP)).toEqual([
      'demos/kd/run/split.ts',
      'run/cap.ts',
      '../shared/reference/kd-protocol.md',
    ]);
  });
});
