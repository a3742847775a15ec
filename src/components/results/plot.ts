/**
 * Observable Plot rendered to static SVG at build time: Plot gets a linkedom document instead of
 * the browser's, and the page ships only the resulting markup (no client JS).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Categorical colours of every chart. Each is at least 3:1 against both of Starlight's page
 * colours (light #ffffff, dark #17181c), so a line or a dot reads in either theme; Plot's default
 * scheme starts with a yellow (#efb118) that is 1.9:1 on white. test/unit/theme-contrast.test.ts.
 */
export const CHART_COLORS = ['#1c7ed6', '#d9480f', '#0f8b8d', '#ae3ec9', '#2f9e44'] as const;

/**
 * The two layouts of a chart. An SVG scaled to its column scales its text with it: the 640-wide
 * chart in the 358 px column of a 390 px phone drew 12 px text at 6.7 px. So each chart is drawn
 * twice and CSS (results.css, a container query) shows the one that fits: "wide" where the column
 * is at least 600 px (scale ≥ 0.94), "phone" elsewhere, drawn 340 wide so a 390 px screen shows
 * it at scale 1 and a 320 px one (288 px column) still shows its 13 px text at 11 px.
 */
export type ChartLayout = 'wide' | 'phone';
export const CHART_WIDTH: Record<ChartLayout, number> = { wide: 640, phone: 340 };
/** Text size of each layout, in SVG px (rendered px at scale 1). */
export const CHART_FONT: Record<ChartLayout, number> = { wide: 12, phone: 13 };

export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const color = { range: [...CHART_COLORS], ...options.color };
  const el = Plot.plot({ ...options, color, document: document as unknown as Document });
  // Plot names each mark's <g> ("dot", "x-axis tick" …) with aria-label, which ARIA does not allow
  // on an element without a role; the figure around the chart (role="img") carries the description.
  for (const g of el.querySelectorAll('g[aria-label], g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  return el.outerHTML;
}

/** Both layouts of one chart, from one function of the layout. */
export function renderPlotLayouts(options: (layout: ChartLayout) => Plot.PlotOptions): Record<ChartLayout, string> {
  return { wide: renderPlot(options('wide')), phone: renderPlot(options('phone')) };
}
