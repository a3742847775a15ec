// @ts-check
// The Starlight sidebar, generated from the notes folder at config time: Starlight's own
// `autogenerate` only sees src/content/docs, and the notes live in content/docs (glob() loader),
// so without this every new page would also need its slug typed into astro.config.mjs.
// Same rules as autogenerate: one group per folder, pages by frontmatter `sidebar.order`
// (pages without one after those with one), then by slug; `sidebar.hidden` and drafts left out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/**
 * The groups, in sidebar order: folder under the notes dir → Korean label and its English
 * translation (Starlight shows `translations.en` on /en/ pages, the label on Korean ones).
 */
export const NOTE_GROUPS = [
  { dir: 'study', label: '공부 노트', translations: { en: 'Study notes' } },
  { dir: 'research', label: '연구 로그 (KD)', translations: { en: 'Research log (KD)' } },
  { dir: 'results', label: '실험 결과', translations: { en: 'Results' } },
];

/** The home link's label per language. */
const HOME = { label: '홈', translations: { en: 'Home' } };

/**
 * Folders under the notes dir that hold another locale's pages (content/docs/en/…), not a group.
 * Starlight builds one sidebar from this config for every locale and localises each slug itself
 * (study/x → en/study/x when that page exists, else the Korean page as a fallback), so the
 * English pages must not become entries of their own.
 */
export const LOCALE_DIRS = ['en'];

const PAGE_FILE = /\.(md|mdx)$/;
const SLUG_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * @typedef {{ slug: string, order: number | undefined, file: string }} NotePage
 * @typedef {{ en: string }} Translations
 * @typedef {string | { label: string, translations: Translations, link: string } | { label: string, translations: Translations, items: string[] }} SidebarEntry
 */

/**
 * One page's slug and order, as the glob() loader and Starlight read them.
 * @param {string} root
 * @param {string} file absolute path
 * @returns {NotePage | null} null when the page stays out of the sidebar
 */
export function readNotePage(root, file) {
  const rel = relative(root, file).split(sep).join('/');
  const { frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'));
  /** @type {Record<string, unknown>} */
  const fm = frontmatter ?? {};
  const sidebar = /** @type {Record<string, unknown>} */ (typeof fm['sidebar'] === 'object' && fm['sidebar'] !== null ? fm['sidebar'] : {});
  if (sidebar['hidden'] === true || fm['draft'] === true) return null;
  const order = sidebar['order'];
  if (order !== undefined && typeof order !== 'number')
    throw new Error(`${rel}: sidebar.order must be a number, got ${JSON.stringify(order)}`);
  const slug =
    typeof fm['slug'] === 'string' ? fm['slug'].replace(/^\/+|\/+$/g, '') : rel.replace(PAGE_FILE, '').replace(/(^|\/)index$/, '');
  // The glob() loader slugifies other names, and the sidebar would then name a page that does not exist.
  const bad = slug === '' ? undefined : slug.split('/').find((seg) => !SLUG_SEGMENT.test(seg));
  if (bad !== undefined) throw new Error(`${rel}: note file and folder names are lower-case latin letters, digits and "-" (got "${bad}")`);
  return { slug, order, file: rel };
}

/** @param {NotePage} a @param {NotePage} b */
function byOrderThenSlug(a, b) {
  const oa = a.order ?? Number.POSITIVE_INFINITY;
  const ob = b.order ?? Number.POSITIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** @param {string} dir @returns {string[]} */
function pageFiles(dir) {
  return readdirSync(dir)
    .filter((n) => PAGE_FILE.test(n) && !n.startsWith('_'))
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile());
}

/**
 * The sidebar for Starlight: '홈', the three groups, then any other top-level page. One config
 * serves both locales: labels carry their English `translations`, page slugs are the Korean ones.
 * An unknown folder or a nested folder is an error that names it, so a page never silently
 * goes missing from the sidebar.
 * @param {string} root the notes folder (content/docs)
 * @returns {SidebarEntry[]}
 */
export function notesSidebar(root) {
  const known = new Set(NOTE_GROUPS.map((g) => g.dir));
  for (const name of readdirSync(root)) {
    if (name.startsWith('_') || name.startsWith('.') || LOCALE_DIRS.includes(name)) continue;
    const p = join(root, name);
    if (statSync(p).isDirectory() && !known.has(name)) {
      throw new Error(
        `${p}: no sidebar group for this folder; use ${[...known].join(', ')} or add it to NOTE_GROUPS in scripts/sidebar.mjs`,
      );
    }
  }
  /** @type {SidebarEntry[]} */
  const out = [{ ...HOME, link: '/' }];
  for (const g of NOTE_GROUPS) {
    const dir = join(root, g.dir);
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      continue; // a group with no folder yet has no entry
    }
    for (const n of names) {
      if (!n.startsWith('_') && statSync(join(dir, n)).isDirectory()) {
        throw new Error(
          `${join(dir, n)}: notes are one folder deep (content/docs/<group>/<slug>.mdx); nested folders are not in the sidebar`,
        );
      }
    }
    const pages = pageFiles(dir)
      .map((f) => readNotePage(root, f))
      .filter((p) => p !== null)
      .sort(byOrderThenSlug);
    if (pages.length) out.push({ label: g.label, translations: g.translations, items: pages.map((p) => p.slug) });
  }
  const top = pageFiles(root)
    .map((f) => readNotePage(root, f))
    .filter((p) => p !== null && p.slug !== '');
  out.push(.../** @type {NotePage[]} */ (top).sort(byOrderThenSlug).map((p) => p.slug));
  return out;
}
