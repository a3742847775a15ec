/** Every sentence the KD story island writes into the page, Korean and English, in one place. */
import type { SentenceWords } from '@demos/kd/story/sentence';
import type { ModelName } from '@demos/kd/story/scenario';
import { MAX_SEEDS, MIN_SEEDS, type Setting } from '@demos/kd/story/config';
import type { Localized } from '../../i18n/lang';
import { bilingual, english, localize, type Widen } from '../strings-lang';
import { describeUrlProblems, type UrlProblem } from '@src/lib/url-codec';

const pct = (v: number): string => (100 * v).toFixed(1);

const MODEL_LABEL_KO: Record<ModelName, string> = {
  teacher: '교사 (레이블 스무딩 CNN, 폴드마다 하나: 시드와 무관)',
  alone: '혼자 배운 학생',
  ls: '학생 + 레이블 스무딩 (대조군)',
  kd: '증류한 학생 (KD)',
};

const SETTING_LABEL_KO: Record<Setting, string> = {
  few: '적은 레이블 + 전이 세트 (기본)',
  lab: '모두 같은 레이블 (연구실 설정)',
};

const KDS_KO = {
  seedsError: (raw: string) =>
    raw.trim() === ''
      ? `시드 수를 입력해 주세요 (${MIN_SEEDS}–${MAX_SEEDS}).`
      : `시드 수는 ${MIN_SEEDS}에서 ${MAX_SEEDS} 사이의 정수여야 합니다 ("${raw}").`,
  running: (done: number, total: number) => `학습 중… 모델 ${done}/${total}`,
  starting: '데이터와 계산 백엔드를 준비하는 중…',
  failed: (msg: string) => `실행하지 못했습니다: ${msg}`,
  workerFailed: (msg: string) => `계산 워커를 시작하지 못했습니다: ${msg || '알 수 없는 오류'}`,
  cancelled: '실행을 멈췄습니다.',
  caption: (setting: Setting, seeds: number) =>
    `${SETTING_LABEL_KO[setting]} · 시드 ${seeds}개 × 폴드 2개 · 평가 윈도우에서 잰 값 (평균 [95 % 구간])`,
  oneWindow: (testWindows: number) =>
    `폴드마다 평가 윈도우는 ${testWindows}개입니다: 윈도우 하나를 더 맞히면 정확도가 ${pct(1 / testWindows)}점 오릅니다.`,
  setup: (train: number, labelled: number, test: number) =>
    `학습 윈도우 ${train}개 중 레이블을 쓰는 것은 ${labelled}개, 평가 윈도우 ${test}개 (폴드마다).`,
  pointsTitle: '시드마다의 매크로 F1 (점 하나 = 시드 하나, 두 폴드 평균; 막대 = 평균의 95 % 구간)',
  meanInterval: (mean: number, lo: number, hi: number) => `${pct(mean)} [${pct(lo)}, ${pct(hi)}]`,
  pointLabel: (model: string, seed: number, f1: number) => `${model}, 시드 ${seed}: 매크로 F1 ${pct(f1)}`,
  diag: (backend: string, seconds: number) => `계산 백엔드 ${backend}, 걸린 시간 ${seconds.toFixed(1)}초`,
} as const;

const KDS_STATIC_KO = {
  barLabel: '이야기 설정',
  settingLegend: '설정',
  seeds: '시드 수',
  start: '실행',
  cancel: '멈춤',
  intro: (T: number, lambda: number, smoothing: number) =>
    `기본 설정: 교사는 모든 학습 윈도우의 레이블로 배우고, 학생(약 3.7천 파라미터의 1D CNN)은 클래스마다 레이블 있는 윈도우 하나와 모든 학습 윈도우에 대한 교사의 부드러운 레이블(T = ${T}, λ = ${lambda})로 배웁니다. 대조군은 같은 학생에 레이블 스무딩 ${smoothing}만 더한 것입니다: 이득 가운데 얼마가 그저 부드러운 목표 덕분인가?`,
  honesty:
    '이 숫자는 같은 녹화(활동마다 5초 하나)를 시간으로 나눈 학습·평가 윈도우에서 잰 것입니다. 두 쪽 사이에는 10행의 간격이 있어 같은 행을 나누는 윈도우는 없고, 두 폴드는 서로 앞뒤를 바꾼 것입니다. 같은 사람·같은 녹화 안의 평가이므로 논문의 LOSO 교차 검증 결과와 비교할 수 없습니다.',
  diagSummary: '진단 정보',
  colModel: '모델',
  colF1: '매크로 F1 (%)',
  colAcc: '정확도 (%)',
} as const;

