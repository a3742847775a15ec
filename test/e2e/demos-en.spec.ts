import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { waitDone } from './kd-helpers';

// The three demos (and the KD story) on the English pages (issue #23): each hydrates and runs with
// English UI, none of their visible text is Hangul outside an element marked lang="ko", and one
// error path per demo comes back in English. It visits the real English URLs; until the English
// MDX pages land, build with a copy of the notes that has en/ copies of the three pages:
//
//   rm -rf .work/fixture-docs && cp -r content/docs .work/fixture-docs && mkdir -p .work/fixture-docs/en/{study,research}
//   for f in study/transformer.mdx study/vit.mdx research/kd-method.mdx; do
//     sed "s#'\.\./\.\./\.\./#'../../../../#g" content/docs/$f > .work/fixture-docs/en/$f; done
//   NOTES_DOCS_DIR=./.work/fixture-docs E2E_PORT=… ASTRO_OUT_DIR=… npx playwright test test/e2e/demos-en.spec.ts
//
// (with the `en` locale in astro.config.mjs). Screenshots of each demo at 390 and 1280 px go to
// .work/demos-en-shots/ for a person to look at.

const SHOTS = '.work/demos-en-shots';
const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/;

/** Visible text (and aria-label/title/placeholder) inside `root` that has Hangul and no lang="ko" ancestor. */
async function koreanOutsideKo(root: Locator): Promise<string[]> {
  return root.evaluate((el, source) => {
    const hangul = new RegExp(source);
    const out: string[] = [];
    const marked = (n: Element | null): boolean => !!n?.closest('[lang]') && n.closest('[lang]')!.getAttribute('lang')!.startsWith('ko');
    const shown = (n: Element): boolean => n.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const parent = t.parentElement;
      if (!parent || !hangul.test(t.textContent ?? '') || marked(parent) || !shown(parent)) continue;
      if (parent.closest('script, style, noscript, template')) continue;
      out.push(`${parent.tagName.toLowerCase()}: ${(t.textContent ?? '').trim().slice(0, 80)}`);
    }
    for (const e of [el, ...el.querySelectorAll('*')]) {
      if (marked(e) || !shown(e)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = e.getAttribute(a);
        if (v && hangul.test(v)) out.push(`${e.tagName.toLowerCase()}[${a}]: ${v.slice(0, 80)}`);
      }
    }
    return out;
  }, HANGUL.source);
}

async function open(page: Page, path: string, tag: string): Promise<Locator> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  const demo = page.locator(tag);
  await demo.scrollIntoViewIfNeeded();
  return demo;
}

async function shoot(page: Page, demo: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await demo.scrollIntoViewIfNeeded();
    await demo.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('attention demo in English: a typed sentence computes; 10,000 characters get an English message', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const demo = await open(page, 'en/study/transformer/', 'attention-demo');
  await expect(demo).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  expect(await koreanOutsideKo(demo)).toEqual([]);
  const text = page.getByLabel(/Sentence/);
  await text.fill('The cat sat on the mat because it was tired.');
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '11');
  await expect(page.locator('.attn-step .attn-table caption', { hasText: 'Attention weights of head 1' })).toHaveCount(1);
  expect(await koreanOutsideKo(demo)).toEqual([]);
  await shoot(page, demo, 'attention');

  // 10,000 characters (the field keeps its maxlength of them): too many tokens, said in English.
  await text.fill('a '.repeat(5000));
  await expect(page.locator('.attn-step .attn-msg')).toContainText(/That is \d+ tokens\. This demo computes at most 64/);
  await text.fill('');
  await expect(page.locator('.attn-step .attn-msg')).toContainText('Type a sentence');
  expect(await koreanOutsideKo(demo)).toEqual([]);
  expect(errors).toEqual([]);
});

