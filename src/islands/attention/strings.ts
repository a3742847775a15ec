/** Every sentence the attention island writes into the page, Korean and English, in one place. */
import { MAX_TOKENS, type TokenizeProblem } from '@demos/attention/tokenize';
import type { Localized } from '../../i18n/lang';
import { bilingual, localize, type Widen } from '../strings-lang';
import { ATTN_EN, LM_EN, STEPPER_EN } from './strings-en';
import { describeUrlProblems, type UrlProblem } from '@src/lib/url-codec';
import { errorMessage } from '@demos/shared/errors';

const err = errorMessage;

const ATTN_KO = {
  defaultText: '나는 어제 학교에서 Transformer 논문을 읽었다.',
  tokenizeProblem: (p: TokenizeProblem) =>
    p.code === 'empty'
      ? '문장을 입력하세요 (빈 입력에는 토큰이 없습니다).'
      : `토큰이 ${p.count}개입니다. 이 데모는 최대 ${p.max}개까지 계산합니다 — 문장을 줄여 주세요.`,
  choosingBackend: 'TensorFlow.js 백엔드를 고르는 중…',
  startFailed: (e: unknown) => `데모를 시작하지 못했습니다: ${err(e)}`,
  tabs: { step: '단계별 계산', trained: '학습된 모델 (숫자 뒤집기)', label: '데모 모드' },
  step: {
    textLabel: `문장 (한국어·영어, 최대 ${MAX_TOKENS}토큰)`,
    dLabel: '모델 차원 D ',
    hLabel: '헤드 수 H ',
    causal: ' 인과 마스크 (앞 토큰만 보기)',
    scale: ' 1/√dₕ 스케일링',
    hoverHint: '칸 위에 마우스를 올리면 값이 보입니다. 색 농도는 각 지도의 최댓값 기준, 빗금은 마스크된 칸입니다.',
    tokenHint:
      '토큰화: 공백과 문장부호로 나눕니다 (한글 어절은 조사까지 한 토큰, 문장부호는 각각 한 토큰; 실제 모델의 서브워드 토크나이저보다 단순합니다). 쿼리 토큰을 고르세요 (← → 키로 이동). 히트맵의 행을 눌러도 됩니다.',
    tableSummary: '어텐션 가중치 표 (스크린 리더용)',
    scrollCue: '← 계산식이 화면보다 넓습니다: 가로로 밀어 보세요 →',
    formulaLabel: '선택한 쿼리 토큰의 어텐션 계산식 (좁은 화면에서는 가로로 스크롤)',
    computed: (t: number, d: number, h: number, seed: number) =>
      `토큰 ${t}개 · D=${d}, H=${h}, dₕ=${d / h} · ⚠ 시드 ${seed}의 무작위 가중치 (학습 전): 이 가중치의 패턴에는 의미가 없습니다.`,
    computedLm: (t: number, layer: number, d: number, h: number) =>
      `토큰 ${t}개 · 학습된 작은 언어 모델의 층 ${layer + 1} · D=${d}, H=${h}, dₕ=${d / h} · 인과 마스크 (언어 모델은 앞 토큰만 봅니다)`,
    weightsLabel: '가중치 ',
    weightsLm: '학습된 언어 모델',
    weightsRandom: '무작위 가중치 (학습 전)',
    layerLabel: '층 ',
    lmFixed: '학습된 모델은 D=64, H=4로 고정이고 항상 인과 마스크를 씁니다.',
    lmLoading: '언어 모델 체크포인트를 불러오는 중…',
    failed: (e: unknown) => `계산 실패: ${err(e)}`,
    mapTitle: (head: number) => `헤드 ${head + 1}: 어텐션 가중치 (행 = 쿼리, 열 = 키)`,
    headButton: (head: number) => `헤드 ${head + 1}`,
    hover: (head: number, from: string, to: string, value: string) => `헤드 ${head + 1}: ${from} → ${to} = ${value}`,
    masked: '마스크됨',
    sharpness: (head: number, dh: number, on: { entropy: string; max: string }, off: { entropy: string; max: string }) =>
      `헤드 ${head + 1} 소프트맥스의 날카로움 (행 평균) — 1/√${dh} 스케일링 켬: 엔트로피 ${on.entropy} nat, 최대 가중치 ${on.max} · 끔: 엔트로피 ${off.entropy} nat, 최대 가중치 ${off.max}. 스케일링이 없으면 점수의 폭이 √dₕ배 커져 분포가 한 토큰으로 쏠립니다.`,
    tableCaption: (head: number) => `헤드 ${head + 1}의 어텐션 가중치: 행은 쿼리 토큰, 열은 키 토큰`,
  },
  trained: {
    task: '과제: 숫자 8개를 거꾸로 출력하기. 출력 위치 i는 입력 위치 7−i를 봐야 하므로, 다 배운 모델의 어텐션 지도는 반대 대각선(↙)이 됩니다.',
    digitsLabel: '입력 숫자열 (8자리)',
    train: '학습 시작',
    stop: '학습 멈춤',
    reset: '무작위 초기화',
    load: '체크포인트 불러오기',
    loading: '체크포인트를 불러오는 중…',
    accLabel: (n: number) => `평가 정확도 (고정 시드 ${n}개): `,
    acc: (token: string, seq: string, loss: string, source: string, steps: number) =>
      `토큰 ${token}% · 시퀀스 전체 ${seq}% · 손실 ${loss} · ${source} + 페이지 학습 ${steps}스텝`,
    badDigits: '숫자 8개를 입력하세요 (예: 31415926).',
    prediction: (got: string, want: string) => `모델 출력: ${got} · 정답: ${want} ${got === want ? '✓' : '✗'}`,
    mapName: (layer: number, head: number) => `층 ${layer + 1} · 헤드 ${head + 1}`,
    mapTitle: (name: string) => `${name}: 어텐션 가중치 (행 = 쿼리 위치, 열 = 키 위치)`,
    hover: (name: string, i: number, j: number, value: string) => `${name}: 위치 ${i} → 위치 ${j} = ${value}`,
    tableCaption: (name: string) => `${name}의 어텐션 가중치`,
    labelsHint:
      '축 이름은 「위치:숫자」입니다. 예: 「0:3」은 입력의 0번째 자리에 있는 숫자 3. 행은 출력(쿼리) 위치, 열은 입력(키) 위치입니다.',
    keyHead: (head: number) => `헤드 ${head + 1}`,
    linesHint: (layers: number) => `층 ${layers}, 모든 헤드 (왼쪽 위치에 마우스를 올리세요)`,
    sourceCheckpoint: (steps: number) => `체크포인트(${steps}스텝)`,
    sourceRandom: '무작위 초기화(시드 1)',
    loaded: (seed: number, steps: number, backend: string, date: string, layers: number, heads: number, d: number) =>
      `체크포인트: 시드 ${seed}, ${steps}스텝 학습 (${backend}, ${date}), ${layers}층 · 헤드 ${heads}개 · D=${d}. 이 페이지에서 이어서 학습할 수 있습니다.`,
    loadFailed: (e: unknown) => `체크포인트를 불러오지 못했습니다: ${err(e)} — 「무작위 초기화」 후 직접 학습할 수 있습니다.`,
    randomReady: '시드 1의 무작위 가중치. 「학습 시작」을 누르면 이 페이지에서 학습합니다.',
    training: (backend: string, batch: number, seed: number) => `학습 중 (백엔드 ${backend}, 배치 ${batch}, Adam, 데이터 시드 ${seed})…`,
    stopped: '학습을 멈췄습니다.',
    trainFailed: (e: unknown) => `학습 실패: ${err(e)}`,
  },
  table: { corner: '쿼리 \\ 키' },
  tokenBar: '쿼리 토큰 선택 (화살표 키로 이동)',
  linesLabel: (token: string) => `쿼리 토큰 ${token}에서 각 키로 가는 어텐션 선`,
  formulaHead: (head: number) => `헤드 ${head + 1}`,
} as const;

