/** Every sentence the ViT island (page and worker) writes into the page, Korean and English, in one place. */
import type { ImageProblem } from '@demos/vit/image-file';
import type { Localized } from '../../i18n/lang';
import { english, bilingual, localize, type Widen } from '../strings-lang';
import type { VitSampleId } from './samples';
import { describeUrlProblems, type UrlProblem } from '@src/lib/url-codec';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

const VIT_KO = {
  imageProblem: (p: ImageProblem): string => {
    switch (p.code) {
      case 'empty':
        return `"${p.name}"은(는) 빈 파일입니다.`;
      case 'too-large':
        return `"${p.name}"이(가) 너무 큽니다 (${mb(p.bytes)}). ${mb(p.max)} 이하의 이미지를 골라 주세요.`;
      case 'corrupt':
        return `"${p.name}"은(는) 손상된 ${p.format} 파일입니다: 헤더를 읽을 수 없습니다.`;
      case 'not-image':
        return `"${p.name}"은(는) 이미지 파일이 아닙니다. PNG, JPEG, GIF, WebP, BMP, AVIF 이미지를 골라 주세요.`;
      case 'no-pixels':
        return `"${p.name}"의 크기가 ${p.width}×${p.height}입니다: 픽셀이 없는 이미지입니다.`;
      case 'too-many-pixels':
        return `"${p.name}"은(는) ${p.width.toLocaleString('en-US')}×${p.height.toLocaleString('en-US')} = ${((p.width * p.height) / 1e6).toFixed(0)}MP로 너무 큽니다 (최대 ${p.max / 1e6}MP). 브라우저 메모리를 지키기 위해 디코딩하지 않았습니다.`;
      case 'undecodable':
        return `"${p.name}"은(는) 손상되었거나 이 브라우저가 디코딩할 수 없는 ${p.format} 파일입니다.`;
    }
  },
  noPixels: (name: string, w: number, h: number) => `"${name}"에 픽셀이 없습니다 (${w}×${h}).`,
  noCanvas: '이 브라우저에서 2D 캔버스를 만들 수 없습니다.',
  noImage: '아직 불러온 이미지가 없습니다.',
  badRequest: (problem: string) => `잘못된 요청: ${problem}`,
  computeError: (msg: string) => `계산 중 오류: ${msg}`,
  noteRotated: (sw: number, sh: number, w: number, h: number) => `EXIF 방향 정보에 따라 회전했습니다 (저장 ${sw}×${sh} → 표시 ${w}×${h}).`,
  noteTranslucent: (pct: string) => `투명한 픽셀 ${pct}%를 흰 배경 위에 합성했습니다 (모델 입력은 RGB 3채널).`,
  noteUpscaled: (w: number, h: number, size: number) =>
    `원본(${w}×${h})이 ${size}보다 작아서 선형 보간으로 확대했습니다${w * h === 1 ? ' — 1×1 이미지는 한 가지 색의 면이 됩니다' : ''}.`,
  noteCropped: (side: number, size: number) => `가운데 정사각형(${side}×${side})을 잘라 ${size}×${size}로 맞췄습니다.`,

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

const VIT_DIGIT_KO = {
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

const VIT_EN: Widen<typeof VIT_KO> = english({
  en: {
    imageProblem: (p: ImageProblem): string => {
      switch (p.code) {
        case 'empty':
          return `“${p.name}” is an empty file.`;
        case 'too-large':
          return `“${p.name}” is too large (${mb(p.bytes)}). Pick an image of at most ${mb(p.max)}.`;
        case 'corrupt':
          return `“${p.name}” is a damaged ${p.format} file: its header cannot be read.`;
        case 'not-image':
          return `“${p.name}” is not an image file. Pick a PNG, JPEG, GIF, WebP, BMP or AVIF image.`;
        case 'no-pixels':
          return `“${p.name}” is ${p.width}×${p.height}: an image with no pixels.`;
        case 'too-many-pixels':
          return `“${p.name}” is ${p.width.toLocaleString('en-US')}×${p.height.toLocaleString('en-US')} = ${((p.width * p.height) / 1e6).toFixed(0)} MP, too large (at most ${p.max / 1e6} MP). It was not decoded, to spare the browser’s memory.`;
        case 'undecodable':
          return `“${p.name}” is a damaged ${p.format} file, or one this browser cannot decode.`;
      }
    },
    noPixels: (name: string, w: number, h: number) => `“${name}” has no pixels (${w}×${h}).`,
    noCanvas: 'This browser cannot create a 2D canvas.',
    noImage: 'No image has been loaded yet.',
    badRequest: (problem: string) => `Bad request: ${problem}`,
    computeError: (msg: string) => `Error while computing: ${msg}`,
    noteRotated: (sw: number, sh: number, w: number, h: number) =>
      `Rotated by its EXIF orientation (stored ${sw}×${sh} → shown ${w}×${h}).`,
    noteTranslucent: (pct: string) => `Composited ${pct}% transparent pixels over white (the model takes 3 RGB channels).`,
    noteUpscaled: (w: number, h: number, size: number) =>
      `The original (${w}×${h}) is smaller than ${size}, so it was enlarged by linear interpolation${w * h === 1 ? ' — a 1×1 image becomes a flat field of one colour' : ''}.`,
    noteCropped: (side: number, size: number) => `Cropped the centre square (${side}×${side}) and resized it to ${size}×${size}.`,
    loading: (name: string) => `Loading “${name}”…`,
    computing: (p: number, dim: number, backend: string | null) => `Computing… (p = ${p}, D = ${dim}${backend ? `, ${backend}` : ''})`,
    done: (ms: number, backend: string, p: number, diff: number) =>
      `Done (${ms.toFixed(0)} ms, ${backend}). Largest difference between a stride-${p} conv2d and reshape+matMul with the same weights: ${diff.toExponential(1)}`,
    keptPrevious: (name: string) => `Still showing the previous image, “${name}”.`,
    workerFailed: (msg: string) => `The compute worker could not start: ${msg || 'unknown error'}`,
    sampleFailed: (src: string, msg: string) => `Could not load the example image (${src}): ${msg}`,
    dropEmpty: 'Nothing dropped was a file. Drop an image file.',
    selection: (n: number, row: number, col: number) => `Patch #${n} · row ${row}, column ${col} · token position ${n + 1} ([CLS] is 0)`,
    stageLabel: (g: number, n: number, row: number, col: number) =>
      `Image patch grid ${g}×${g}. Current patch #${n} (row ${row}, column ${col}). Arrow keys move.`,
    ownImage: (name: string, w: number, h: number) =>
      `Your image: ${name} (${w}×${h}) — processed only inside your browser, never uploaded.`,
  },
});

const VIT_DIGIT_EN: Widen<typeof VIT_DIGIT_KO> = english({
  en: {
    loadingModel: 'Loading the trained ViT weights…',
    drawPrompt: 'Draw one digit (0–9) in the box above, or pick a test digit.',
    empty: 'Nothing drawn yet. Draw a digit in the box.',
    modelFailed: (msg: string) => `Could not load the trained model: ${msg}`,
    predicted: (digit: number, prob: number, ms: number, backend: string) =>
      `Prediction: ${digit} (probability ${(prob * 100).toFixed(1)}%) · computed in ${ms.toFixed(1)} ms, ${backend}`,
    sourceDrawn: 'Input: the digit you drew (fitted into a 20×20 box and centred on its centre of mass, as in MNIST)',
    sourceSample: (label: number, index: number) =>
      `Input: a test digit (label ${label}, #${index} of the mnist package’s set of ${label}s, not used in training)`,
    sourceFile: (name: string) => `Input: ${name} (fitted into a 20×20 box and centred on its centre of mass, as in MNIST)`,
    mapCaption: (layer: number, head: number | null, self: number) =>
      `Layer ${layer}, ${head === null ? 'mean of the heads' : `head ${head}`}: attention weights from the [CLS] query to each patch (numbers = %). What [CLS] keeps for itself: ${(self * 100).toFixed(1)}%`,
    mapLabel: (layer: number, head: number | null, top: number, topShare: number) =>
      `The 28×28 model input and the [CLS] attention of layer ${layer}, ${head === null ? 'mean of the heads' : `head ${head}`}. Most attended patch #${top} (${(topShare * 100).toFixed(0)}%).`,
    probLabel: (d: number, p: number) => `${d}: ${(p * 100).toFixed(1)}%`,
    badFile: (name: string) => `“${name}” is damaged, or an image this browser cannot decode.`,
    sampleButton: (label: number) => `Test digit ${label}`,
  },
});

export const VIT_TEXT = localize<Widen<typeof VIT_KO>>({ ko: VIT_KO, en: VIT_EN });
/** Every sentence the digit part of the ViT demo (a trained ViT that looks) writes into the page. */
export const VIT_DIGIT_TEXT = localize<Widen<typeof VIT_DIGIT_KO>>({ ko: VIT_DIGIT_KO, en: VIT_DIGIT_EN });

/** The sample photos' button labels and credits (VitDemo.astro's static markup, picked with pageLang). */
export const VIT_SAMPLE_TEXT: Localized<Record<VitSampleId, { label: string; credit: string }>> = bilingual({
  ko: {
    'chelsea.png': { label: '고양이', credit: '사진: Stefan van der Walt, 고양이 Chelsea — CC0 (scikit-image 예제 데이터)' },
    'coffee.jpg': { label: '커피', credit: '사진: Rachel Michetti, Pikolo Espresso Bar 제공 — CC0 (scikit-image 예제 데이터)' },
    'astronaut.jpg': {
      label: '우주비행사',
      credit: '사진: NASA Great Images, 우주비행사 Eileen Collins — 퍼블릭 도메인 (scikit-image 예제 데이터)',
    },
    'rocket.jpg': { label: '로켓', credit: '사진: SpaceX, Falcon 9의 DSCOVR 발사 — 퍼블릭 도메인 (scikit-image 예제 데이터)' },
  },
  en: {
    'chelsea.png': { label: 'Cat', credit: 'Photo: Stefan van der Walt, Chelsea the cat — CC0 (scikit-image example data)' },
    'coffee.jpg': { label: 'Coffee', credit: 'Photo: Rachel Michetti, courtesy of Pikolo Espresso Bar — CC0 (scikit-image example data)' },
    'astronaut.jpg': {
      label: 'Astronaut',
      credit: 'Photo: NASA Great Images, astronaut Eileen Collins — public domain (scikit-image example data)',
    },
    'rocket.jpg': { label: 'Rocket', credit: 'Photo: SpaceX, Falcon 9 launching DSCOVR — public domain (scikit-image example data)' },
  },
});

/** The note under the demo when the URL held values it cannot use (src/lib/url-codec.ts reports them). */
export const VIT_URL_PROBLEMS: Localized<(ps: readonly UrlProblem[]) => string> = {
  ko: (ps) => `주소에 있는 값 ${describeUrlProblems(ps, 'ko')}은(는) 이 데모가 쓸 수 없어 기본값으로 바꿨습니다.`,
  en: (ps) => `This demo cannot use ${describeUrlProblems(ps, 'en')} from the address, so it uses the defaults.`,
};