const SENTENCE_WORDS_KO: SentenceWords = {
  lead: '매크로 F1에서 증류한 학생은',
  alone: '혼자 배운 학생',
  ls: '레이블 스무딩 대조군',
  lead2: '또한 증류한 학생은',
  clause: {
    better: (a) =>
      `${a.other}보다 ${a.diff}점 높고 (95 % 구간 ${a.lo}…${a.hi}점, 시드 ${a.n}개 중 ${a.wins}개에서 앞섬) 그 차이가 시드 간 흩어짐보다 큽니다`,
    worse: (a) =>
      `${a.other}보다 ${a.diff.replace('−', '')}점 낮고 (95 % 구간 ${a.lo}…${a.hi}점, 시드 ${a.n}개 중 ${a.wins}개에서 앞섬) 그 차이가 시드 간 흩어짐보다 큽니다`,
    unclear: (a) =>
      `${a.other} 대비 ${a.diff}점이지만 95 % 구간 (${a.lo}…${a.hi}점)이 0을 포함해 시드 간 흩어짐과 구별되지 않습니다 (시드 ${a.n}개 중 ${a.wins}개에서 앞섬)`,
  },
  conclusion: {
    'beats-both': '이 설정에서는 증류가 도움이 되고, 그 이득은 부드러운 목표(레이블 스무딩)만으로는 설명되지 않습니다.',
    'only-soft-targets':
      '혼자 배운 학생보다는 낫지만 레이블 스무딩만으로도 그만한 이득을 얻으므로, 이 이득을 교사의 지식 덕분이라고 말할 수 없습니다.',
    'no-help': '이 설정에서는 증류가 도움이 된다고 말할 수 없습니다.',
    hurts: '이 설정에서는 증류가 오히려 성능을 낮춥니다.',
  },
};

const MODEL_LABEL_EN: Record<ModelName, string> = english({
  en: {
    teacher: 'Teacher (CNN with label smoothing, one per fold: independent of the seed)',
    alone: 'Student alone',
    ls: 'Student + label smoothing (control)',
    kd: 'Distilled student (KD)',
  },
});

const SETTING_LABEL_EN: Record<Setting, string> = english({
  en: {
    few: 'Few labels + transfer set (default)',
    lab: 'Same labels for all (lab setting)',
  },
});

const KDS_EN: Widen<typeof KDS_KO> = english({
  en: {
    seedsError: (raw: string) =>
      raw.trim() === ''
        ? `Enter a number of seeds (${MIN_SEEDS}–${MAX_SEEDS}).`
        : `The number of seeds must be a whole number from ${MIN_SEEDS} to ${MAX_SEEDS} ("${raw}").`,
    running: (done: number, total: number) => `Training… model ${done}/${total}`,
    starting: 'Preparing the data and the compute backend…',
    failed: (msg: string) => `The run failed: ${msg}`,
    workerFailed: (msg: string) => `The compute worker could not start: ${msg || 'unknown error'}`,
    cancelled: 'Run stopped.',
    caption: (setting: Setting, seeds: number) =>
      `${SETTING_LABEL_EN[setting]} · ${seeds} seeds × 2 folds · measured on the test windows (mean [95 % interval])`,
    oneWindow: (testWindows: number) =>
      `Each fold has ${testWindows} test windows: one more window right raises accuracy by ${pct(1 / testWindows)} pp.`,
    setup: (train: number, labelled: number, test: number) =>
      `Of ${train} training windows, ${labelled} use their labels; ${test} test windows (per fold).`,
    pointsTitle: 'Macro-F1 per seed (one dot = one seed, mean of the two folds; bar = 95 % interval of the mean)',
    meanInterval: (mean: number, lo: number, hi: number) => `${pct(mean)} [${pct(lo)}, ${pct(hi)}]`,
    pointLabel: (model: string, seed: number, f1: number) => `${model}, seed ${seed}: macro-F1 ${pct(f1)}`,
    diag: (backend: string, seconds: number) => `Compute backend ${backend}, took ${seconds.toFixed(1)} s`,
  },
});

