/**
 * The worked attention example's text (WorkedAttentionExample.astro), in both languages. The
 * paragraphs carry inline markup (<sub>, <code>, <strong>), so each is a function of the computed
 * numbers that returns HTML; the only non-number values are the example's own tokens, escaped.
 *
 * The example sentence stays Korean in both editions: it is the demo's input, and the numbers on
 * the page are computed from exactly these three tokens (the English text quotes it with a gloss).
 */
import type { Localized } from '@src/i18n/lang';
import { MATH_LABEL } from '../../../scripts/rehype-scrollable.mjs';

/** The sentence the example computes (3 tokens with the demo's tokenizer). */
export const EXAMPLE_SENTENCE = '고양이가 생선을 먹었다';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface WorkedParams {
  text: string;
  tokens: string[];
  seed: number;
  d: number;
  heads: number;
  dk: number;
  /** 1-based, as the demo shows it */
  head: number;
  /** 1-based row of the query token */
  row: number;
  qTok: string;
}

export interface WorkedStrings {
  intro: (p: WorkedParams) => string;
  h1: (dk: number) => string;
  qkv: [string, string, string];
  token: string;
  h2: string;
  p2: (p: WorkedParams) => string;
  h3: string;
  p3: (dk: number, sqrt: number) => string;
  h4: string;
  p4: string;
  h5: string;
  p5: (p: WorkedParams) => string;
  h6: string;
  p6: (p: WorkedParams) => string;
  scores: string;
  scaled: (dk: number) => string;
  weights: string;
  queryKey: string;
  output: (head: number) => string;
  open: string;
  /** the accessible name of a scrollable formula (the pages' formulas: rehype-scrollable) */
  mathLabel: string;
  openTail: (p: WorkedParams) => string;
}

// The sentence is Korean on both editions (the demo computes these exact tokens): lang="ko" marks it as quoted Korean.
const codeList = (tokens: string[]) => tokens.map((t) => `<code lang="ko">${esc(t)}</code>`).join(', ');

