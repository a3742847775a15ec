/**
 * Every caption, label and SVG text of the static diagrams, in both languages (one table per
 * diagram; the Korean object is the shape, so a missing English string is a type error).
 * English SVG text is kept short enough for the boxes it sits in: the Korean glyphs are about
 * 1 em wide, English letters about 0.55 em, so an English label may have ~1.8× the characters.
 */
import type { Localized } from '@src/i18n/lang';

const figureKo = {
  scrollHint: '그림이 화면보다 넓습니다. 옆으로 밀면 나머지가 보입니다 →',
  scrollable: (label: string) => `${label} (가로 스크롤 가능)`,
};
export const FIGURE: Localized<typeof figureKo> = {
  ko: figureKo,
  en: {
    scrollHint: 'The figure is wider than the screen. Swipe sideways to see the rest →',
    scrollable: (label) => `${label} (scrolls sideways)`,
  },
};

const attentionKindsKo = {
  label: '셀프 어텐션과 크로스 어텐션 비교',
  phoneNote: '(좁은 화면에서는 셀프 어텐션이 위, 크로스 어텐션이 아래에 있습니다.)',
  caption:
    '그림 2. 왼쪽 셀프 어텐션: 한 문장 안의 모든 토큰이 서로를 봅니다 (쿼리·키·값이 모두 같은 시퀀스를 서로 다른 행렬로 투영한 것). 오른쪽 크로스 어텐션: 디코더 토큰(쿼리)이 인코더 출력(키·값)을 봅니다.',
  self: '셀프 어텐션',
  selfNote: '쿼리·키·값 모두 같은 문장에서',
  cross: '크로스 어텐션',
  crossNote: '쿼리: 디코더 · 키·값: 인코더 출력',
  /** the decoder's first tokens: the translation of "I am a teacher" so far */
  target: ['<SOS>', '나는'],
};
export const ATTENTION_KINDS: Localized<typeof attentionKindsKo> = {
  ko: attentionKindsKo,
  en: {
    label: 'Self-attention and cross-attention compared',
    phoneNote: '(On a narrow screen, self-attention is on top and cross-attention below.)',
    caption:
      'Figure 2. Left, self-attention: every token of one sentence looks at every other (query, key and value are all projections of the same sequence by different matrices). Right, cross-attention: the decoder’s tokens (queries) look at the encoder output (keys and values).',
    self: 'Self-attention',
    selfNote: 'query, key, value: all the same sentence',
    cross: 'Cross-attention',
    crossNote: 'query: decoder · key, value: encoder',
    // translating into German, as in the paper's WMT English→German task
    target: ['<SOS>', 'Ich'],
  },
};

const clipKo = {
  label: '대조 학습의 이미지-텍스트 유사도 행렬',
  caption:
    '그림. 대조 학습(CLIP)의 한 배치: N개의 이미지와 N개의 캡션으로 N×N 코사인 유사도 행렬을 만듭니다. 대각선(짝이 맞는 쌍)의 유사도는 높이고 나머지 N²−N칸은 낮추도록, 행 방향(이미지 → 텍스트)과 열 방향(텍스트 → 이미지)의 분류 손실을 함께 줄입니다.',
  image: (i: number) => `이미지 ${i}`,
  caption_: (i: number) => `캡션 ${i}`,
  match: '일치',
  diagonal: '대각선: 유사도를 높임 · 나머지: 유사도를 낮춤',
  rowsCols: '행 = 이미지 → 텍스트 · 열 = 텍스트 → 이미지',
};
export const CLIP_MATRIX: Localized<typeof clipKo> = {
  ko: clipKo,
  en: {
    label: 'Image–text similarity matrix of contrastive learning',
    caption:
      'Figure. One batch of contrastive learning (CLIP): N images and N captions give an N×N matrix of cosine similarities. The loss raises the similarity on the diagonal (the matching pairs) and lowers it in the other N²−N cells, as two classification losses taken together: along the rows (image → text) and along the columns (text → image).',
    image: (i) => `Image ${i}`,
    caption_: (i) => `Text ${i}`,
    match: 'match',
    diagonal: 'diagonal: raise similarity · rest: lower it',
    rowsCols: 'rows = image → text · columns = text → image',
  },
};