const KDS_STATIC_EN: Widen<typeof KDS_STATIC_KO> = english({
  en: {
    barLabel: 'Story settings',
    settingLegend: 'Setting',
    seeds: 'Seeds',
    start: 'Run',
    cancel: 'Stop',
    intro: (T: number, lambda: number, smoothing: number) =>
      `Default setting: the teacher learns from the labels of all training windows; the student (a 1D CNN of about 3.7 thousand parameters) learns from one labelled window per class and from the teacher’s soft labels on all training windows (T = ${T}, λ = ${lambda}). The control is the same student with only label smoothing ${smoothing} added: how much of the gain is just the softer target?`,
    honesty:
      'These numbers are measured on training and test windows split in time from the same recordings (one 5-second recording per activity). A 10-row gap between the two sides keeps any window from sharing a row, and the two folds swap which side comes first. It is an evaluation within the same person and the same recording, so it cannot be compared with the paper’s LOSO cross-validation results.',
    diagSummary: 'Diagnostics',
    colModel: 'Model',
    colF1: 'Macro-F1 (%)',
    colAcc: 'Accuracy (%)',
  },
});

const SENTENCE_WORDS_EN: SentenceWords = english({
  en: {
    lead: 'On macro-F1 the distilled student',
    alone: 'the student alone',
    ls: 'the label-smoothing control',
    lead2: 'The distilled student also',
    clause: {
      better: (a) =>
        `beats ${a.other} by ${a.diff} pp (95 % interval ${a.lo}…${a.hi} pp, ahead in ${a.wins} of ${a.n} seeds), a gap larger than the spread between seeds`,
      worse: (a) =>
        `trails ${a.other} by ${a.diff.replace('−', '')} pp (95 % interval ${a.lo}…${a.hi} pp, ahead in ${a.wins} of ${a.n} seeds), a gap larger than the spread between seeds`,
      unclear: (a) =>
        `differs from ${a.other} by ${a.diff} pp, but the 95 % interval (${a.lo}…${a.hi} pp) includes 0, so it cannot be told apart from the spread between seeds (ahead in ${a.wins} of ${a.n} seeds)`,
    },
    conclusion: {
      'beats-both': 'In this setting distillation helps, and the soft targets alone (label smoothing) do not explain the gain.',
      'only-soft-targets':
        'It beats the student alone, but label smoothing alone gains as much, so the gain cannot be credited to the teacher’s knowledge.',
      'no-help': 'In this setting we cannot say that distillation helps.',
      hurts: 'In this setting distillation makes things worse.',
    },
  },
});

export const MODEL_LABEL = localize<Record<ModelName, string>>({ ko: MODEL_LABEL_KO, en: MODEL_LABEL_EN });
/** Both languages of SETTING_LABEL, for KdStoryDemo.astro (picked with pageLang). */
export const SETTING_LABEL_BY_LANG: Localized<Record<Setting, string>> = bilingual({ ko: SETTING_LABEL_KO, en: SETTING_LABEL_EN });
export const KDS_TEXT = localize<Widen<typeof KDS_KO>>({ ko: KDS_KO, en: KDS_EN });
/** Text of the static markup (KdStoryDemo.astro, which picks with pageLang); the numbers come from the story's config. */
export const KDS_STATIC_BY_LANG: Localized<Widen<typeof KDS_STATIC_KO>> = bilingual({ ko: KDS_STATIC_KO, en: KDS_STATIC_EN });
/** The computed sentence's words (demos/kd/story/sentence.ts picks and fills them). */
export const SENTENCE_WORDS = localize<SentenceWords>({ ko: SENTENCE_WORDS_KO, en: SENTENCE_WORDS_EN });

/** The message when the URL held values the story cannot use (src/lib/url-codec.ts reports them). */
export const KDS_URL_PROBLEMS: Localized<(ps: readonly UrlProblem[]) => string> = {
  ko: (ps) => `주소에 있는 값 ${describeUrlProblems(ps, 'ko')}은(는) 쓸 수 없어 기본값으로 바꿨습니다.`,
  en: (ps) => `The address's ${describeUrlProblems(ps, 'en')} cannot be used, so the defaults are used.`,
};
