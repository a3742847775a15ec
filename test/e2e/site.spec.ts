import { test, expect, type Page } from '@playwright/test';

// The notes as a reader sees them: Korean text, KaTeX math in light and dark mode, no raw
// TeX left over, and nothing wider than a phone screen.

const NOTES = [
  '',
  'study/transformer/',
  'study/vit/',
  'study/llm-vs-vlm/',
  'study/vlm-components/',
  'study/vlm-training/',
  'study/vlm-uses-limits/',
  'study/what-matters-vlm/',
  'research/kd-method/',
  'research/2025-05-02/',
  'glossary/',
];

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('home page renders Korean title and KaTeX', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1').first()).toContainText('딥러닝');
  await expect(page.locator('.katex').first()).toBeVisible();
  expect(await page.content()).not.toContain('$$');
  // The home page maps every note and the three demos.
  for (const slug of NOTES.slice(1)) await expect(page.locator(`a[href="${slug}"]`).first()).toBeAttached();
  await expect(page.locator('a[href^="study/transformer/#"]')).toHaveCount(1);
});

test('every note renders its math with KaTeX and leaves no raw TeX', async ({ page }) => {
  for (const slug of NOTES) {
    await page.goto(slug);
    // innerText, not textContent: what a reader sees, without KaTeX's hidden MathML annotation (the TeX source).
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, where the two differ as above
    const text = await page.locator('main').innerText();
    expect(text, slug).not.toContain('$$');
    // CommonMark does not close **bold** before a Korean particle after punctuation ("**A(B)**를");
    // such spans show up as literal asterisks.
    expect(text, slug).not.toContain('**');
    expect(text, slug).not.toMatch(/\\(frac|mathrm|sqrt)\{/);
    await expect(page.locator('.katex-error'), slug).toHaveCount(0);
  }
  await page.goto('research/kd-method/');
  // The two-teacher loss is typeset (MathML annotation keeps the TeX source).
  const tex = await page.locator('.katex annotation').allTextContents();
  expect(tex.some((t) => t.includes('\\mathrm{KL}_{\\text{GAF}}') && t.includes('(1-\\alpha)'))).toBe(true);
  expect(await page.locator('.katex-display').count()).toBeGreaterThan(5);
});

for (const theme of ['light', 'dark'] as const) {
  test(`formulas and figures are readable in ${theme} mode`, async ({ page }) => {
    await setTheme(page, theme);
    await page.goto('study/transformer/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { fg, bg, figText } = await page.evaluate(() => {
      const k = document.querySelector('.katex-display .katex')!;
      const t = document.querySelector('.note-figure .nf-t')!;
      return {
        fg: getComputedStyle(k).color,
        bg: getComputedStyle(document.body).backgroundColor,
        figText: getComputedStyle(t).fill,
      };
    });
    const [lf, lb, lt] = [luminance(fg), luminance(bg), luminance(figText)];
    // WCAG contrast ratio of the formula text and of the figure labels against the page.
    const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    expect(ratio(lf, lb), `katex ${fg} on ${bg}`).toBeGreaterThan(7);
    expect(ratio(lt, lb), `figure text ${figText} on ${bg}`).toBeGreaterThan(7);
    if (theme === 'dark') expect(lb).toBeLessThan(0.1);
    else expect(lb).toBeGreaterThan(0.8);
  });
}

test('no horizontal overflow on a 390 px phone; long display math scrolls in its own box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const slug of NOTES) {
    await page.goto(slug);
    const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
    expect(sw, `${slug}: scrollWidth ${sw} > innerWidth ${iw}`).toBeLessThanOrEqual(iw);
  }
  await page.goto('research/kd-method/');
  // Off-screen formulas skip layout (content-visibility: auto, custom.css) until they near the
  // viewport; measure them as they are once shown.
  await page.addStyleTag({ content: '.katex-display { content-visibility: visible !important; }' });
  const wide = await page
    .locator('.katex-display')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => getComputedStyle(e).overflowX));
  expect(wide.length).toBeGreaterThan(0); // the two-teacher loss is wider than a phone …
  expect(new Set(wide)).toEqual(new Set(['auto'])); // … and scrolls inside its box
});

test('demo slots sit in their marked sections', async ({ page }) => {
  for (const [slug, heading, demo] of [
    ['study/transformer/', '직접 해 보기: 셀프 어텐션 시각화', 'AttentionDemo'],
    ['study/vit/', '직접 해 보기: 패치 임베딩', 'VitDemo'],
    ['research/kd-method/', '증류가 실제로 돕는 경우: 적은 레이블 + 전이 세트', 'KdStoryDemo'],
    ['research/kd-method/', '프로토콜 설정으로 직접 돌려 보기', 'KdRunDemo'],
  ] as const) {
    await page.goto(slug);
    const h = page.locator('h2, h3', { hasText: heading });
    await expect(h, slug).toHaveCount(1);
    // The demo component's root follows the heading (before the next h2).
    const after = await h.evaluate((el, name) => {
      for (let n = (el.closest('.sl-heading-wrapper') ?? el).nextElementSibling; n; n = n.nextElementSibling) {
        if (n.matches('h2, h3, .sl-heading-wrapper')) return false;
        if (n.matches(`[data-demo="${name}"]`) || n.querySelector(`[data-demo="${name}"]`) || n.tagName.toLowerCase().includes('-'))
          return true;
      }
      return false;
    }, demo);
    expect(after, `${demo} after "${heading}"`).toBe(true);
  }
});

test('screenshots for review (SHOTS=1)', async ({ page }) => {
  test.skip(!process.env.SHOTS, 'set SHOTS=1 to write .work/shots/*.png');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      for (const [name, slug] of [
        ['home', './'],
        ['transformer', 'study/transformer/'],
        ['kd-method', 'research/kd-method/'],
      ] as const) {
        await page.goto(slug);
        await page.screenshot({ path: `.work/shots/${name}-${width}-${theme}.png`, fullPage: name === 'home' });
      }
    }
  }
});
