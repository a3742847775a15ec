/**
 * The search dialog's words (Pagefind UI's translation keys), per locale. Starlight ships none
 * for Korean (only its placeholder), and the dialog showed Pagefind UI's English ("7 results for
 * 어텐션", "Clear", "Load more results") on the Korean page. Every key Pagefind UI 1.5 uses is set
 * here, so no word depends on Pagefind's language detection. [SEARCH_TERM],
 * [COUNT] and [DIFFERENT_TERM] are Pagefind's placeholders. The English edition's words are
 * Pagefind UI's own, set here too so that both languages come from one table.
 */
import type { Localized } from '../i18n/lang';

const ko = {
  placeholder: '검색',
  clear_search: '지우기',
  load_more: '결과 더 보기',
  search_label: '이 사이트 검색',
  filters_label: '필터',
  zero_results: '[SEARCH_TERM]에 맞는 결과가 없습니다',
  many_results: '[SEARCH_TERM] 검색 결과 [COUNT]개',
  one_result: '[SEARCH_TERM] 검색 결과 [COUNT]개',
  total_zero_results: '결과 없음',
  total_one_result: '결과 [COUNT]개',
  total_many_results: '결과 [COUNT]개',
  alt_search: '[SEARCH_TERM]에 맞는 결과가 없어 [DIFFERENT_TERM] 결과를 보여 줍니다',
  search_suggestion: '[SEARCH_TERM]에 맞는 결과가 없습니다. 이렇게 검색해 보세요:',
  searching: '[SEARCH_TERM] 검색 중…',
  results_label: '검색 결과',
  keyboard_navigate: '이동',
  keyboard_select: '선택',
  keyboard_clear: '지우기',
  keyboard_close: '닫기',
  keyboard_search: '검색',
  error_search: '검색하지 못했습니다',
  filter_selected_one: '[COUNT]개 선택됨',
  filter_selected_many: '[COUNT]개 선택됨',
  input_hint: '입력하는 동안 결과가 나타납니다',
  loading: '불러오는 중',
};

/** Every key the Korean table sets, so a word missing in English is a type error. */
const en: Record<keyof typeof ko, string> = {
  placeholder: 'Search',
  clear_search: 'Clear',
  load_more: 'Load more results',
  search_label: 'Search this site',
  filters_label: 'Filters',
  zero_results: 'No results for [SEARCH_TERM]',
  many_results: '[COUNT] results for [SEARCH_TERM]',
  one_result: '[COUNT] result for [SEARCH_TERM]',
  total_zero_results: 'No results',
  total_one_result: '[COUNT] result',
  total_many_results: '[COUNT] results',
  alt_search: 'No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead',
  search_suggestion: 'No results for [SEARCH_TERM]. Try one of the following searches:',
  searching: 'Searching for [SEARCH_TERM]…',
  results_label: 'Search results',
  keyboard_navigate: 'navigate',
  keyboard_select: 'select',
  keyboard_clear: 'clear',
  keyboard_close: 'close',
  keyboard_search: 'search',
  error_search: 'Search error',
  filter_selected_one: '[COUNT] selected',
  filter_selected_many: '[COUNT] selected',
  input_hint: 'Results appear as you type',
  loading: 'Loading',
};

export const searchStrings: Localized<Record<keyof typeof ko, string>> = { ko, en };