const encDecKo = {
  label: 'Transformer 인코더·디코더 블록 구조',
  phoneNote: '(좁은 화면에서는 인코더가 위, 디코더가 아래에 있습니다.)',
  caption:
    '그림 1. Transformer의 인코더(왼쪽)와 디코더(오른쪽). 점선 상자가 층 하나이고, 원 논문은 인코더와 디코더를 각각 N = 6층 쌓습니다. 각 하위 층 뒤에서 입력을 더한 다음 층 정규화를 합니다(Post-LN). 인코더 마지막 층의 출력은 디코더 모든 층의 크로스 어텐션에서 키·값이 되고, 디코더 자신의 벡터가 쿼리가 됩니다. 학습 때 디코더 입력은 정답을 한 칸 오른쪽으로 민 시퀀스입니다.',
  inputEmb: '입력 임베딩 + 위치 인코딩',
  outputEmb: '출력 임베딩 + 위치 인코딩',
  mhsa: '멀티헤드 셀프 어텐션',
  masked: '마스크드 셀프 어텐션',
  addNorm: '더하기 → 층 정규화',
  ffn: 'FFN (2층, ReLU)',
  cross: '크로스 어텐션 (Q: 디코더)',
  head: '선형 층 → 소프트맥스 → 다음 단어',
  decoderInput: '"<SOS> 나는 …" (한 칸 민 정답)',
  kv: 'K, V = 인코더 출력',
};
export const ENCODER_DECODER: Localized<typeof encDecKo> = {
  ko: encDecKo,
  en: {
    label: 'Transformer encoder and decoder blocks',
    phoneNote: '(On a narrow screen, the encoder is on top and the decoder below.)',
    caption:
      'Figure 1. The Transformer’s encoder (left) and decoder (right). A dashed box is one layer; the original paper stacks N = 6 layers in each. After every sub-layer the input is added back and the sum is layer-normalized (post-LN). The output of the encoder’s last layer becomes the keys and values of the cross-attention in every decoder layer, and the decoder’s own vectors are the queries. In training, the decoder input is the target shifted one position to the right.',
    inputEmb: 'Input embedding + pos. encoding',
    outputEmb: 'Output embedding + pos. encoding',
    mhsa: 'Multi-head self-attention',
    masked: 'Masked self-attention',
    addNorm: 'Add → LayerNorm',
    ffn: 'FFN (2 layers, ReLU)',
    cross: 'Cross-attention (Q: decoder)',
    head: 'Linear → softmax → next word',
    decoderInput: '"<SOS> Ich …" (target shifted right)',
    kv: 'K, V = encoder output',
  },
};

const fusionKo = {
  label: '두 가지 융합 방식 비교',
  caption:
    '그림. 시각 정보를 언어 모델에 넣는 두 방식. (가) 이어 붙이기: 커넥터를 거친 이미지 토큰을 텍스트 토큰 앞에 붙여 LLM에 넣으면, LLM의 셀프 어텐션이 두 종류의 토큰을 함께 봅니다. (나) 크로스 어텐션: 언어 모델의 층 사이에 새 크로스 어텐션 층을 끼워, 텍스트 쪽이 쿼리(Q)를 내고 시각 토큰이 키·값(K·V)을 냅니다. Flamingo는 원래 층을 동결하고, 새로 끼운 블록의 두 출력(크로스 어텐션과 그 뒤의 FFW)에 각각 게이트 tanh(g)를 곱하며 g를 0에서 시작합니다 (논문은 이 스칼라를 α로 씁니다).',
  frozen: '동결된 LM 블록',
  gated: '게이트 크로스 어텐션 (새로 학습)',
  concat: '(가) 이어 붙이기',
  imageTokens: '이미지 토큰',
  textTokens: '텍스트 토큰',
  llm: 'LLM 블록 × L',
  llmNote: '셀프 어텐션이 두 종류의 토큰을 함께 봄',
  nextToken: '다음 텍스트 토큰',
  crossAttn: '(나) 크로스 어텐션',
  textQ: '텍스트 토큰 (Q 쪽)',
  visual: '시각 토큰',
  visualN: '64개',
  resampler: '(리샘플러 출력)',
  gate: '새 블록 출력 × tanh(g), g = 0에서 시작',
};
export const FUSION_STYLES: Localized<typeof fusionKo> = {
  ko: fusionKo,
  en: {
    label: 'Two fusion styles compared',
    caption:
      'Figure. Two ways to feed visual information to a language model. (a) Concatenation: the image tokens from the connector go in front of the text tokens into the LLM, whose self-attention sees both kinds of token together. (b) Cross-attention: new cross-attention layers are inserted between the language model’s layers; the text side gives the queries (Q) and the visual tokens give the keys and values (K·V). Flamingo freezes the original layers, multiplies each of the two outputs of an inserted block (the cross-attention and the FFW after it) by a gate tanh(g), and starts g at 0 (the paper writes this scalar as α).',
    frozen: 'Frozen LM block',
    gated: 'Gated cross-attn (newly trained)',
    concat: '(a) Concatenation',
    imageTokens: 'image tokens',
    textTokens: 'text tokens',
    llm: 'LLM block × L',
    llmNote: 'self-attention sees both kinds of token',
    nextToken: 'next text token',
    crossAttn: '(b) Cross-attention',
    textQ: 'text tokens (Q side)',
    visual: 'Visual tokens',
    visualN: '64 of them',
    resampler: '(resampled)',
    gate: 'new block’s output × tanh(g), g starts at 0',
  },
};

