import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The built pages show what their sources wrote (the built-HTML half of
// test/unit/mdx-prose-render.test.ts): no <del> that the source did not spell `~~x~~`, every
// range written with a single tilde ("0.36~1.91") and every escaped set ("\{0.3, 0.5, 0.7\}")
// visible verbatim in the page text, and no literal ** of an emphasis that did not parse.

const DOCS = 'content/docs';
function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );
}
/** Page path under the base: content/docs/results/index.mdx → results/, index.mdx → ''. */
const route = (file: string) =>
  relative(DOCS, file)
    .replace(/\.mdx$/, '/')
    .replace(/(^|\/)index\/$/, '$1');
/** Prose lines only: no frontmatter, imports, JSX, math or code. */
function proseLines(text: string): string[] {
  const body = text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/```[\s\S]*?```/g, '');
  return body
    .split('\n')
    .filter((l) => !/^\s*(import |<|\{\/\*)/.test(l))
    .map((l) => l.replace(/`[^`]*`/g, '').replace(/\$[^$]*\$/g, ''));
}

for (const file of mdxFiles(DOCS)) {
  const src = readFileSync(file, 'utf8');
  const lines = proseLines(src);
  const ranges = lines.flatMap((l) => l.match(/\d[\d.,]*~\d[\d.,]*/g) ?? []);
  const sets = lines.flatMap((l) => (l.match(/\\\{[^}]*\\\}/g) ?? []).map((s) => s.replace(/\\/g, '')));
  const asked = (src.match(/~~[^~\n]+~~/g) ?? []).length;
  test(`${relative(DOCS, file)}: no unasked <del>, ranges and sets shown verbatim`, async ({ page }) => {
    await page.goto(route(file));
    const main = page.locator('main .sl-markdown-content').first();
    await expect(main.locator('del')).toHaveCount(asked);
    const text = (await main.textContent()) ?? '';
    for (const r of ranges) expect(text, `range ${r}`).toContain(r);
    for (const s of sets) expect(text, `set ${s}`).toContain(s);
    // emphasis that CommonMark did not parse shows its asterisks
    expect(text).not.toContain('**');
  });
}
