/**
 * Pagefind's ranking weights for this site (Pagefind's defaults: pageLength 0.75, termFrequency 1,
 * termSaturation 1.4, termSimilarity 1). The study pages are long by design, and the Transformer
 * page the longest; at the default pageLength a short page that mentions 트랜스포머 twice outranks
 * the page that explains it (트랜스포머는 → ViT, LLM vs VLM, glossary). 0.25 keeps some length
 * normalisation; measured on the query set (test/e2e/search.spec.ts): 0.75 → 3 misses, 0.5 → 1,
 * 0.25 → 0, and the pages that must come first (람다, 알파, 온도, 지식 증류, Idefics2) still do.
 */
export const searchRanking = { pageLength: 0.25 } as const;
