/**
 * Every sentence the KD island shows (page and worker), in one place, so wording is
 * reviewed once and follows the project's terms (교사/학생, 두 교사, 폴드, 피험자, α(알파),
 * λ(람다), T(온도), 정확도/매크로 F1/균형 정확도). Templates are functions of computed values.
 * The phase names are demos/kd/run/labels.ts (shared with the static figure). This file holds
 * the Korean; strings-en.ts the English, typed by this one (KdStrings), so no key is missing.
 */
import { SPLIT_LABELS, type SplitKind } from '@demos/kd/experiment/split';
import type { Phase } from '@demos/kd/experiment/phases';
import type { PhaseResult } from '@demos/kd/run/protocol';
import { PHASE_LABELS } from '@demos/kd/run/labels';
import { ACTIVITIES } from '@demos/kd/run/activities';
import { RUNTIME_STRINGS } from './strings-runtime';
import { foldNote, summaryText } from './strings-data';
import { ERRORS_KO } from './strings-errors';
import { localize, type Widen } from '../strings-lang';
import { S_EN } from './strings-en';
import type { NumberProblem, NumberSpec } from '@demos/kd/run/config';
import { COMPARE_ALPHAS } from '@demos/kd/run/config';
import type { Localized } from '@src/i18n/lang';
import { describeUrlProblems, type UrlProblem } from '@src/lib/url-codec';

const short = (p: Phase): string => PHASE_LABELS[p].split(' ·')[0]!;
const pct = (v: number | null, d = 1): string => (v === null || !Number.isFinite(v) ? '–' : `${v.toFixed(d)}%`);

