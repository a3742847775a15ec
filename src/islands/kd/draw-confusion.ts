/** Per-class confusion matrix (12 PAMAP2 classes) as an SVG grid; rows = true, cols = predicted. */
import { S } from './strings';
import { svgEl } from './svg';

export function drawConfusion(svg: SVGSVGElement, m: number[][], caption: string): void {
  const k = m.length,
    cell = 22,
    left = 92,
    top = 80;
  const size = left + k * cell + 4;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${size} ${top + k * cell + 4}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', caption);
  const rowMax = m.map((r) => Math.max(1, ...r));
  const frag = document.createDocumentFragment();
  m.forEach((row, i) => {
    const name = S.clsShort(i);
    frag.append(svgEl('text', { x: left - 4, y: top + i * cell + cell * 0.68, 'text-anchor': 'end', class: 'kd-tick' }, name));
    frag.append(
      svgEl(
        'text',
        { x: 0, y: 0, class: 'kd-tick', transform: `translate(${left + i * cell + cell * 0.65},${top - 4}) rotate(-60)` },
        name,
      ),
    );
    row.forEach((v, j) => {
      const shade = v / rowMax[i]!;
      // No per-cell <title>: 144 extra nodes for a tooltip; the counts are printed in the cells.
      frag.append(
        svgEl('rect', {
          x: left + j * cell,
          y: top + i * cell,
          width: cell - 1,
          height: cell - 1,
          class: i === j ? 'kd-cm-diag' : 'kd-cm-off',
          'fill-opacity': v === 0 ? 0.06 : 0.15 + 0.85 * shade,
          'data-n': v,
        }),
      );
      if (v > 0)
        frag.append(
          svgEl(
            'text',
            { x: left + j * cell + cell / 2, y: top + i * cell + cell * 0.68, 'text-anchor': 'middle', class: 'kd-cm-n' },
            String(v),
          ),
        );
    });
  });
  svg.append(frag);
}
