/** KdDataNotice.astro's notice (a deploy without the full PAMAP2 data), in both languages. */
import type { Localized } from '@src/i18n/lang';

export const KD_DATA_NOTICE: Localized<{ title: string; text: string }> = {
  ko: {
    title: '전체 PAMAP2 데이터 없이 배포됨',
    text: '이번 배포에서는 UCI 저장소의 전체 PAMAP2 데이터를 내려받거나 검증하지 못해, 이 데모에는 번들 발췌본만 있습니다. 전체 데이터로 돌려 보려면 UCI에서 받은 zip을 아래 ‘내 PAMAP2 파일’로 올리세요.',
  },
  en: {
    title: 'Deployed without the full PAMAP2 data',
    text: 'This deploy could not download or verify the full PAMAP2 data from the UCI repository, so the demo has only the bundled excerpt. To run it on the full data, load the zip from UCI with ‘My PAMAP2 file’ below.',
  },
};
