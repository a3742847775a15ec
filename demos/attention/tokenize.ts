/**
 * Tokenizer of the attention demo: deliberately simple and visible, not a subword (BPE)
 * tokenizer. The same function feeds the page and the tiny language model's training data
 * (scripts/train-lm-data.ts), so the model sees exactly the tokens the reader sees. A token is
 *   - a word: a run of letters/marks/digits ([\p{L}\p{M}\p{N}]+), joined across an inner
 *     apostrophe ("didn't", "it's", "O’Brien" stay ONE token: splitting them would give the
 *     model a meaningless "t"); a Korean eojeol — Hangul syllable blocks stay together,
 *     particles included ("나는" is one token; NFC is applied first so decomposed jamo
 *     recombine). The language model relates "학교에서" to "학교를" through shared character
 *     n-grams (demos/attention/lm-vocab.ts), not by cutting the particle off;
 *   - or one punctuation/symbol character ("," "." "?" "!" …).
 * Whitespace only separates. Limits: at least 1 and at most MAX_TOKENS tokens; anything
 * else is reported as a problem code (the island words it in the reader's language) instead of throwing.
 */
export const MAX_TOKENS = 64;

/** Why a text cannot be computed: no tokens, or more than `max`. */
export type TokenizeProblem = { code: 'empty'; count: 0; max: number } | { code: 'too-many'; count: number; max: number };
export type TokenizeResult = { ok: true; tokens: string[] } | ({ ok: false } & TokenizeProblem);

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Every token of `text`, no length limit (the training corpus). */
export function splitTokens(text: string): string[] {
  return text.normalize('NFC').match(TOKEN_RE) ?? [];
}

export function tokenize(text: string, maxTokens = MAX_TOKENS): TokenizeResult {
  const tokens = splitTokens(text);
  if (tokens.length === 0) return { ok: false, code: 'empty', count: 0, max: maxTokens };
  if (tokens.length > maxTokens) return { ok: false, code: 'too-many', count: tokens.length, max: maxTokens };
  return { ok: true, tokens };
}
