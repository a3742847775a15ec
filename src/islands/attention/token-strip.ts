/**
 * The query-token picker: a toolbar of real buttons with a roving tabindex; ← → (and ↑ ↓,
 * Home, End) move the selection, so the demo is operable from the keyboard.
 */
import { h } from './dom';
import { ATTN_TEXT } from './strings';

export function tokenStrip(tokens: readonly string[], selected: number, onSelect: (i: number) => void): HTMLElement {
  const bar = h('div', { role: 'toolbar', 'aria-label': ATTN_TEXT.tokenBar, class: 'attn-tokens' });
  tokens.forEach((tok, i) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'attn-token',
        'aria-pressed': i === selected ? 'true' : 'false',
        tabindex: i === selected ? 0 : -1,
        'data-i': i,
      },
      tok,
    );
    b.addEventListener('click', () => onSelect(i));
    bar.append(b);
  });
  bar.addEventListener('keydown', (e) => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const step = keys[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(tokens.length - 1, Number.isFinite(step) ? selected + step : step > 0 ? tokens.length - 1 : 0));
    if (next === selected) return;
    onSelect(next);
    // The strip is re-rendered by onSelect; keep focus on the newly selected token.
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`.attn-tokens [data-i="${next}"]`)?.focus());
  });
  return bar;
}
