import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMOS, NOTE_PAGES } from './site-pages';

// axe-core on every page of the site (the page list comes from content/docs, since the build
// runs after the tests are collected), in both colour schemes and at phone width, with each demo
// hydrated first: no serious or critical violation. Lesser ones are attached to the report.

const PAGES = [...NOTE_PAGES, '404'];

// Wide and phone widths (formulas and tables scroll sideways only on narrow screens).
const VIEWS = [
  ['light', 1280],
  ['dark', 1280],
  ['dark', 390],
] as const;

async function hydrateDemos(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const d of DEMOS) {
    const el = page.locator(d.tag);
    if ((await el.count()) === 0) continue;
    await el.first().scrollIntoViewIfNeeded();
    await d.ready(page);
    found.push(d.tag);
  }
  return found;
}

for (const path of PAGES) {
  test(`axe: ${path} has no serious or critical violation (light and dark, 1280 and 390 px)`, async ({ page }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    const demos = await hydrateDemos(page);
    const report: string[] = [];
    const serious: string[] = [];
    for (const [scheme, width] of VIEWS) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      // Starlight picks its theme from the stored choice, else the media query.
      await page.evaluate((s) => {
        document.documentElement.dataset['theme'] = s;
      }, scheme);
      const r = await new AxeBuilder({ page }).analyze();
      for (const v of r.violations) {
        for (const n of v.nodes) {
          const target = n.target.join(' ');
          const why = (n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim();
          const line = `[${scheme} ${width}px] ${v.impact ?? '?'} ${v.id}: ${target} — ${why}`;
          report.push(line);
          if (v.impact === 'serious' || v.impact === 'critical') serious.push(line);
        }
      }
    }
    if (report.length) await info.attach('axe violations', { body: report.join('\n'), contentType: 'text/plain' });
    expect(serious, `demos hydrated: ${demos.join(', ') || 'none'}\n${serious.join('\n')}`).toEqual([]);
  });
}