test('ViT demos in English: the photo embeds, a test digit is predicted; a non-image file gets an English message', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const demo = await open(page, 'en/study/vit/', 'vit-demo');
  await expect(demo).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(demo.locator('[data-vit="status"]')).toContainText('Done');
  await expect(demo.locator('[data-vit="credit"]')).toContainText('Photo: Stefan van der Walt');
  expect(await koreanOutsideKo(demo)).toEqual([]);
  await shoot(page, demo, 'vit');

  const digits = page.locator('vit-digits');
  await digits.scrollIntoViewIfNeeded();
  await expect(digits).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await digits.locator('[data-digit-sample="3"]').click();
  await expect(digits).toHaveAttribute('data-pred', /\d/);
  await expect(digits.locator('[data-digit="status"]')).toContainText('Prediction:');
  await expect(digits.locator('[data-digit="source"]')).toContainText('Input: a test digit (label 3');
  await expect(digits.locator('[data-digit="map-caption"]')).toContainText('mean of the heads');
  await digits.locator('[data-digit="file"]').setInputFiles('test/fixtures/images/not-an-image.txt');
  await expect(digits.locator('[data-digit="error"]')).toContainText('“not-an-image.txt” is not an image file');
  expect(await koreanOutsideKo(digits)).toEqual([]);
  await shoot(page, digits, 'vit-digits');

  // The photo demo refuses the same file before decoding, in English too.
  await demo.locator('[data-vit="file"]').setInputFiles('test/fixtures/images/not-an-image.txt');
  await expect(demo.locator('[data-vit="error"]')).toContainText('is not an image file');
  expect(await koreanOutsideKo(demo)).toEqual([]);
  expect(errors).toEqual([]);
});

test('KD run in English: a short run finishes; a truncated .dat is refused in English naming file and line', async ({ page }) => {
  test.setTimeout(360_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const demo = await open(page, 'en/research/kd-method/?kd-epochs=3&kd-gaf=8&kd-seed=11&kd-alpha=0.5', 'kd-run-demo');
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 90_000 });
  await expect(page.getByTestId('kd-data-summary')).toContainText('windows');
  await expect(page.getByTestId('kd-badge')).toContainText('Backend:');
  expect(await koreanOutsideKo(demo)).toEqual([]);

  await page.getByTestId('kd-file').setInputFiles({
    name: 'subject101.dat',
    mimeType: 'application/octet-stream',
    buffer: readFileSync('test/fixtures/pamap2/truncated.dat'),
  });
  const err = page.getByTestId('kd-data-error');
  await expect(err).toBeVisible({ timeout: 60_000 });
  await expect(err).toContainText(/subject101\.dat:6: truncated line: \d+ of 54 columns/);
  await expect(page.getByTestId('kd-status')).toContainText('The previous data');
  expect(await koreanOutsideKo(demo)).toEqual([]);

  await page.getByTestId('kd-start').click();
  await waitDone(page);
  await expect(page.getByTestId('kd-status')).toContainText('Done: 2 teachers and 2 students');
  await expect(page.getByTestId('kd-table-note')).toContainText('Chance level');
  await expect(page.getByTestId('kd-one-window')).toContainText('pp of accuracy');
  expect(await koreanOutsideKo(demo)).toEqual([]);
  await shoot(page, demo, 'kd-run');
  expect(errors).toEqual([]);
});

test('KD story in English: starts with an English status, stops on request', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const demo = await open(page, 'en/research/kd-method/', 'kd-story-demo');
  await expect(demo).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
  expect(await koreanOutsideKo(demo)).toEqual([]);
  await shoot(page, demo, 'kd-story');
  await demo.locator('[data-kds="seeds"]').fill('3');
  await expect(demo.locator('[data-kds="input-error"]')).toContainText('The number of seeds must be a whole number from 5 to 10');
  await demo.locator('[data-kds="seeds"]').fill('5');
  await demo.locator('[data-kds="start"]').click();
  await expect(demo.locator('[data-kds="status"]')).toContainText(/Preparing|Training/);
  expect(await koreanOutsideKo(demo)).toEqual([]);
  await demo.locator('[data-kds="cancel"]').click();
  await expect(demo.locator('[data-kds="status"]')).toContainText('Run stopped.');
  expect(errors).toEqual([]);
});
