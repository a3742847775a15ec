/**
 * Data-table alternative to a heatmap, for screen readers and for tests: each cell carries
 * the full-precision value in data-w (masked cells: data-w="masked").
 */
import { h, fmt } from './dom';
import { ATTN_TEXT } from './strings';

export function weightsTable(
  rows: readonly string[],
  w: Float32Array,
  mask: Float32Array | null,
  caption: string,
  cols: readonly string[] = rows,
): HTMLTableElement {
  const nc = cols.length;
  const head = h('tr', {}, h('th', { scope: 'col' }, ATTN_TEXT.table.corner), ...cols.map((c) => h('th', { scope: 'col' }, c)));
  const body = rows.map((r, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, r),
      ...cols.map((_, j) => {
        const masked = mask !== null && mask[i * nc + j] === 0;
        const v = w[i * nc + j]!;
        return h('td', { 'data-w': masked ? 'masked' : String(v) }, masked ? '−' : fmt(v, 3));
      }),
    ),
  );
  return h('table', { class: 'attn-table' }, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...body));
}
