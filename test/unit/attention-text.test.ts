import { describe, it, expect } from 'vitest';
import { tokenize, MAX_TOKENS } from '@demos/attention/tokenize';
import { sinusoidalPE } from '@demos/attention/positional';
import { embedTokens, tokenEmbedding } from '@demos/attention/toy-model';
import { readState, writeState, DEFAULT_STATE } from '@src/islands/attention/url-state';

describe('tokenizer', () => {
  it('keeps Korean eojeol (syllable blocks + particles) as words and splits punctuation', () => {
    expect(tokenize('나는 어제 학교에서 Transformer 논문을 읽었다.')).toEqual({
      ok: true,
      tokens: ['나는', '어제', '학교에서', 'Transformer', '논문을', '읽었다', '.'],
    });
    expect(tokenize('Hello, world! 3.14')).toEqual({ ok: true, tokens: ['Hello', ',', 'world', '!', '3', '.', '14'] });
    // Decomposed jamo (NFD) recombine into the same syllable token.
    expect(tokenize('한국어'.normalize('NFD'))).toEqual({ ok: true, tokens: ['한국어'] });
  });
  it('contractions stay one token ("didn\'t", curly ’ too); a lone apostrophe is punctuation', () => {
    expect(tokenize("The animal didn't cross.")).toEqual({ ok: true, tokens: ['The', 'animal', "didn't", 'cross', '.'] });
    expect(tokenize('It’s O’Brien’s')).toEqual({ ok: true, tokens: ['It’s', 'O’Brien’s'] });
    expect(tokenize("'quoted'")).toEqual({ ok: true, tokens: ["'", 'quoted', "'"] });
  });
  it('empty and too-long input give problem codes, not throws', () => {
    const e = tokenize('   \n ');
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.code).toBe('empty');
    const long = tokenize(Array.from({ length: MAX_TOKENS + 1 }, () => '가').join(' '));
    expect(long.ok).toBe(false);
    if (!long.ok) {
      expect(long.count).toBe(65);
      expect(long).toMatchObject({ code: 'too-many', max: 64 });
    }
    expect(tokenize(Array.from({ length: MAX_TOKENS }, () => 'a').join(' ')).ok).toBe(true);
  });
});

describe('embeddings', () => {
  it('sinusoidal PE matches the formula', () => {
    const pe = sinusoidalPE(3, 4);
    expect(pe[0]).toBe(0);
    expect(pe[1]).toBe(1);
    expect(pe[2 * 4 + 0]).toBeCloseTo(Math.sin(2), 6);
    expect(pe[2 * 4 + 3]).toBeCloseTo(Math.cos(2 / 100), 6);
  });
  it('same token, same embedding; position changes x', () => {
    expect(tokenEmbedding('학교', 8)).toEqual(tokenEmbedding('학교', 8));
    expect(tokenEmbedding('학교', 8)).not.toEqual(tokenEmbedding('학생', 8));
    const x = embedTokens(['a', 'a'], 8);
    expect(Array.from(x.subarray(0, 8))).not.toEqual(Array.from(x.subarray(8, 16)));
  });
});

describe('URL state', () => {
  it('round-trips and keeps other keys (backend=)', () => {
    const s = {
      ...DEFAULT_STATE,
      text: '안녕 & 세상?',
      d: 64 as const,
      h: 4 as const,
      causal: true,
      scale: false,
      q: 3,
      head: 2,
      mode: 'trained' as const,
    };
    const search = writeState('?backend=cpu', s);
    expect(new URLSearchParams(search).get('backend')).toBe('cpu');
    expect(readState(search)).toEqual(s);
  });
  it('malformed values fall back to defaults', () => {
    const s = readState('?attn-d=7&attn-h=abc&attn-q=-1&attn-digits=12&attn-mode=x');
    expect(s).toEqual({ ...DEFAULT_STATE });
  });
});