const kdKo = {
  label: '두 교사 지식 증류 구조',
  caption:
    '그림. 두 교사 KD. 교사 1은 GAF 이미지(64×64×40)를 보는 2D WRN, 교사 2는 원신호(40×100)를 보는 1D WRN이며 둘 다 표의 열이 가리키는 크기(WRN16-3, WRN28-1 …)입니다. 학생은 언제나 원신호만 보는 1D WRN16-1입니다. 원신호와 GAF 이미지는 폴드마다 학습 피험자의 통계로 표준화합니다(GAF는 표준화 전의 윈도우에서 만듭니다). 교사는 고정(추론만)되고 학생만 학습합니다.',
  window: '센서 윈도우',
  channels: '40채널 × 100',
  gafNote: '64×64×40 · 표준화',
  teacher1: '교사 1: 2D WRN',
  teacher1Note: '(GAF, 고정)',
  perFold: '폴드별 표준화',
  /** the phone layout's copy of perFold: 90 px between the window box and the line on the right */
  perFoldPhone: '폴드별 표준화',
  teacher2: '교사 2: 1D WRN',
  teacher2Note: '(원신호, 고정)',
  student: '학생: 1D WRN16-1',
  studentNote: '(원신호, 학습)',
  ce: '+ (1−λ) · CE(정답)',
};
export const TWO_TEACHER_KD: Localized<typeof kdKo> = {
  ko: kdKo,
  en: {
    label: 'Two-teacher knowledge distillation',
    caption:
      'Figure. Two-teacher KD. Teacher 1 is a 2D WRN that sees GAF images (64×64×40), teacher 2 a 1D WRN that sees the raw signals (40×100); both have the size the table’s column names (WRN16-3, WRN28-1 …). The student is always a 1D WRN16-1 that sees only the raw signals. Signals and GAF images are standardized per fold with the training subjects’ statistics (the GAF is made from the window before standardization). The teachers are frozen (inference only); only the student learns.',
    window: 'Sensor window',
    channels: '40 ch × 100',
    gafNote: '64²×40 · z-scored',
    teacher1: 'Teacher 1: 2D WRN',
    teacher1Note: '(GAF, frozen)',
    perFold: 'z-scored per fold',
    perFoldPhone: 'z-scored/fold',
    teacher2: 'Teacher 2: 1D WRN',
    teacher2Note: '(raw signal, frozen)',
    student: 'Student: 1D WRN16-1',
    studentNote: '(raw signal, trained)',
    ce: '+ (1−λ) · CE(label)',
  },
};