const S_KO = {
  ...RUNTIME_STRINGS,
  preparing: '백엔드와 데이터 준비 중…',
  reading: (what: string) => `${what} 읽는 중…`,
  readingBytes: (file: string, done: number, total: number) =>
    `${file} 읽는 중… ${(done / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB`,
  dataReady: '데이터 준비 완료. "증류 실행"을 누르세요.',
  dataReadyBut: (why: string) => `데이터를 읽었지만 ${why}`,
  dataErrorKeep: (label: string) => `파일을 읽지 못했습니다. 이전 데이터(${label})를 그대로 씁니다.`,
  dataErrorNone: '파일을 읽지 못했습니다.',
  checkpointsReady: (names: readonly string[]) => `체크포인트 교사를 불러왔습니다: ${names.join(', ')}`,
  checkpointsQueued: (names: readonly string[]) => `체크포인트 ${names.join(', ')}: 실행할 때 읽습니다.`,
  needCheckpoints: '교사 체크포인트 파일 두 개(이미지 2D, 신호 1D)를 먼저 고르세요',
  starting: '실행 시작…',
  phaseStart: (p: Phase, train: number, test: number) => `${PHASE_LABELS[p]}: 학습 윈도우 ${train}개, 평가 윈도우 ${test}개`,
  epoch: (p: Phase, e: number, n: number, loss: number, acc: number) =>
    `${PHASE_LABELS[p]}: 에폭 ${e}/${n} — 손실 ${loss.toFixed(3)}, 평가 정확도 ${acc.toFixed(1)}%`,
  runDone: (rs: readonly PhaseResult[]) =>
    `완료: 교사 2개와 학생 2개 — ${rs.map((r) => `${short(r.phase)} ${r.lastAcc.toFixed(1)}%`).join(', ')} (마지막 에폭 정확도)`,
  compareStart: `α 비교: 캐시된 교사로 KD 학생만 α = ${COMPARE_ALPHAS.join(', ')}에서 다시 학습합니다…`,
  compareProgress: (a: number, e: number, n: number) => `α 비교: α = ${a} 학생, 에폭 ${e}/${n}`,
  compareDone: 'α 비교 완료 (교사는 다시 학습하지 않았습니다).',
  cancelled: (p: Phase | null) => `취소했습니다${p ? ` (${PHASE_LABELS[p]} 도중)` : ''}. 다시 실행하면 끝난 단계부터 이어 갑니다.`,
  error: (m: string) => `오류: ${m}`,
  exportFailed: (m: string) => `내보내기 실패: ${m}`,
  busyData: '실행 중에는 데이터를 바꿀 수 없습니다. 먼저 취소하세요.',
  busyRun: '이미 실행 중입니다',
  cacheCleared: 'IndexedDB 캐시를 지웠습니다.',
  ownFiles: (names: readonly string[]) => `내 파일 (${names.join(', ')})`,
  windowSplitImpossible: '윈도우가 2개 이상인 클래스가 없어 윈도우 단위 분할을 할 수 없습니다.',
  losoImpossible: (n: number) =>
    `윈도우가 있는 피험자가 ${n}명뿐이라 피험자 단위 평가(LOSO)를 할 수 없습니다. "윈도우 단위 층화 분할"을 고르거나 다른 피험자 파일을 함께 올리세요.`,
  foldNoWindows: (subject: number) => `피험자 ${subject}에게는 윈도우가 없어 이 폴드로는 평가할 수 없습니다.`,
  foldUnseen: (subject: number, classes: readonly number[]) =>
    `피험자 ${subject}을(를) 평가용으로 빼면 평가 윈도우의 클래스(${classes.map((c) => ACTIVITIES[c]?.ko ?? c).join(', ')})가 학습 윈도우에 하나도 없습니다. 배운 적 없는 클래스는 어떤 모델도 맞힐 수 없어 정확도가 구조적으로 0%이므로 실행하지 않습니다.`,
  losoNoFold:
    '이 데이터에는 평가할 수 있는 피험자 폴드가 없습니다 (발췌본은 활동마다 피험자가 한 명뿐). "윈도우 단위 층화 분할"을 고르세요.',
  foldOption: (id: number, windows: number, ok: boolean) => `${id} (윈도우 ${windows}개)${ok ? '' : ' — 평가 불가'}`,
  losoOption: (label: string, ok: boolean) => (ok ? label : `${label} — 이 데이터에서는 평가 불가`),
  fieldProblem: (problem: NumberProblem, spec: NumberSpec) => {
    const range = `${spec.min.toLocaleString('ko-KR')} 이상 ${spec.max.toLocaleString('ko-KR')} 이하의 ${spec.int ? '정수' : '수'}`;
    const head = { empty: '값이 비어 있습니다.', nan: '숫자가 아닙니다.', int: '정수여야 합니다.', range: '범위를 벗어났습니다.' }[problem];
    return `${head} ${range}를 넣으세요.`;
  },
  fieldsInvalid: '설정 중 잘못된 값이 있어 실행할 수 없습니다. 빨간 안내가 붙은 칸을 고치세요.',
  oneWindow: (n: number) => `평가 윈도우가 ${n}개이므로 윈도우 하나가 정확도 ${(100 / n).toFixed(1)}%p입니다.`,
  memory: (n: number, held: number, base: number, leaked: number) => `${n} (모델 ${held} + 기준 ${base}, 누수 ${leaked})`,
  counts: (c: Record<Phase, number>) =>
    `실제로 학습한 횟수: GAF 교사 ${c['teacher-gaf']}, 신호 교사 ${c['teacher-signal']}, 학생 단독 ${c['student-ce']}, KD 학생 ${c['student-kd']}`,
  urlCheckpoint: '체크포인트 파일은 주소로 공유되지 않습니다: 교사 파일 두 개를 다시 고르세요.',
  urlNoFull: '이 빌드에는 전체 데이터 샤드가 없어 번들 발췌본을 씁니다.',
  pct,
  cls: (c: number) => ACTIVITIES[c]?.ko ?? String(c),
  /** For chart axes, where the English names are too long (Korean: the same names). */
  clsShort: (c: number) => ACTIVITIES[c]?.ko ?? String(c),
  phase: (p: Phase) => PHASE_LABELS[p],
  splitLabel: SPLIT_LABELS as Record<SplitKind, string>,
  short,
  // The data box.
  summary: summaryText,
  foldNote: foldNote,
  preview: (subject: number, label: number, channel: string, steps: number) =>
    `실제 윈도우 하나: 피험자 ${subject}, ${ACTIVITIES[label]?.ko ?? label}, 채널 ${channel} (${steps} 스텝, 33.3 Hz)`,
  gafPreview: (size: number) => `같은 윈도우·채널의 GASF ${size}×${size} (파랑 −1 … 빨강 +1)`,
  // The metric table.
  tableCaption: (split: SplitKind, n: number) =>
    `${split === 'window' ? '윈도우 단위 층화 분할의 평가 윈도우 (LOSO 아님)' : '평가 피험자(LOSO)의 윈도우'} ${n}개에 대한 결과 (마지막 에폭, %)`,
  legendAcc: (split: SplitKind) => `${split === 'window' ? '평가 윈도우(윈도우 단위 분할)' : '평가 피험자'} 정확도 (에폭마다, 오른쪽 축)`,
  baselineRow: (c: number) => `기준선: 늘 '${ACTIVITIES[c]?.ko ?? c}'(학습 윈도우에서 가장 흔한 클래스)만 답하기`,
  topClass: (c: number, share: number, n: number) => `${ACTIVITIES[c]?.ko ?? c} ${share.toFixed(0)}% (클래스 ${n}개 답함)`,
  origin: { trained: '방금 학습', cache: '캐시(IndexedDB)', checkpoint: '체크포인트' } as Record<PhaseResult['origin'], string>,
  exportTitle: '이 실행을 결과 아티팩트(JSON)로 내려받기 — content/results/에 넣을 수 있음',
  tableNote: (chance: number, classes: number, base: number, single: readonly Phase[]) =>
    `우연 수준(학습 윈도우에 있는 클래스 ${classes}개 중 하나를 고르게 찍기): 정확도 ${chance.toFixed(1)}%. 기준선의 정확도 ${base.toFixed(1)}%는 평가 윈도우 중 그 클래스의 비율입니다. ` +
    (single.length > 0
      ? `주의: ${single.map(short).join(', ')}은(는) 모든 평가 윈도우에 한 클래스만 답합니다.`
      : '한 클래스만 답하는 모델은 없습니다.') +
    ' 매크로 F1은 클래스마다 F1을 구해 단순 평균한 값, 균형 정확도는 클래스별 재현율의 평균입니다.',
  kdNote: kdNote,
  cmCaption: (p: Phase, split: SplitKind, subject: number | null) =>
    `${PHASE_LABELS[p]} — ${split === 'window' ? '윈도우 단위 층화 분할의 평가 윈도우 (LOSO 아님)' : `평가 피험자 ${subject ?? '?'}`}, 마지막 에폭 (행: 정답, 열: 예측)`,
  // What the student takes from each teacher.
  windowOption: (i: number, truth: number, split: boolean) =>
    `#${i + 1} · 정답 ${ACTIVITIES[truth]?.ko ?? truth}${split ? ' · 두 교사의 답이 다름' : ''}`,
  barsCaption: (i: number, truth: number, T: number, tops: string) =>
    `평가 윈도우 #${i + 1} (정답: ${ACTIVITIES[truth]?.ko ?? truth}). 진한 막대 T = 1, 옅은 막대 T = ${T}(KD 손실이 맞추는 분포). 최상위 클래스: ${tops}.`,
  barRow: {
    'teacher-gaf': 'GAF 교사',
    'teacher-signal': '신호 교사',
    'student-ce': '증류 전: 학생 단독',
    'student-kd': '증류 후: KD 학생',
  } as Record<Phase, string>,
  fitAxis: { agree: 'top-1 일치율 (%)', kl: (T: number) => `KL(교사‖학생), T = ${T}` },
  fitEmpty: '실행하면 KD 학생의 에폭별 값이 그려집니다.',
  alphaHead: [
    'α',
    '정확도',
    '매크로 F1',
    'GAF 교사 일치율',
    '신호 교사 일치율',
    'KL(GAF‖학생)',
    'KL(신호‖학생)',
    '엇갈린 윈도우에서 GAF 편',
    '엇갈린 윈도우에서 신호 편',
  ],
  alphaNote: alphaNote,
  ...ERRORS_KO,
};