/** The stepper (stepper.ts): one stage of Z = softmax(mask(QKᵀ/√dₕ))V at a time. */
const STEPPER_KO = {
  label: '단계별 계산: 한 번에 한 단계 (← → 키 또는 버튼)',
  prev: '◀ 이전 단계',
  next: '다음 단계 ▶',
  counter: (n: number, total: number) => `${n + 1} / ${total} 단계`,
  termHint: '수식의 항을 누르거나 마우스를 올리면 그 행렬의 칸이 밝아집니다. 칸을 누르면 값과 계산식이 나옵니다.',
  stages: [
    'Q = X W_Q: 각 토큰의 벡터 x_i에 쿼리 투영을 곱해 쿼리 q_i를 만듭니다.',
    'K = X W_K: 같은 입력에 키 투영을 곱해 키 k_j를 만듭니다.',
    'V = X W_V: 값 투영을 곱해 값 v_j를 만듭니다. 섞일 내용은 이 값입니다.',
    'S = Q Kᵀ: 쿼리 q_i와 키 k_j의 내적이 점수 S[i, j]입니다.',
    'S ÷ √dₕ: 점수를 키 차원의 제곱근으로 나눠 소프트맥스가 한 칸으로 쏠리지 않게 합니다.',
    '마스크: 인과 마스크가 켜져 있으면 뒤쪽 토큰(j > i)의 점수를 −∞로 바꿉니다.',
    'A = softmax(…): 행마다 소프트맥스를 적용해 합이 1인 어텐션 가중치를 만듭니다.',
    'Z = A V: 가중치로 값을 섞어 헤드의 출력 z_i를 만듭니다.',
  ],
  names: ['Q', 'K', 'V', 'S = QKᵀ', 'S / √dₕ', 'mask(S / √dₕ)', 'A', 'Z = AV'],
  shape: (rows: number, cols: number) => `(${rows}×${cols})`,
  headNote: (head: number) => `헤드 ${head + 1}의 행렬`,
  tableLabel: (name: string) => `${name} 행렬`,
  noMask: '(마스크 꺼짐: 바뀌는 칸 없음)',
  cellPrompt: '칸을 누르면 여기에 값과 계산식이 나옵니다.',
  cell: {
    q: (i: number, c: number, t: string, v: string) => `Q[${i}, ${c}] = x_${i} · W_Q[:, ${c}] = ${v}  (토큰 「${t}」의 쿼리 ${c}번째 성분)`,
    k: (i: number, c: number, t: string, v: string) => `K[${i}, ${c}] = x_${i} · W_K[:, ${c}] = ${v}  (토큰 「${t}」의 키 ${c}번째 성분)`,
    v: (i: number, c: number, t: string, v: string) => `V[${i}, ${c}] = x_${i} · W_V[:, ${c}] = ${v}  (토큰 「${t}」의 값 ${c}번째 성분)`,
    s: (i: number, j: number, a: string, b: string, v: string) =>
      `S[${i}, ${j}] = q_${i} · k_${j} = ${v}  (「${a}」의 쿼리와 「${b}」의 키)`,
    scaled: (i: number, j: number, raw: string, dh: number, v: string) =>
      `S[${i}, ${j}] / √${dh} = ${raw} / ${Math.sqrt(dh).toFixed(3)} = ${v}`,
    masked: (i: number, j: number) => `[${i}, ${j}] = −∞: 키 ${j}는 쿼리 ${i}보다 뒤에 있어 가려집니다 (softmax 후 0).`,
    kept: (i: number, j: number, v: string) => `[${i}, ${j}] = ${v} (j ≤ i: 그대로)`,
    a: (i: number, j: number, v: string) => `A[${i}, ${j}] = exp(s̃_${i}${j}) / Σ_j′ exp(s̃_${i}j′) = ${v}`,
    z: (i: number, c: number, v: string) => `Z[${i}, ${c}] = Σ_j A[${i}, j] · V[j, ${c}] = ${v}`,
  },
} as const;

