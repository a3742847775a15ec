/**
 * The site's two languages and the one way code finds out which one a reader is reading.
 * Korean is the root locale (URLs unchanged); English lives under /en/ with the same slugs.
 *
 * - In an `.astro` component: `pageLang(Astro.locals)` (Starlight's route data for the page).
 * - In an island (browser): `documentLang()` (the `<html lang>` Starlight writes).
 * - Strings: each island/component keeps one table per language, `Localized<T>`, and picks
 *   with `pick(table, lang)`, so a missing English string is a type error, not a silent fallback.
 */
export type Lang = 'ko' | 'en';
export type Localized<T> = Record<Lang, T>;

/** A BCP-47 tag (`ko`, `en`, `en-US`, …) → the site language; anything not English is Korean (the root). */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}

/** The language of the page an island runs in. */
export function documentLang(doc: Document = document): Lang {
  return toLang(doc.documentElement.lang);
}

/** The language of the page an `.astro` component renders into (Starlight's route data). */
export function pageLang(locals: { starlightRoute?: { lang?: string } }): Lang {
  return toLang(locals.starlightRoute?.lang);
}

export function pick<T>(table: Localized<T>, lang: Lang): T {
  return table[lang];
}