export type KdStrings = Widen<typeof S_KO>;
export const S: KdStrings = localize<KdStrings>({ ko: S_KO, en: S_EN });

/** What the α comparison shows, in numbers: whether each teacher's agreement moved the expected way. */
function alphaNote(
  p: { alpha: number; agreeGaf: number; agreeSig: number; klGaf: number; klSig: number; disagree: number; tests: number }[],
): string {
  const first = p[0],
    last = p[p.length - 1];
  if (!first || !last) return '';
  const d = first.disagree;
  const agreeHead = `두 교사는 평가 윈도우 ${first.tests}개 중 ${first.tests - d}개(${((100 * (first.tests - d)) / first.tests).toFixed(0)}%)에서 같은 클래스를 답합니다. `;
  const few = d <= 2 ? `답이 엇갈리는 윈도우가 ${d}개뿐이라 일치율로는 α의 효과가 거의 보이지 않습니다; KL이 더 민감합니다. ` : '';
  const gaf = last.agreeGaf > first.agreeGaf ? '올라갑니다' : last.agreeGaf === first.agreeGaf ? '그대로입니다' : '내려갑니다(기대와 반대)';
  const sig = last.agreeSig < first.agreeSig ? '내려갑니다' : last.agreeSig === first.agreeSig ? '그대로입니다' : '올라갑니다(기대와 반대)';
  // Top-1 agreement can miss what KL shows: the student may approach a flat teacher distribution without its top class.
  const klAsExpected = last.klGaf < first.klGaf && last.klSig > first.klSig;
  const agreeAsExpected = last.agreeGaf > first.agreeGaf && last.agreeSig < first.agreeSig;
  const klVsTop1 =
    klAsExpected && !agreeAsExpected
      ? ' 확률 분포 전체(KL)로는 학생이 기대대로 GAF 교사에 가까워지고 신호 교사에서 멀어지지만, 가장 높은 클래스(일치율)까지 그대로 따라가지는 않습니다.'
      : '';
  return (
    agreeHead +
    few +
    `α를 ${first.alpha}에서 ${last.alpha}로 올리면 GAF 교사와의 일치율은 ${first.agreeGaf.toFixed(0)}% → ${last.agreeGaf.toFixed(0)}%로 ${gaf}, 신호 교사와의 일치율은 ${first.agreeSig.toFixed(0)}% → ${last.agreeSig.toFixed(0)}%로 ${sig}. ` +
    `KL(GAF‖학생) ${first.klGaf.toFixed(3)} → ${last.klGaf.toFixed(3)}, KL(신호‖학생) ${first.klSig.toFixed(3)} → ${last.klSig.toFixed(3)}.` +
    klVsTop1
  );
}

