import { expect, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// What the whole-site specs (a11y, phone) walk: every page of content/docs (read from the sources,
// since the build runs after the tests are collected) and each demo's ready state.

function notePaths(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return notePaths(p, root);
    if (!/\.(md|mdx)$/.test(n) || n.startsWith('_')) return [];
    const slug = relative(root, p)
      .split(sep)
      .join('/')
      .replace(/\.(md|mdx)$/, '')
      .replace(/(^|\/)index$/, '');
    return [slug ? `${slug}/` : './'];
  });
}

const DOCS = join(process.cwd(), 'content', 'docs');

/**
 * Every Korean note page as a path relative to the base ('./' for the home page), sorted. The
 * English edition (content/docs/en/**) is EN_PAGES: the whole-site specs that run every page in
 * several views (a11y, phone) take the English pages in fewer views, to keep CI time.
 */
export const NOTE_PAGES: readonly string[] = notePaths(DOCS)
  .filter((p) => !p.startsWith('en/'))
  .sort();

/** Every English page ('en/' for its home page, 'en/study/vit/', …), from content/docs/en; empty until translated. */
export const EN_PAGES: readonly string[] = notePaths(DOCS)
  .filter((p) => p.startsWith('en/'))
  .sort();

/** Each demo's ready state (custom element → what a reader sees once it has loaded). */
export const DEMOS: ReadonlyArray<{ tag: string; ready: (page: Page) => Promise<void> }> = [
  { tag: 'attention-demo', ready: (p) => expect(p.locator('attention-demo')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 }) },
  { tag: 'vit-demo', ready: (p) => expect(p.locator('vit-demo')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 }) },
  { tag: 'kd-run-demo', ready: (p) => expect(p.getByTestId('kd-start')).toBeEnabled({ timeout: 90_000 }) },
  { tag: 'kd-story-demo', ready: (p) => expect(p.locator('kd-story-demo')).toHaveAttribute('data-state', 'idle', { timeout: 90_000 }) },
];
