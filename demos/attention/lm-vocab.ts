/**
 * How a displayed token becomes the tiny language model's input and target ids
 * (fastText-style; see demos/attention/README.md):
 *   key(token)      NFC, lower case, ’ → '  ("Didn’t" and "didn't" are one word)
 *   word id         index of the key in the checkpoint's vocabulary, or UNK (= 0) when absent
 *   n-gram buckets  every character n-gram (n = 2..4, code points) of "<key>", hashed with
 *                   FNV-1a into NB buckets, at most MAX_NGRAMS of them (first ones kept)
 *   embedding       (E[word id] + Σ_b G[b]) / (1 + #buckets)         (D)
 * So an unseen word still gets a vector from its pieces: "학교에서" shares "<학", "학교" with
 * "학교를" (the stem) and "에서>" with every eojeol ending in the particle 에서; "didn't"
 * shares "n't>" with "doesn't". Pure: no tfjs, used by the page, the test and the training
 * data script (the Python trainer receives these ids, so both sides agree by construction).
 */
const NGRAM_MIN = 2;
const NGRAM_MAX = 4;
const MAX_NGRAMS = 24;
export const UNK = 0;

export function lmKey(token: string): string {
  return token.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

/** FNV-1a over UTF-16 code units (unsigned 32-bit). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Bucket ids of the key's character n-grams, shortest n first (duplicates kept: a repeat counts twice). */
export function ngramBuckets(key: string, buckets: number): number[] {
  const cps = Array.from(`<${key}>`);
  const out: number[] = [];
  for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++)
    for (let i = 0; i + n <= cps.length; i++) {
      if (out.length >= MAX_NGRAMS) return out;
      out.push(fnv1a(cps.slice(i, i + n).join('')) % buckets);
    }
  return out;
}

export interface LmTokenIds {
  word: number;
  buckets: number[];
}

export function tokenIds(token: string, vocab: ReadonlyMap<string, number>, buckets: number): LmTokenIds {
  const key = lmKey(token);
  return { word: vocab.get(key) ?? UNK, buckets: ngramBuckets(key, buckets) };
}
