/**
 * The search dialog's words (Pagefind UI's translation keys), per locale. Starlight ships none
 * for Korean, so without these the Korean page said "7 results for 어텐션". [SEARCH_TERM],
 * [COUNT] and [DIFFERENT_TERM] are Pagefind's placeholders. An English edition adds `en`.
 */
export const searchStrings = {
  ko: {
    placeholder: '검색',
    clear_search: '지우기',
    load_more: '결과 더 보기',
    search_label: '이 사이트 검색',
    filters_label: '필터',
    zero_results: '[SEARCH_TERM]에 맞는 결과가 없습니다',
    many_results: '[SEARCH_TERM] 검색 결과 [COUNT]개',
    one_result: '[SEARCH_TERM] 검색 결과 [COUNT]개',
    alt_search: '[SEARCH_TERM]에 맞는 결과가 없어 [DIFFERENT_TERM] 결과를 보여 줍니다',
    search_suggestion: '[SEARCH_TERM]에 맞는 결과가 없습니다. 이렇게 검색해 보세요:',
    searching: '[SEARCH_TERM] 검색 중…',
  },
} as const satisfies Record<string, Record<string, string>>;

export type SearchLocale = keyof typeof searchStrings;