/** The language model's finding, from its checkpoint metadata (numbers computed by scripts/train-lm.py). */
const LM_KO = {
  title: '학습된 작은 언어 모델이 배운 것',
  trained: (trainTokens: number, steps: number, seconds: number) =>
    `이 사이트의 글과 프로젝트 문서(학습 토큰 ${trainTokens}개)로 다음 토큰 예측을 ${steps}스텝 학습한 2층 · 헤드 4개 모델입니다 (CPU 코어 하나로 ${seconds}초, scripts/train-lm.py).`,
  loss: (tokens: number, loss: string, uni: string, ppl: string, uniPpl: string) =>
    `학습에 쓰지 않은 글(토큰 ${tokens}개)에서 토큰당 손실 ${loss} nat — 단어 빈도만 쓰는 유니그램 기준선 ${uni} nat보다 낮습니다 (퍼플렉서티 ${ppl} 대 ${uniPpl}).`,
  finding: {
    clear: (layer: number, head: number, prev: string, uniform: string) =>
      `발견: 층 ${layer + 1} · 헤드 ${head + 1}의 어텐션 중 ${prev}%가 바로 앞 토큰으로 갑니다 (앞 토큰들을 고르게 보면 ${uniform}%). 이전 토큰 헤드입니다.`,
    weak: (layer: number, head: number, prev: string, uniform: string) =>
      `발견: 뚜렷한 이전 토큰 헤드는 아직 없습니다. 바로 앞 토큰을 가장 많이 보는 층 ${layer + 1} · 헤드 ${head + 1}도 ${prev}%로, 고르게 볼 때의 ${uniform}%보다 조금 높을 뿐입니다. 이 작은 모델의 헤드들은 보관 글에서 거의 고르게 봅니다.`,
    none: (layer: number, head: number, prev: string, uniform: string) =>
      `발견: 이전 토큰 헤드는 없습니다. 바로 앞 토큰을 가장 많이 보는 층 ${layer + 1} · 헤드 ${head + 1}도 ${prev}%로, 고르게 볼 때의 ${uniform}%와 비슷합니다.`,
  },
  liveUniform: (pct: string) => `이 문장에서 고르게 보면 앞 토큰 비율은 ${pct}%입니다.`,
  tableCaption:
    '헤드별 어텐션 비율 (쿼리 i ≥ 1 평균): 바로 앞 토큰 · 첫 토큰 · 자기 자신. 「보관 글」은 학습에 쓰지 않은 글, 「이 문장」은 입력한 문장.',
  tableLabel: '헤드별 어텐션 비율 표',
  cols: ['헤드', '앞 토큰 (보관 글)', '앞 토큰 (이 문장)', '첫 토큰 (보관 글)', '자기 자신 (보관 글)'],
  headName: (layer: number, head: number) => `층 ${layer + 1} · 헤드 ${head + 1}`,
  next: (words: string) => `다음 토큰 예측 (마지막 토큰 뒤): ${words}`,
  randomWarn: '⚠ 무작위 가중치 모드: 학습하지 않은 가중치라 지도의 패턴에는 의미가 없습니다. 계산 과정만 보세요.',
  oov: (pct: string) => `어휘에 없는 낱말(보관 글의 ${pct}%)도 글자 n-그램으로 임베딩을 얻습니다.`,
} as const;

