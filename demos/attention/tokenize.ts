/**
 * Tokenizer of the step-by-step mode: deliberately simple and visible, not a subword (BPE)
 * tokenizer. A token is either
 *   - a run of letters/marks/digits ([\p{L}\p{M}\p{N}]+): an English word, a number, or a
 *     Korean eojeol — Hangul syllable blocks stay together as one word, particles included
 *     ("나는" is one token, not "나"+"는"; NFC is applied first so decomposed jamo recombine);
 *   - or one punctuation/symbol character ("," "." "?" "!" …).
 * Whitespace only separates. Limits: at least 1 and at most MAX_TOKENS tokens; anything
 * else is reported with a Korean message instead of throwing.
 */
export const MAX_TOKENS = 64;

export type TokenizeResult = { ok: true; tokens: string[] } | { ok: false; message: string; count: number };

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string, maxTokens = MAX_TOKENS): TokenizeResult {
  const tokens = text.normalize('NFC').match(TOKEN_RE) ?? [];
  if (tokens.length === 0) return { ok: false, count: 0, message: '문장을 입력하세요 (빈 입력에는 토큰이 없습니다).' };
  if (tokens.length > maxTokens)
    return {
      ok: false,
      count: tokens.length,
      message: `토큰이 ${tokens.length}개입니다. 이 데모는 최대 ${maxTokens}개까지 계산합니다 — 문장을 줄여 주세요.`,
    };
  return { ok: true, tokens };
}