/** One computed sentence comparing the KD student with the student alone, naming the teacher α favours. */
function kdNote(acc: Partial<Record<Phase, number>>, alpha: number): string {
  const [g, q, ce, kd] = [acc['teacher-gaf'], acc['teacher-signal'], acc['student-ce'], acc['student-kd']];
  if (g === undefined || q === undefined || ce === undefined || kd === undefined) return '';
  const head = `KD 학생 ${kd.toFixed(1)}% 대 학생 단독 ${ce.toFixed(1)}% (정확도). `;
  const favoured = alpha > 0.5 ? 'GAF' : alpha < 0.5 ? '신호' : null;
  const weaker = g < q ? 'GAF' : q < g ? '신호' : null;
  const mix = `α = ${alpha}이면 KD 항의 ${Math.round(alpha * 100)}%는 GAF 교사(${g.toFixed(1)}%), ${Math.round((1 - alpha) * 100)}%는 신호 교사(${q.toFixed(1)}%)의 분포를 맞춥니다`;
  return (
    head +
    mix +
    (favoured && favoured === weaker
      ? ` — 더 약한 ${favoured} 교사 쪽에 무게가 실린 설정입니다. 아래 'α 비교'에서 α를 바꾸면 무엇이 달라지는지 확인하세요.`
      : '.')
  );
}

/** The note when the URL held values the demo cannot use (src/lib/url-codec.ts reports them). */
export const KD_URL_PROBLEMS: Localized<(ps: readonly UrlProblem[]) => string> = {
  ko: (ps) => `주소의 값 중 쓸 수 없는 것이 있어 기본값을 씁니다: ${describeUrlProblems(ps, 'ko')}`,
  en: (ps) => `Some values in the address cannot be used, so the defaults are used: ${describeUrlProblems(ps, 'en')}`,
};

/** The "compare α" button's label, from the one list of compared values. */
export const KD_COMPARE_BUTTON: Localized<string> = {
  ko: `α = ${COMPARE_ALPHAS.join(', ')}로 KD 학생만 다시 학습`,
  en: `Retrain only the KD student at α = ${COMPARE_ALPHAS.join(', ')}`,
};
