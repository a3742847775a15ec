/**
 * Observable Plot rendered to static SVG at build time: Plot gets a linkedom document instead of
 * the browser's, and the page ships only the resulting markup (no client JS).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document: document as unknown as Document });
  // Plot names each mark's <g> ("dot", "x-axis tick" …) with aria-label, which ARIA does not allow
  // on an element without a role; the figure around the chart (role="img") carries the description.
  for (const g of el.querySelectorAll('g[aria-label], g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  return el.outerHTML;
}
