/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`) for the English edition (#23).
 *
 * 1. A Korean page with no English page yet is served under /en/ as Starlight's fallback: the
 *    Korean text under <html lang="en">. Pagefind files a page under its <html lang>, so the
 *    fallback would put Korean text into the English search index. Fallbacks are not indexed.
 * 2. The 404 page. GitHub Pages serves the one root 404.html for every missing path, /en/… too
 *    (hosts do not look for /en/404.html), so the page carries both languages and a script in the
 *    page picks English when the missing path is under <base>en/ (notFoundHtml below).
 * 3. Sidebar links with Korean titles on English pages are marked lang="ko" (below).
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { notFoundHtml } from './i18n/not-found';

type SidebarEntry = StarlightRouteData['sidebar'][number];
const HANGUL = /[\uac00-\ud7a3]/;

/** Sidebar links whose label is Korean (a page not translated yet) get lang="ko" on an English page. */
function markKoreanLinks(entries: SidebarEntry[]): SidebarEntry[] {
  return entries.map((e) =>
    e.type === 'group'
      ? { ...e, entries: markKoreanLinks(e.entries) }
      : HANGUL.test(e.label)
        ? { ...e, attrs: { ...e.attrs, lang: 'ko' } }
        : e,
  );
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  // 3. On an English page, a sidebar link to a page with no English version yet shows its Korean
  //    title: marked as Korean text (screen readers; the e2e Hangul check).
  if (route.lang.startsWith('en')) route.sidebar = markKoreanLinks(route.sidebar);
  if (route.isFallback) {
    // A copy: the entry object is shared with the Korean page, which must stay indexed.
    route.entry = { ...route.entry, data: { ...route.entry.data, pagefind: false } };
  }
  if (route.entry.id === '404' && route.entry.data.hero) {
    route.entry = {
      ...route.entry,
      data: { ...route.entry.data, hero: { ...route.entry.data.hero, tagline: notFoundHtml(import.meta.env.BASE_URL) } },
    };
  }
});
