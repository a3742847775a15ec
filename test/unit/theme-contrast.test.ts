import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_COLORS } from '../../src/components/results/plot';

// Colours of charts and diagrams that do not come from Starlight's theme variables must read in
// both themes: at least 3:1 against the page (WCAG 1.4.11, graphics). The pages are Starlight's
// --sl-color-bg: white in the light theme, hsl(224, 10%, 10%) = #17181c in the dark one.
// test/e2e/phone.spec.ts checks the rendered colours of every chart and diagram in the browser.
const PAGE = { light: '#ffffff', dark: '#17181c' } as const;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The --nf-* colours of one block of src/styles/custom.css (":root {" or ':root[data-theme="light"] {'). */
function figureColours(block: string): Record<string, string> {
  const css = readFileSync(join(process.cwd(), 'src', 'styles', 'custom.css'), 'utf8');
  const start = css.indexOf(`${block} {`);
  expect(start, block).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--nf-[a-z]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

describe('chart and diagram colours read in light and dark', () => {
  it('works out the contrast ratio as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#efb118', PAGE.light)).toBeLessThan(3); // Plot's default yellow, the reason for CHART_COLORS
  });

  it('every chart colour is at least 3:1 against both pages', () => {
    for (const c of CHART_COLORS) {
      expect(contrast(c, PAGE.light), `${c} on light`).toBeGreaterThanOrEqual(3);
      expect(contrast(c, PAGE.dark), `${c} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it("the diagrams' orange and green are at least 3:1 against the page of their theme", () => {
    const dark = figureColours(':root');
    const light = figureColours(':root[data-theme="light"]');
    expect(Object.keys(dark).sort()).toEqual(['--nf-green', '--nf-orange']);
    expect(Object.keys(light).sort()).toEqual(['--nf-green', '--nf-orange']);
    for (const [k, c] of Object.entries(dark)) expect(contrast(c, PAGE.dark), `${k} ${c} on dark`).toBeGreaterThanOrEqual(3);
    for (const [k, c] of Object.entries(light)) expect(contrast(c, PAGE.light), `${k} ${c} on light`).toBeGreaterThanOrEqual(3);
  });
});
