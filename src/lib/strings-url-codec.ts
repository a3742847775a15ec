/** Why a URL value was refused, in both languages (url-codec.ts's describeUrlProblems). */
import type { Localized } from '../i18n/lang';
import type { UrlReason } from '@demos/shared/controls';

export const REASON_TEXT: Localized<Record<UrlReason, string>> = {
  ko: { unknown: '허용되지 않는 값', range: '범위 밖', int: '정수가 아님', nan: '숫자가 아님', empty: '빈 값', form: '형식이 맞지 않음' },
  en: {
    unknown: 'not an allowed value',
    range: 'out of range',
    int: 'not an integer',
    nan: 'not a number',
    empty: 'empty',
    form: 'wrong form',
  },
};
