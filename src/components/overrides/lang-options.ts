/**
 * The language picker's option labels (astro.config.mjs `locales`: label → lang), so each
 * <option> can say which language its label is in. Keep in step with astro.config.mjs; an option
 * whose label is not here makes the build fail, so a renamed locale cannot silently lose its lang.
 */
import type { Lang } from '../../i18n/lang';

const LOCALE_LABELS: Readonly<Record<string, Lang>> = { 한국어: 'ko', English: 'en' };

const OPTION = /<option([^>]*)>([^<]*)<\/option>/g;

export function markOptionLangs(html: string): string {
  let seen = 0;
  const out = html.replace(OPTION, (_m, attrs: string, label: string) => {
    const lang = LOCALE_LABELS[label.trim()];
    if (lang === undefined) throw new Error(`LanguageSelect override: no language for the option "${label.trim()}" (lang-options.ts)`);
    seen++;
    return `<option${attrs.replace(/\s+lang="[^"]*"/, '')} lang="${lang}">${label}</option>`;
  });
  if (seen === 0 && html.includes('<select'))
    throw new Error("LanguageSelect override: Starlight's picker has no <option>…</option> to mark");
  return out;
}