/** Both languages of ATTN_TEXT, for build-time code (AttentionDemo.astro picks with pageLang). */
export const ATTN_TABLES: Localized<Widen<typeof ATTN_KO>> = { ko: ATTN_KO, en: ATTN_EN };
export const ATTN_TEXT = localize(ATTN_TABLES);
/** The stepper (stepper.ts): one stage of Z = softmax(mask(QKᵀ/√dₕ))V at a time. */
export const STEPPER_TEXT = localize<Widen<typeof STEPPER_KO>>({ ko: STEPPER_KO, en: STEPPER_EN });
/** The language model's finding, from its checkpoint metadata (numbers computed by scripts/train-lm.py). */
export const LM_TEXT = localize<Widen<typeof LM_KO>>({ ko: LM_KO, en: LM_EN });

/** The static markup of AttentionDemo.astro (before the island loads). */
export const ATTN_STATIC: Localized<{ posterLabel: (text: string) => string; posterNote: string; caption: readonly string[] }> = bilingual({
  ko: {
    posterLabel: (text) => `정적 미리보기: "${text}"의 헤드 1 어텐션 가중치 히트맵 (무작위 가중치)`,
    posterNote:
      '정적 미리보기입니다 (학습 전 무작위 가중치라 패턴에 의미가 없습니다). 이 그림이 화면에 들어오면 학습된 작은 언어 모델로 직접 계산하는 라이브 데모(TensorFlow.js)가 로드됩니다.',
    caption: [
      '셀프 어텐션 시각화: 문장을 입력하면 이 사이트의 글로 학습한 작은 언어 모델이 토큰 → 임베딩 → Q·K·V → 점수 → 소프트맥스 → 출력까지 계산하고, 단계별 계산기로 한 단계씩 따라갈 수 있습니다.',
      '「학습된 모델」 탭에서는 숫자열을 뒤집도록 학습한 작은 Transformer의 어텐션 지도를 보고 이 페이지에서 직접 학습시킬 수 있습니다.',
    ],
  },
  en: {
    posterLabel: (text) => `Static preview: heatmap of head 1’s attention weights for “${text}” (random weights)`,
    posterNote:
      'A static preview (random untrained weights, so the pattern means nothing). When this figure scrolls into view, the live demo (TensorFlow.js) loads and computes with a small trained language model.',
    caption: [
      'Self-attention visualizer: type a sentence and a small language model trained on this site’s text computes tokens → embeddings → Q·K·V → scores → softmax → output; the stepper walks through it one stage at a time.',
      'The “Trained model” tab shows the attention maps of a small Transformer trained to reverse a string of digits, and lets you train it on this page.',
    ],
  },
});

/** The note when the URL held values the demo cannot use (src/lib/url-codec.ts reports them). */
export const ATTN_URL_PROBLEMS: Localized<(ps: readonly UrlProblem[]) => string> = {
  ko: (ps) => `주소에 있는 값 ${describeUrlProblems(ps, 'ko')}은(는) 이 데모가 쓸 수 없어 기본값으로 바꿨습니다.`,
  en: (ps) => `This demo cannot use ${describeUrlProblems(ps, 'en')} from the address, so it uses the defaults.`,
};
