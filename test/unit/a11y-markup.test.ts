import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { nameSearchButtonFromContent } from '@src/components/overrides/search-label';
import { renderPlot } from '@src/components/results/plot';

// Starlight 0.42's rendered search button (scoped class names shortened).
const STARLIGHT_BUTTON =
  '<site-search class="a" data-translations="{}"><button data-open-modal disabled aria-label="검색" aria-keyshortcuts="Control+K" class="b">' +
  '<svg aria-hidden="true" class="b"></svg><span class="sl-hidden md:sl-block b" aria-hidden="true">검색</span>' +
  '<kbd class="sl-hidden md:sl-flex b" style="display: none;"><kbd class="b">Ctrl</kbd><kbd class="b">K</kbd></kbd></button>' +
  '<dialog style="padding:0" aria-label="검색" class="b"><button data-close-modal class="b">취소</button></dialog></site-search>';

describe('search button named from its content (WCAG 2.5.3)', () => {
  it('drops the aria-label, adds a screen-reader label and hides the shortcut hint; the dialog is untouched', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${nameSearchButtonFromContent(STARLIGHT_BUTTON)}</body></html>`);
    const btn = document.querySelector('button[data-open-modal]')!;
    expect(btn.hasAttribute('aria-label')).toBe(false);
    expect(btn.getAttribute('aria-keyshortcuts')).toBe('Control+K');
    expect(btn.querySelector('.sr-only')?.textContent).toBe('검색');
    expect(btn.querySelector(':scope > kbd')?.getAttribute('aria-hidden')).toBe('true');
    expect(document.querySelector('dialog')?.getAttribute('aria-label')).toBe('검색');
  });

  it('fails loudly when Starlight changes the markup', () => {
    expect(() => nameSearchButtonFromContent('<button data-open-modal>검색</button>')).toThrow(/Search override/);
    expect(() => nameSearchButtonFromContent('<button data-open-modal aria-label="검색"><span>검색</span></button>')).toThrow(
      /no visible label/,
    );
  });
});

describe('renderPlot', () => {
  it('leaves no aria-label on <g> (ARIA allows it only with a role)', () => {
    const svg = renderPlot({ marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y' }), Plot.ruleY([0])], x: { label: 'x' } });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    expect(document.querySelectorAll('g').length).toBeGreaterThan(2);
    expect(document.querySelectorAll('g[aria-label], g[aria-description]').length).toBe(0);
    expect(document.querySelectorAll('circle').length).toBe(1);
  });
});
