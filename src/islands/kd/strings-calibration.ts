/**
 * The sentence beside the KD page's backend badge when the worker chose the backend by measuring
 * (demos/kd/run/calibrate.ts): what it measured on this machine, in both languages.
 */
import type { Calibration, Measured } from '@demos/kd/run/calibrate';
import type { Localized } from '@src/i18n/lang';

const ms = (m: Measured): string => (m.msPerStep === null ? '–' : m.msPerStep.toFixed(1));

/** The chosen backend's figure and the others'. */
function split(c: Calibration): { win: Measured | undefined; rest: Measured[] } {
  return { win: c.measured.find((m) => m.backend === c.chosen), rest: c.measured.filter((m) => m.backend !== c.chosen) };
}

export const CALIBRATION_STRINGS: Localized<{ measured: (c: Calibration) => string }> = {
  ko: {
    measured: (c) => {
      const { win, rest } = split(c);
      const others = rest.map((m) => (m.msPerStep === null ? `${m.backend}: 측정 불가` : `${m.backend} ${ms(m)} ms`)).join(', ');
      return `${c.chosen} — 학습 한 단계 ${win ? ms(win) : '–'} ms${others ? `, ${others}` : ''} [측정: 이 기기에서 ${(c.totalMs / 1000).toFixed(1)}초]`;
    },
  },
  en: {
    measured: (c) => {
      const { win, rest } = split(c);
      const others = rest
        .map((m) => (m.msPerStep === null ? `${m.backend}: not measurable` : `${m.backend} ${ms(m)} ms/step`))
        .join(' vs ');
      return `${c.chosen} — ${win ? ms(win) : '–'} ms/step${others ? ` vs ${others}` : ''} [measured on this machine in ${(c.totalMs / 1000).toFixed(1)} s]`;
    },
  },
};
