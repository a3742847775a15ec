/**
 * The 404 page's text in both languages (route-data.ts puts it in the page's hero tagline).
 * GitHub Pages answers every missing path with the one root 404.html, so the page cannot be built
 * per locale: it holds both texts, the English one hidden, and an inline script shows the English
 * one (and sets <html lang="en">) when the missing path is under <base>en/. Without JavaScript a
 * reader sees the Korean text, with a link to each edition's home page.
 */
import type { Localized } from './lang';

interface NotFoundStrings {
  text: string;
  home: string;
  title: string;
}

const notFoundStrings: Localized<NotFoundStrings> = {
  ko: { text: '페이지를 찾을 수 없습니다. 주소를 다시 확인하거나 검색해 보세요.', home: '홈으로', title: '페이지를 찾을 수 없음' },
  en: { text: 'Page not found. Check the address or try the search.', home: 'Go to the home page', title: 'Page not found' },
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The tagline HTML; `base` is the site's base path with a trailing slash ('/' or '/repo/'). */
export function notFoundHtml(base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const ko = notFoundStrings.ko;
  const en = notFoundStrings.en;
  // The script runs where it stands (the tagline is static HTML): no flash of the Korean text
  // beyond the parse of this one element. JSON.stringify keeps the base a string literal.
  const script =
    `(function(){var b=${JSON.stringify(b)},p=location.pathname;` +
    `if(p===b+'en'||p.indexOf(b+'en/')===0){document.documentElement.lang='en';` +
    `var k=document.querySelector('[data-not-found="ko"]'),e=document.querySelector('[data-not-found="en"]');` +
    `if(k&&e){k.hidden=true;e.hidden=false;}document.title=${JSON.stringify(en.title)}+' | '+document.title.split(' | ').pop();}})();`;
  return (
    `<span data-not-found="ko">${escapeHtml(ko.text)} <a href="${escapeHtml(b)}">${escapeHtml(ko.home)}</a></span>` +
    `<span data-not-found="en" lang="en" hidden>${escapeHtml(en.text)} <a href="${escapeHtml(b)}en/">${escapeHtml(en.home)}</a></span>` +
    `<script>${script}</script>`
  );
}
