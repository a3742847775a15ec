import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGlossary } from '@src/lib/glossary';
import { aliasTableSchema, buildAliasTable, buildAliasTableEn, extraAliasesSchema } from '@src/search/aliases';
import { searchStrings } from '@src/search/strings';
import { aliasKey, americanSpelling, expandQuery, isAliasTable, stripParticle } from '@src/search/query';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (rel: string): unknown => JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));
const glossary = parseGlossary(read('content/glossary.json'));
const table = buildAliasTable(glossary, extraAliasesSchema.parse(read('src/search/aliases.ko.json')));

describe('stripParticle', () => {
  it('drops one particle, longest first', () => {
    expect(stripParticle('트랜스포머는')).toBe('트랜스포머');
    expect(stripParticle('디코더에서는')).toBe('디코더');
    expect(stripParticle('인코더로')).toBe('인코더');
    expect(stripParticle('LoRA로')).toBe('LoRA');
  });
  it('keeps a stem of at least two characters, and whole words', () => {
    expect(stripParticle('평가')).toBe('평가');
    expect(stripParticle('온도')).toBe('온도');
    expect(stripParticle('정확도', new Set(['정확도']))).toBe('정확도');
    expect(stripParticle('residual')).toBe('residual');
  });
});

describe('aliasKey', () => {
  it('meets spacing, hyphen and case variants', () => {
    expect(aliasKey('멀티 헤드')).toBe(aliasKey('멀티헤드'));
    expect(aliasKey('Multi-Head Attention')).toBe(aliasKey('multi head attention'));
    expect(aliasKey('쿼리 · 키')).toBe('쿼리키');
  });
});

describe('expandQuery with the Korean table', () => {
  it('is a valid table', () => {
    expect(aliasTableSchema.safeParse(table).success).toBe(true);
    expect(isAliasTable(table)).toBe(true);
    // The page's shape check rejects what the build would never write.
    expect(isAliasTable({ aliases: { a: 1 }, maxWords: 1, keep: [] })).toBe(false);
    expect(isAliasTable({ aliases: {}, maxWords: 0, keep: [] })).toBe(false);
    expect(isAliasTable(null)).toBe(false);
  });
  it.each([
    ['트랜스포머는', '트랜스포머'],
    ['커넥터는', '커넥터'],
    ['다중 헤드 어텐션', '멀티헤드 어텐션'],
    ['비전트랜스포머', 'ViT'],
    ['크로스 엔트로피', '교차 엔트로피'],
    ['오토리그레시브', '자기회귀'],
    ['λ', '람다'],
    ['alpha', '알파'],
    ['T', '온도'],
    ['residual', '잔차 연결'],
    ['patch embeddings', '패치 임베딩'],
    ['패치 임베딩을', '패치 임베딩'],
    ['쿼리', '쿼리'],
    ['query', '쿼리'],
    ['student', '학생'],
    ['그래디언트', '기울기'],
    ['잔차연결이', '잔차 연결'],
  ])('%s → %s', (q, want) => {
    expect(expandQuery(q, table)).toBe(want);
  });
  it('leaves words it does not know as typed (minus a particle)', () => {
    expect(expandQuery('양자컴퓨터', table)).toBe('양자컴퓨터');
    expect(expandQuery('LLaVA와 Flamingo', table)).toBe('LLaVA Flamingo');
    expect(expandQuery('  ', table)).toBe('');
  });
  it('derives aliases from every glossary avoid-variant', () => {
    for (const t of glossary.terms) for (const v of t.avoid) expect(table.aliases[aliasKey(v)], `${t.id}: ${v}`).toBeDefined();
  });
});

describe('expandQuery with the English table (the English edition)', () => {
  const en = buildAliasTableEn(glossary, extraAliasesSchema.parse(read('src/search/aliases.en.json')));
  it('is a valid table', () => {
    expect(aliasTableSchema.safeParse(en).success).toBe(true);
  });
  it.each([
    ['vision transformer', 'ViT'],
    ['transformers', 'Transformer'],
    ['트랜스포머는', 'Transformer'],
    ['multihead attention', 'multi-head attention'],
    ['skip connection', 'residual connection'],
    ['residual', 'residual connection'],
    ['teacher size', 'teacher architecture'],
    ['knowledge transfer', 'knowledge distillation'],
    ['λ', 'lambda'],
    ['patch embeddings', 'patch embedding'],
    ['LayerNorm', 'layer normalization'],
    ['쿼리', 'query'],
    ['key', 'key'],
    ['students', 'student'],
    ['leave one subject out', 'LOSO'],
    ['layer normalisation', 'layer normalization'],
    ['Adam optimiser', 'Adam optimizer'],
    ['standardisation', 'standardization'],
  ])('%s → %s', (q, want) => {
    expect(expandQuery(q, en)).toBe(want);
  });
  it.each([
    ['normalise', 'normalize'],
    ['optimisers', 'optimizers'],
    ['tokenisation', 'tokenization'],
    ['regularised', 'regularized'],
    ['analyse', 'analyze'],
    ['modelling', 'modeling'],
    ['colour', 'color'],
    // Words that only look British stay as typed.
    ['precise', 'precise'],
    ['noise', 'noise'],
    ['supervised', 'supervised'],
    ['expertise', 'expertise'],
    ['promise', 'promise'],
    ['distilling', 'distilling'],
    ['hour', 'hour'],
  ])('American spelling: %s → %s', (w, want) => {
    expect(americanSpelling(w)).toBe(want);
  });
  it('derives aliases from every English avoid-variant', () => {
    for (const t of glossary.terms) for (const v of t.avoidEn) expect(en.aliases[aliasKey(v)], `${t.id}: ${v}`).toBeDefined();
  });
});

describe('the search dialog words', () => {
  it('are set for both languages, with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\[[A-Z_]+\]/g)].map((m) => m[0]).sort();
    for (const [k, v] of Object.entries(searchStrings.ko)) {
      expect(searchStrings.en[k as keyof typeof searchStrings.en], k).toBeTruthy();
      expect(ph(searchStrings.en[k as keyof typeof searchStrings.en]), k).toEqual(ph(v));
    }
    expect(Object.values(searchStrings.en).join(' ')).not.toMatch(/[\uac00-\ud7a3]/);
  });
});