export const WORKED_TEXT: Localized<WorkedStrings> = {
  ko: {
    intro: (p) =>
      `문장 <strong>“${esc(p.text)}”</strong>은 토큰 ${p.tokens.length}개(${codeList(p.tokens)})로 나뉩니다. ` +
      `아래 숫자는 이 페이지 데모의 <em>학습 전</em> 모델(시드 ${p.seed}, 모델 차원 D = ${p.d}, 헤드 ${p.heads}개, 그래서 ` +
      `d<sub>k</sub> = ${p.d}/${p.heads} = ${p.dk})에서 <strong>헤드 ${p.head}</strong> 하나를 그대로 옮긴 것입니다. ` +
      `각 토큰의 입력 x(토큰 임베딩 + 위치 인코딩, ${p.d}차원)에 W<sub>Q</sub>, W<sub>K</sub>, W<sub>V</sub>의 헤드 ${p.head} 부분(${p.d}×${p.dk})을 곱한 투영이 ` +
      'Q, K, V입니다. 모델이 학습 전이라 가중치에 언어적인 의미는 없습니다 — 여기서는 계산의 흐름만 봅니다.',
    h1: (dk) => `1. Q, K, V (토큰마다 ${dk}차원)`,
    qkv: ['쿼리', '키', '값'],
    token: '토큰',
    h2: '2. 점수: 쿼리와 키의 내적',
    p2: (p) =>
      `쿼리 토큰 <code>${esc(p.qTok)}</code>(행 ${p.row})의 점수는 q<sub>${p.row}</sub>와 각 키 k<sub>j</sub>의 내적입니다. 성분 ${p.dk}개를 곱해서 더합니다.`,
    h3: '3. √d<sub>k</sub>로 나누기',
    p3: (dk, sqrt) =>
      `d<sub>k</sub> = ${dk}이므로 점수를 √${dk} = ${sqrt}로 나눕니다. 차원이 클수록 내적의 폭이 커져 소프트맥스가 한 토큰으로 쏠리는 것을 막는 단계입니다.`,
    h4: '4. 소프트맥스: 점수를 가중치로',
    p4: '행의 최댓값을 빼고(결과는 같고 exp가 넘치지 않습니다) exp를 취한 뒤, 합으로 나눕니다. 가중치의 합은 1입니다.',
    h5: '5. 출력: 값의 가중합',
    p5: (p) =>
      `헤드 ${p.head}의 출력 z<sub>${p.row}</sub>는 세 토큰의 값 벡터 v<sub>j</sub>를 가중치 a로 섞은 것입니다. (헤드 ${p.heads}개의 출력을 이어 붙여 W<sub>O</sub>를 곱하면 층의 최종 출력이 됩니다.)`,
    h6: '세 행을 한꺼번에: 행렬로 보기',
    p6: (p) =>
      `다른 두 토큰도 쿼리가 되어 같은 계산을 합니다. 행 = 쿼리, 열 = 키이고, 강조한 행이 위에서 풀어 쓴 <code>${esc(p.qTok)}</code>입니다.`,
    scores: '점수 QKᵀ',
    scaled: (dk) => `스케일한 점수 S = QKᵀ/√${dk}`,
    weights: '어텐션 가중치 A = softmax(S) (행마다)',
    queryKey: '쿼리 \\ 키',
    output: (head) => `출력 Z = AV (헤드 ${head})`,
    open: '데모에서 열기',
    mathLabel: MATH_LABEL,
    openTail: (p) =>
      ` — 같은 문장, D = ${p.d}, 헤드 ${p.heads}개, 헤드 ${p.head}, 쿼리 <code>${esc(p.qTok)}</code>로 데모를 엽니다. 데모의 식(q<sub>i</sub>, s<sub>i</sub>, a<sub>i</sub>, z<sub>i</sub>)에 위와 같은 숫자가 나옵니다. ` +
      '(위 표는 반올림한 값이라, 표의 숫자로 다시 곱하면 마지막 자리가 조금 다를 수 있습니다.)',
  },
  en: {
    intro: (p) =>
      `The Korean sentence <strong lang="ko">“${esc(p.text)}”</strong> (“the cat ate the fish”) splits into ${p.tokens.length} tokens (${codeList(p.tokens)}). ` +
      `The numbers below are copied from <strong>head ${p.head}</strong> alone of this page’s demo model <em>before training</em> (seed ${p.seed}, model dimension D = ${p.d}, ${p.heads} heads, so ` +
      `d<sub>k</sub> = ${p.d}/${p.heads} = ${p.dk}). Q, K and V are the projections of each token’s input x (token embedding + positional encoding, ${p.d} dimensions) ` +
      `by head ${p.head}’s part of W<sub>Q</sub>, W<sub>K</sub> and W<sub>V</sub> (${p.d}×${p.dk}). The model is untrained, so the weights carry no linguistic meaning — this is only about how the computation flows.`,
    h1: (dk) => `1. Q, K, V (${dk} dimensions per token)`,
    qkv: ['query', 'key', 'value'],
    token: 'Token',
    h2: '2. Scores: dot products of the query with the keys',
    p2: (p) =>
      `The scores of the query token <code lang="ko">${esc(p.qTok)}</code> (row ${p.row}) are the dot products of q<sub>${p.row}</sub> with each key k<sub>j</sub>: multiply the ${p.dk} components pairwise and add.`,
    h3: '3. Divide by √d<sub>k</sub>',
    p3: (dk, sqrt) =>
      `With d<sub>k</sub> = ${dk}, the scores are divided by √${dk} = ${sqrt}. The larger the dimension, the wider the dot products spread; this step keeps the softmax from collapsing onto a single token.`,
    h4: '4. Softmax: from scores to weights',
    p4: 'Subtract the row’s maximum (the result is the same and exp cannot overflow), take exp, and divide by the sum. The weights add up to 1.',
    h5: '5. Output: a weighted sum of the values',
    p5: (p) =>
      `Head ${p.head}’s output z<sub>${p.row}</sub> mixes the three tokens’ value vectors v<sub>j</sub> with the weights a. (Concatenating the outputs of all ${p.heads} heads and multiplying by W<sub>O</sub> gives the layer’s final output.)`,
    h6: 'All three rows at once: the matrix view',
    p6: (p) =>
      `The other two tokens act as queries too and go through the same computation. Rows are queries, columns are keys; the highlighted row is <code lang="ko">${esc(p.qTok)}</code>, worked out above.`,
    scores: 'Scores QKᵀ',
    scaled: (dk) => `Scaled scores S = QKᵀ/√${dk}`,
    weights: 'Attention weights A = softmax(S) (per row)',
    queryKey: 'query \\ key',
    output: (head) => `Output Z = AV (head ${head})`,
    open: 'Open in the demo',
    mathLabel: 'formula',
    openTail: (p) =>
      ` — opens the demo with the same sentence, D = ${p.d}, ${p.heads} heads, head ${p.head} and query <code lang="ko">${esc(p.qTok)}</code>. The demo’s formula (q<sub>i</sub>, s<sub>i</sub>, a<sub>i</sub>, z<sub>i</sub>) shows the same numbers. ` +
      '(The tables are rounded, so multiplying their numbers again may differ slightly in the last digit.)',
  },
};
