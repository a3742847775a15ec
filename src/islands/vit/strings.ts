import type { Localized } from '@src/i18n/lang';
import { describeUrlProblems, type UrlProblem } from '@src/lib/url-codec';

/** The note under the demo when the URL held values it cannot use (src/lib/url-codec.ts reports them). */
export const VIT_URL_PROBLEMS: Localized<(ps: readonly UrlProblem[]) => string> = {
  ko: (ps) => `주소에 있는 값 ${describeUrlProblems(ps, 'ko')}은(는) 이 데모가 쓸 수 없어 기본값으로 바꿨습니다.`,
  en: (ps) => `This demo cannot use ${describeUrlProblems(ps, 'en')} from the address, so it uses the defaults.`,
};

/** Every sentence the ViT island writes into the page (Korean), in one place. */
export const VIT_TEXT = {
  loading: (name: string) => `"${name}" 불러오는 중…`,
  computing: (p: number, dim: number, backend: string | null) => `계산 중… (p = ${p}, D = ${dim}${backend ? `, ${backend}` : ''})`,
  done: (ms: number, backend: string, p: number, diff: number) =>
    `계산 완료 (${ms.toFixed(0)} ms, ${backend}). 같은 가중치로 stride-${p} conv2d와 reshape+matMul의 최대 차이: ${diff.toExponential(1)}`,
  keptPrevious: (name: string) => `이전 이미지 "${name}"를 그대로 보여 줍니다.`,
  workerFailed: (msg: string) => `계산 워커를 시작하지 못했습니다: ${msg || '알 수 없는 오류'}`,
  sampleFailed: (src: string, msg: string) => `예시 이미지를 불러오지 못했습니다 (${src}): ${msg}`,
  dropEmpty: '끌어다 놓은 것에 파일이 없습니다. 이미지 파일을 놓아 주세요.',
  selection: (n: number, row: number, col: number) => `패치 #${n} · 행 ${row}, 열 ${col} · 토큰 위치 ${n + 1} ([CLS]가 0번)`,
  stageLabel: (g: number, n: number, row: number, col: number) =>
    `이미지 패치 격자 ${g}×${g}. 현재 패치 #${n} (행 ${row}, 열 ${col}). 화살표 키로 이동.`,
  ownImage: (name: string, w: number, h: number) =>
    `내 이미지: ${name} (${w}×${h}) — 브라우저 안에서만 처리되며 어디에도 올라가지 않습니다.`,
} as const;

/** Every sentence the digit part of the ViT demo (a trained ViT that looks) writes into the page. */
export const VIT_DIGIT_TEXT = {
  loadingModel: '학습된 ViT 가중치를 불러오는 중…',
  drawPrompt: '위 칸에 숫자(0–9)를 하나 그리거나, 시험용 숫자를 고르세요.',
  empty: '아직 그린 것이 없습니다. 칸에 숫자를 그려 보세요.',
  modelFailed: (msg: string) => `학습된 모델을 불러오지 못했습니다: ${msg}`,
  predicted: (digit: number, prob: number, ms: number, backend: string) =>
    `예측: ${digit} (확률 ${(prob * 100).toFixed(1)}%) · 계산 ${ms.toFixed(1)} ms, ${backend}`,
  sourceDrawn: '입력: 직접 그린 숫자 (MNIST처럼 20×20 상자에 맞추고 무게중심을 가운데로 옮김)',
  sourceSample: (label: number, index: number) =>
    `입력: 시험용 숫자 (정답 ${label}, mnist 패키지의 ${label}번 묶음 #${index}, 학습에 쓰지 않음)`,
  sourceFile: (name: string) => `입력: ${name} (MNIST처럼 20×20 상자에 맞추고 무게중심을 가운데로 옮김)`,
  mapCaption: (layer: number, head: number | null, self: number) =>
    `${layer}층 ${head === null ? '헤드 평균' : `헤드 ${head}`}: [CLS] 쿼리가 각 패치에 준 어텐션 가중치 (숫자 = %). [CLS]가 자기 자신에게 남긴 몫: ${(self * 100).toFixed(1)}%`,
  mapLabel: (layer: number, head: number | null, top: number, topShare: number) =>
    `모델 입력 28×28과 ${layer}층 ${head === null ? '헤드 평균' : `헤드 ${head}`}의 [CLS] 어텐션. 가장 많이 본 패치 #${top} (${(topShare * 100).toFixed(0)}%).`,
  probLabel: (d: number, p: number) => `${d}: ${(p * 100).toFixed(1)}%`,
  badFile: (name: string) => `"${name}"은(는) 손상되었거나 이 브라우저가 디코딩할 수 없는 이미지입니다.`,
  sampleButton: (label: number) => `시험용 숫자 ${label}`,
} as const;
