import { test, expect, type Page } from '@playwright/test';
import { DEMOS, EN_PAGES, NOTE_PAGES } from './site-pages';

// Every page on a 390 px phone, light and dark, and once at 1280 px (issue 20): no chart or diagram text drawn below
// 11 px (an SVG scaled to its column scales its text: the rendered size is the computed font size
// × the SVG's scale), no display formula or diagram cut off without a scroll box that says so
// (overflow-x auto/scroll, a shade at the edge — a background gradient, custom.css — and a
// keyboard stop), nothing wider than the screen, and chart/diagram colours at least 3:1 (lines,
// marks) and 4.5:1 (text) against the page in both themes. Demo islands are hydrated first, so
// what they draw is checked too.

const MIN_TEXT_PX = 11;
const WIDTH = 390;

/**
 * Demo islands that fail the checks today, each with its page and what fails. The demos belong to
 * their own work; this list is emptied when that work is merged. An entry exempts everything
 * inside that custom element on that page, and only there.
 */
const KNOWN_DEMO_EXCEPTIONS: ReadonlyArray<{ page: string; element: string; why: string }> = [];

const PAGES = NOTE_PAGES;

/** Runs in the page: every problem found, as "what — where" lines. `skip` = custom-element tags to leave out. */
function audit(args: { minPx: number; skip: string[] }): string[] {
  const { minPx, skip } = args;
  const out: string[] = [];
  const skipped = (el: Element) => skip.some((tag) => el.closest(tag));
  const where = (el: Element) => {
    const host = el.closest('[data-testid], attention-demo, vit-demo, kd-run-demo') ?? el.closest('figure, [id]');
    const name = host
      ? `${host.tagName.toLowerCase()}${host.id ? `#${host.id}` : ''}${host.getAttribute('data-testid') ? `[data-testid=${host.getAttribute('data-testid')}]` : ''}`
      : '?';
    return `${name} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  };
  const rendered = (el: Element) => el.getClientRects().length > 0;

  // 1. Text in SVG (charts, diagrams, demos): computed size × the SVG's vertical scale.
  for (const t of document.querySelectorAll('main svg text')) {
    if (!(t instanceof SVGTextElement) || skipped(t) || !rendered(t) || !(t.textContent ?? '').trim()) continue;
    const m = t.getScreenCTM();
    if (!m) continue;
    const px = Number.parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.c, m.d);
    if (px < minPx - 0.01) out.push(`SVG text ${px.toFixed(1)} px < ${minPx} px — ${where(t)}`);
  }
  // ...and the HTML text of the charts (Plot's legends) and diagrams.
  for (const box of document.querySelectorAll('main .rchart-svg, main .note-figure')) {
    for (const el of box.querySelectorAll('*')) {
      if (el.closest('svg') || skipped(el) || !rendered(el)) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      const px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (own && px < minPx - 0.01) out.push(`chart text ${px.toFixed(1)} px < ${minPx} px — ${where(el)}`);
    }
  }

  // 2. Boxes whose content can be wider than they are: a display formula, a diagram, a chart.
  const pageWidth = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('main .katex-display, main .note-figure .nf-scroll, main .rchart-svg')) {
    if (!(el instanceof HTMLElement) || skipped(el) || !rendered(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > pageWidth + 1 || r.left < -1)
      out.push(`wider than the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${pageWidth}) — ${where(el)}`);
    if (el.scrollWidth <= el.clientWidth + 1) continue; // it fits
    // It overflows: the box itself (or an ancestor) must scroll, show a cue and take keyboard focus.
    let s: HTMLElement | null = el;
    while (s && s.tagName !== 'MAIN') {
      const ox = getComputedStyle(s).overflowX;
      if (ox === 'auto' || ox === 'scroll') break;
      s = s.parentElement;
    }
    if (!s || s.tagName === 'MAIN') {
      out.push(`clipped, no scroll box (${el.scrollWidth} px in ${el.clientWidth} px) — ${where(el)}`);
      continue;
    }
    if (!getComputedStyle(s).backgroundImage.includes('gradient'))
      out.push(`scrolls without a visible cue (${el.scrollWidth} px in ${el.clientWidth} px) — ${where(el)}`);
    if (s.tabIndex < 0) out.push(`scrolls but takes no keyboard focus — ${where(el)}`);
  }

  // 3. Colours against the page: marks and lines ≥ 3:1, text ≥ 4.5:1 (WCAG 1.4.11 / 1.4.3).
  const probe = document.createElement('canvas').getContext('2d');
  const rgb = (css: string): [number, number, number, number] | null => {
    if (!probe || !css || css === 'none' || css.startsWith('url')) return null;
    probe.fillStyle = '#000';
    probe.fillStyle = css; // the canvas resolves any CSS colour (color-mix, hsl …) to #rrggbb or rgba()
    const v = probe.fillStyle;
    if (v.startsWith('#'))
      return [1, 3, 5].map((i) => Number.parseInt(v.slice(i, i + 2), 16)).concat(1) as [number, number, number, number];
    const n = (v.match(/[\d.]+/g) ?? []).map(Number);
    const k = v.startsWith('color(') ? 255 : 1; // color(srgb r g b / a) has channels 0–1
    return [(n[0] ?? 0) * k, (n[1] ?? 0) * k, (n[2] ?? 0) * k, n[3] ?? 1];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (c: number) => {
      const x = c / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
  };
  const bg = rgb(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
  const ratio = (c: number[]) => {
    const [a, b] = [lum(c), lum(bg)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const checkColour = (el: Element, prop: 'stroke' | 'fill', need: number, what: string) => {
    const c = rgb(getComputedStyle(el)[prop]);
    if (!c || c[3] < 0.5) return; // none, or a translucent area tint (the text on it is checked)
    const k = ratio(c);
    if (k < need - 0.005) out.push(`${what} ${prop} ${k.toFixed(2)}:1 < ${need}:1 — ${where(el)}`);
  };
  for (const el of document.querySelectorAll(
    'main .rchart-svg svg :is(path, circle, line, rect), main .note-figure svg :is(path, line, rect, polyline)',
  )) {
    if (skipped(el) || !rendered(el) || el.closest('[aria-hidden="true"]:not(svg)')) continue; // Plot's grid is aria-hidden
    if (el.closest('defs, marker')) continue;
    checkColour(el, 'stroke', 3, 'line');
    if (el.closest('.rchart-svg')) checkColour(el, 'fill', 3, 'mark');
  }
  for (const el of document.querySelectorAll('main .rchart-svg svg text, main .note-figure svg text')) {
    if (skipped(el) || !rendered(el)) continue;
    checkColour(el, 'fill', 4.5, 'text');
  }
  return out;
}

async function hydrateDemos(page: Page): Promise<void> {
  for (const d of DEMOS) {
    const el = page.locator(d.tag);
    if ((await el.count()) === 0) continue;
    await el.first().scrollIntoViewIfNeeded();
    await d.ready(page);
  }
}

// The phone in both themes, then the desktop column once (formulas were cut off there too).
const VIEWS = [
  ['light', WIDTH],
  ['dark', WIDTH],
  ['light', 1280],
] as const;

// The English edition shares the Korean pages' figures and demos: one view (phone, dark) each,
// so the English pages do not double this spec's time.
const RUNS = [
  ...PAGES.map((path) => ({ path, views: VIEWS, name: `phone ${WIDTH} px (light, dark) and 1280 px` })),
  ...EN_PAGES.map((path) => ({ path, views: [['dark', WIDTH]] as const, name: `phone ${WIDTH} px (dark)` })),
];

for (const { path, views, name } of RUNS) {
  test(`${name}: ${path} — chart text ≥ ${MIN_TEXT_PX} px, no clipped formula or diagram, colours readable`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: WIDTH, height: 844 });
    await page.goto(path);
    await hydrateDemos(page);
    const skip = KNOWN_DEMO_EXCEPTIONS.filter((e) => e.page === path).map((e) => e.element);
    const problems: string[] = [];
    for (const [scheme, width] of views) {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      // Starlight picks its theme from the stored choice, else the media query.
      await page.evaluate((s) => {
        document.documentElement.dataset['theme'] = s;
      }, scheme);
      for (const p of await page.evaluate(audit, { minPx: MIN_TEXT_PX, skip })) problems.push(`[${scheme} ${width}px] ${p}`);
    }
    expect(problems, path).toEqual([]);
  });
}
