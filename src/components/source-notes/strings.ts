/** The label of the "original notes" line under a page title, in both languages. */
import type { Localized } from '@src/i18n/lang';

export const SOURCE_NOTES: Localized<{ label: string }> = {
  ko: { label: '원본 노트' },
  en: { label: 'Original notes' },
};
