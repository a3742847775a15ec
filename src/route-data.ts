/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`) for the English edition (#23).
 *
 * 1. A Korean page with no English page yet is served under /en/ as Starlight's fallback: the
 *    Korean text under <html lang="en">. Pagefind files a page under its <html lang>, so the
 *    fallback would put Korean text into the English search index. Fallbacks are not indexed.
 * 2. The 404 page. GitHub Pages serves the one root 404.html for every missing path, /en/… too
 *    (hosts do not look for /en/404.html), so the page carries both languages and a script in the
 *    page picks English when the missing path is under <base>en/ (notFoundHtml below).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { notFoundHtml } from './i18n/not-found';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
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
