/** Every sentence the attention island writes into the page (Korean), in one place. */
import { MAX_TOKENS } from '@demos/attention/tokenize';

const err = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const ATTN_TEXT = {
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
      '토큰화: 공백과 문장부호로 나눕니다 (한글 어절은 조사까지 한 토큰, 문장부호는 각각 한 토큰; 실제 모델의 서브워드 토크나이저보다 단순합니다). 질의 토큰을 고르세요 (← → 키로 이동). 히트맵의 행을 눌러도 됩니다.',
    tableSummary: '어텐션 가중치 표 (스크린 리더용)',
    formulaLabel: '선택한 질의 토큰의 어텐션 계산식 (좁은 화면에서는 가로로 스크롤)',
    computed: (t: number, d: number, h: number, seed: number) =>
      `토큰 ${t}개 · D=${d}, H=${h}, dₕ=${d / h} · 시드 ${seed}의 무작위 가중치 (학습 전)`,
    failed: (e: unknown) => `계산 실패: ${err(e)}`,
    mapTitle: (head: number) => `헤드 ${head + 1}: 어텐션 가중치 (행 = 질의, 열 = 키)`,
    headButton: (head: number) => `헤드 ${head + 1}`,
    hover: (head: number, from: string, to: string, value: string) => `헤드 ${head + 1}: ${from} → ${to} = ${value}`,
    masked: '마스크됨',
    sharpness: (head: number, dh: number, on: { entropy: string; max: string }, off: { entropy: string; max: string }) =>
      `헤드 ${head + 1} 소프트맥스의 날카로움 (행 평균) — 1/√${dh} 스케일링 켬: 엔트로피 ${on.entropy} nat, 최대 가중치 ${on.max} · 끔: 엔트로피 ${off.entropy} nat, 최대 가중치 ${off.max}. 스케일링이 없으면 점수의 폭이 √dₕ배 커져 분포가 한 토큰으로 쏠립니다.`,
    tableCaption: (head: number) => `헤드 ${head + 1}의 어텐션 가중치: 행은 질의 토큰, 열은 키 토큰`,
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
    mapTitle: (name: string) => `${name}: 어텐션 가중치 (행 = 질의 위치, 열 = 키 위치)`,
    hover: (name: string, i: number, j: number, value: string) => `${name}: 위치 ${i} → 위치 ${j} = ${value}`,
    tableCaption: (name: string) => `${name}의 어텐션 가중치`,
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
  table: { corner: '질의 \\ 키' },
  tokenBar: '질의 토큰 선택 (화살표 키로 이동)',
  linesLabel: (token: string) => `질의 토큰 ${token}에서 각 키로 가는 어텐션 선`,
  formulaHead: (head: number) => `헤드 ${head + 1}`,
} as const;