const vitKo = {
  label: 'ViT 패치 임베딩 파이프라인',
  caption:
    '그림 3. ViT 입력 처리: 224×224 RGB 이미지를 16×16 패치 196개로 자르고(그림은 7×7로 축약), 각 패치를 768개 값으로 펼쳐 D차원으로 선형 투영합니다 → 맨 앞에 [CLS] 토큰을 붙여 197개가 된 시퀀스에 학습되는 위치 임베딩을 더해 인코더에 넣습니다. 인코더 층은 정규화를 먼저 하고(LN) 어텐션이나 MLP를 거친 뒤 입력을 더합니다(Pre-LN).',
  split: '① 패치 분할',
  count: '(224/16)² = 196개',
  flatten: '② 평탄화',
  project: '③ 선형 투영 + ④ [CLS]',
  tokens: '197 × D 토큰',
  pos: '⑤ + 위치 임베딩 (학습)',
  encoder: '인코더 × L',
  attn: 'LN → 셀프 어텐션 → ⊕',
  preLn: '(Pre-LN, ⊕ = 잔차)',
  head: '[CLS] → LN → 분류 헤드',
  dense: '(검출·분할: 패치별 출력 사용)',
};
export const VIT_PIPELINE: Localized<typeof vitKo> = {
  ko: vitKo,
  en: {
    label: 'ViT patch-embedding pipeline',
    caption:
      'Figure 3. ViT input processing: the 224×224 RGB image is cut into 196 patches of 16×16 (drawn as 7×7), each patch is flattened to 768 values and linearly projected to D dimensions → a [CLS] token is put in front, and learned position embeddings are added to the resulting 197 tokens before they enter the encoder. An encoder layer normalizes first (LN), then applies attention or the MLP, then adds the input back (pre-LN).',
    split: '① Patchify',
    count: '(224/16)² = 196',
    flatten: '② Flatten',
    project: '③ Project + ④ [CLS]',
    tokens: '197 × D tokens',
    pos: '⑤ + position emb. (learned)',
    encoder: 'encoder × L',
    attn: 'LN → self-attn → ⊕',
    preLn: '(pre-LN, ⊕ = residual)',
    head: '[CLS] → LN → class head',
    dense: '(dense tasks: every patch)',
  },
};

const vlmKo = {
  label: 'LLaVA 계열 VLM의 세 부분',
  caption:
    '그림. LLaVA 계열 VLM의 세 부분. ① 비전 인코더가 이미지를 패치 벡터로 바꾸고, ② 커넥터(프로젝터)가 그 벡터를 LLM의 임베딩 차원으로 옮겨 이미지 토큰을 만듭니다. ③ LLM은 이미지 토큰과 텍스트 토큰을 한 시퀀스로 이어 받아 답을 한 토큰씩 생성합니다 (텍스트 + 이미지 → 텍스트).',
  image: '이미지',
  text: '텍스트 (질문)',
  encoder: '① 비전 인코더',
  encoderNote: 'ViT: 패치 → 벡터',
  connector: '② 커넥터 (프로젝터)',
  connectorNote: '선형 · MLP · 리샘플러',
  embedding: '토큰 임베딩',
  embeddingNote: '(LLM에 들어 있는 표)',
  llm: '③ LLM (디코더만 쓰는 트랜스포머)',
  imageTokens: '이미지 토큰 (예: 576개)',
  textTokens: '텍스트 토큰',
  output: '출력 텍스트 (다음 토큰을 하나씩)',
};
export const VLM_ARCHITECTURE: Localized<typeof vlmKo> = {
  ko: vlmKo,
  en: {
    label: 'The three parts of a LLaVA-style VLM',
    caption:
      'Figure. The three parts of a LLaVA-style VLM. ① The vision encoder turns the image into patch vectors; ② the connector (projector) maps them into the LLM’s embedding dimension, making image tokens. ③ The LLM takes the image tokens and the text tokens as one sequence and generates the answer one token at a time (text + image → text).',
    image: 'Image',
    text: 'Text (question)',
    encoder: '① Vision encoder',
    encoderNote: 'ViT: patch → vector',
    connector: '② Connector',
    connectorNote: 'linear·MLP·resampler',
    embedding: 'Token embedding',
    embeddingNote: '(the LLM’s own table)',
    llm: '③ LLM (decoder-only Transformer)',
    imageTokens: 'image tokens (e.g. 576)',
    textTokens: 'text tokens',
    output: 'Output text (one token at a time)',
  },
};
