/**
 * How an island's strings module picks its language (issue #23). Each module keeps one table per
 * language and exports the picked one under its old name, so call sites do not change:
 *
 *   const KO = { … } as const;
 *   const EN: Widen<typeof KO> = english({ en: { … } });
 *   export const X = localize<Widen<typeof KO>>({ ko: KO, en: EN });
 *
 * The page's `<html lang>` decides (documentLang). A worker has no document, so the island names
 * it with `workerName('vit')` and the worker reads its language from `self.name`. Node (unit
 * tests, scripts) has neither: Korean, the root locale.
 */
import { documentLang, type Lang, type Localized, pick, toLang } from '../i18n/lang';

/** The Korean table's literal types widened, so the English table must have the same keys, arity and tuple lengths. */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Widen<R>
      : T extends object
        ? { [K in keyof T]: Widen<T[K]> }
        : T;

const WORKER_SEP = '@lang=';

/** The language this code runs in: the page's, a worker's (from its name), else Korean. */
function islandLang(): Lang {
  if (typeof document !== 'undefined') return documentLang(document);
  const name: unknown = (globalThis as { name?: unknown }).name;
  if (typeof name === 'string' && name.includes(WORKER_SEP)) return toLang(name.slice(name.indexOf(WORKER_SEP) + WORKER_SEP.length));
  return 'ko';
}

/** A worker's name that carries the page's language to `islandLang()` inside the worker. */
export function workerName(base: string): string {
  return `${base}${WORKER_SEP}${islandLang()}`;
}

/**
 * A table's English side, written under an `en:` key so that tools reading the source know the
 * language of its text (the glossary test checks text under `en:` against the English avoid-list):
 *   const X_EN: Widen<typeof X_KO> = english({ en: { … } });
 */
export function english<T>(side: { en: T }): T {
  return side.en;
}

/** Every table a strings module built (test/unit/island-strings.test.ts compares their two languages). */
export const STRING_TABLES: Localized<unknown>[] = [];

/** Registers a two-language table (one that build-time code picks from with pageLang) and returns it. */
export function bilingual<T>(table: Localized<T>): Localized<T> {
  STRING_TABLES.push(table);
  return table;
}

/** The table of the language this code runs in (picked once, when the strings module loads). */
export function localize<T>(table: Localized<T>): T {
  return pick(bilingual(table), islandLang());
}
