/** `<span class="link-title …">LLM과 VLM</span>` → the same span with lang="ko" when its text has Hangul. */
const TITLE = /<span class="link-title([^"]*)"([^>]*)>([^<]*)<\/span>/g;
const HANGUL = /[\uac00-\ud7a3]/;

export function markKoreanTitles(html: string): string {
  return html.replace(TITLE, (m, cls: string, attrs: string, text: string) =>
    HANGUL.test(text) && !/\slang=/.test(attrs) ? `<span class="link-title${cls}"${attrs} lang="ko">${text}</span>` : m,
  );
}
