import { test, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url));

async function openDemo(page: Page) {
  await page.goto('study/vit/');
  const demo = page.locator('vit-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  return demo;
}

/** RGB of the model-input canvas at image pixel (x, y). */
async function pixel(page: Page, x: number, y: number): Promise<number[]> {
  return page
    .locator('vit-demo [data-vit="image"]')
    .evaluate((c: HTMLCanvasElement, [px, py]) => Array.from(c.getContext('2d')!.getImageData(px!, py!, 1, 1).data.slice(0, 3)), [x, y]);
}

test('cat at p = 16: 196 patches, 197 × D tokens, conv == matMul, on this backend @webgpu', async ({ page }, info) => {
  const demo = await openDemo(page);
  await demo.getByRole('button', { name: /고양이/ }).click();
  await expect(demo).toHaveAttribute('data-image', 'chelsea.png');
  await expect(demo).toHaveAttribute('data-state', 'ready');
  await expect(demo.locator('input[name="vit-patch"][value="16"]')).toBeChecked();
  await expect(demo.locator('[data-vit="patches"]')).toHaveText('196');
  const dim = await demo.locator('[data-vit="dim-select"]').inputValue();
  await expect(demo.locator('output[data-vit="seq"]').first()).toHaveText(`197 × ${dim}`);
  await expect(demo).toHaveAttribute('data-seq', `197x${dim}`); // from the worker's actual result
  expect(Number(await demo.getAttribute('data-conv-diff'))).toBeLessThan(1e-3);
  // 13 inner grid lines each way for g = 14.
  expect((await demo.locator('.vit-grid-lines').getAttribute('d'))!.match(/M/g)!.length).toBe(26);
  await expect(demo.locator('.vit-credit')).toContainText('Stefan van der Walt');
  // The backend badge: WebGPU where the browser has an adapter, a fallback where it has none.
  const backend = await demo.locator('.runtime-badge').getAttribute('data-backend');
  if (info.project.name === 'chromium-webgpu') expect(backend).toBe('webgpu');
  else expect(['webgl', 'wasm', 'cpu']).toContain(backend);
  // Changing p updates counts and recomputes.
  for (const [p, P, T] of [
    [14, 256, 257],
    [32, 49, 50],
    [8, 784, 785],
  ] as const) {
    await demo.locator(`input[name="vit-patch"][value="${p}"]`).check();
    await expect(demo.locator('[data-vit="patches"]')).toHaveText(String(P));
    await expect(demo).toHaveAttribute('data-seq', `${T}x${dim}`);
  }
  // Hover and keyboard select patches; the embedding strip is drawn (not blank).
  const stage = demo.locator('[data-vit="stage"]');
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.99, box.y + box.height * 0.01);
  await expect(demo.locator('[data-vit="sel"]')).toContainText('패치 #27 ');
  await stage.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(demo.locator('[data-vit="sel"]')).toContainText('패치 #28 · 행 1, 열 0');
  // The zoomed patch shows exactly that patch's pixels (p = 8 now: row 1, col 0 = x 0..8, y 8..16).
  const same = await page.evaluate(() => {
    const img = document.querySelector<HTMLCanvasElement>('vit-demo [data-vit="image"]')!;
    const zoom = document.querySelector<HTMLCanvasElement>('vit-demo [data-vit="zoom"]')!;
    const a = img.getContext('2d')!.getImageData(0, 8, 8, 8).data,
      b = zoom.getContext('2d')!.getImageData(0, 0, 8, 8).data;
    return zoom.width === 8 && a.every((v, i) => v === b[i]);
  });
  expect(same).toBe(true);
  const colours = await demo
    .locator('[data-vit="strip-emb"]')
    .evaluate((c: HTMLCanvasElement) => new Set(Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, 1).data)).size);
  expect(colours).toBeGreaterThan(20);
  await expect(demo.locator('.vit-handoff a')).toHaveAttribute('href', '../transformer/');
});

test('uploading a fixture image works; a text file shows the error and keeps the image', async ({ page }) => {
  const demo = await openDemo(page);
  await demo.locator('[data-vit="file"]').setInputFiles(fixture('quadrants.png'));
  await expect(demo).toHaveAttribute('data-image', 'quadrants.png');
  await expect(demo).toHaveAttribute('data-state', 'ready');
  await expect(demo.locator('.vit-credit')).toContainText('내 이미지: quadrants.png (96×64)');
  // Centre crop of 96×64 keeps columns 16..80: top-left is the red quadrant, bottom-right the yellow.
  expect((await pixel(page, 10, 10))[0]).toBeGreaterThan(200);
  const br = await pixel(page, 214, 214);
  [240, 200, 40].forEach((v, i) => expect(Math.abs(br[i]! - v)).toBeLessThan(8));
  await expect(demo.locator('[data-vit="patches"]')).toHaveText('196');

  // The heaviest setting (p = 8, D = 768) computes in the worker: the page keeps painting frames
  // while the demo says 'computing' (work on the main thread would paint none until it ended).
  // The longest frame gap is a machine-dependent number: reported here and by npm run bench:main-thread.
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number; framesComputing: number };
    w.maxGap = 0;
    w.framesComputing = 0;
    w.last = performance.now();
    const tick = (t: number): void => {
      w.maxGap = Math.max(w.maxGap, t - w.last);
      w.last = t;
      if (document.querySelector<HTMLElement>('vit-demo')?.dataset['state'] === 'computing') w.framesComputing++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await demo.locator('[data-vit="dim-select"]').selectOption('768');
  await demo.locator('input[name="vit-patch"][value="8"]').check();
  await expect(demo).toHaveAttribute('data-seq', '785x768', { timeout: 90_000 });
  const { maxGap, framesComputing } = await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; framesComputing: number };
    return { maxGap: w.maxGap, framesComputing: w.framesComputing };
  });
  test
    .info()
    .annotations.push(
      { type: 'longest frame gap, p=8 D=768 (ms)', description: String(Math.round(maxGap)) },
      { type: 'frames painted while computing', description: String(framesComputing) },
    );
  expect(framesComputing, 'frames painted while the worker computed').toBeGreaterThan(0);

  await demo.locator('[data-vit="file"]').setInputFiles(fixture('not-an-image.txt'));
  await expect(demo.locator('[data-vit="error"]')).toBeVisible();
  await expect(demo.locator('[data-vit="error"]')).toContainText('"not-an-image.txt"은(는) 이미지 파일이 아닙니다');
  await expect(demo).toHaveAttribute('data-image', 'quadrants.png');
  expect((await pixel(page, 10, 10))[0]).toBeGreaterThan(200);
});

test('bad and unusual images: corrupt, too big, 10,000², 1×1, transparent, EXIF-rotated, dropped', async ({ page }) => {
  const demo = await openDemo(page);
  const input = demo.locator('[data-vit="file"]');
  const error = demo.locator('[data-vit="error"]');
  await input.setInputFiles(fixture('corrupt.png'));
  await expect(error).toContainText('손상');
  await input.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(21 * 1024 * 1024) });
  await expect(error).toContainText('"big.png"이(가) 너무 큽니다 (21.0 MB)');
  await input.setInputFiles(fixture('huge-10000.png'));
  await expect(error).toContainText('10,000×10,000 = 100MP로 너무 큽니다');
  await expect(demo).toHaveAttribute('data-image', 'chelsea.png'); // nothing lost so far

  await input.setInputFiles(fixture('one-pixel.png'));
  await expect(demo).toHaveAttribute('data-image', 'one-pixel.png');
  await expect(error).toBeHidden();
  await expect(demo.locator('.vit-notes')).toContainText('1×1');
  expect(await pixel(page, 100, 100)).toEqual([255, 128, 0]);

  await input.setInputFiles(fixture('transparent.png'));
  await expect(demo).toHaveAttribute('data-image', 'transparent.png');
  await expect(demo.locator('.vit-notes')).toContainText('흰 배경');
  expect(await pixel(page, 2, 2)).toEqual([255, 255, 255]);

  await input.setInputFiles(fixture('exif-rotated.jpg'));
  await expect(demo).toHaveAttribute('data-image', 'exif-rotated.jpg');
  await expect(demo.locator('.vit-notes')).toContainText('EXIF');
  // Stored left-red/right-blue, orientation 6: upright it is red on top, blue below.
  const top = await pixel(page, 112, 20),
    bottom = await pixel(page, 112, 200);
  expect(top[0]!).toBeGreaterThan(180);
  expect(top[2]!).toBeLessThan(90);
  expect(bottom[2]!).toBeGreaterThan(180);
  expect(bottom[0]!).toBeLessThan(90);

  // Drag-and-drop of a file onto the demo.
  const bytes = Array.from(await import('node:fs').then((fs) => fs.readFileSync(fixture('quadrants.png'))));
  const dt = await page.evaluateHandle((b) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(b)], 'dropped.png', { type: 'image/png' }));
    return d;
  }, bytes);
  await demo.dispatchEvent('drop', { dataTransfer: dt });
  await expect(demo).toHaveAttribute('data-image', 'dropped.png');
  await expect(demo).toHaveAttribute('data-state', 'ready');
});

test('a shared URL restores the ViT controls; bad values fall back with a note', async ({ page }) => {
  await page.goto('study/vit/?vit-p=8&vit-d=384&vit-pos=sincos&vit-img=rocket.jpg&vit-sel=100');
  const demo = page.locator('vit-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-seq', '785x384', { timeout: 90_000 });
  await expect(demo).toHaveAttribute('data-image', 'rocket.jpg');
  await expect(demo.locator('input[name="vit-patch"][value="8"]')).toBeChecked();
  await expect(demo.locator('input[name="vit-pos"][value="sincos"]')).toBeChecked();
  await expect(demo.locator('[data-vit="dim-select"]')).toHaveValue('384');
  await expect(demo.locator('[data-vit="sel"]')).toContainText('패치 #100 ');
  await expect(demo.locator('.vit-sample[data-sample="rocket.jpg"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(demo.locator('[data-vit="url-note"]')).toBeHidden();
  // Changing a control rewrites the URL, so the address bar can be shared as it is.
  await demo.locator('input[name="vit-patch"][value="32"]').check();
  await expect(page).toHaveURL(/vit-p=32/);

  await page.goto('study/vit/?vit-p=15&vit-sel=-3&backend=cpu');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(demo.locator('input[name="vit-patch"][value="16"]')).toBeChecked();
  await expect(demo.locator('[data-vit="url-note"]')).toContainText('vit-p=15');
  await expect(demo.locator('[data-vit="url-note"]')).toContainText('vit-sel=-3');
  await expect(page).toHaveURL(/backend=cpu/);
});

test('an island that cannot load says so to the reader', async ({ page }) => {
  // The ViT island module is requested only when the demo scrolls into view: make it fail.
  await page.route(/\/_astro\/mount\.[^/]+\.js$/, (route) => route.abort());
  await page.goto('study/vit/');
  const demo = page.locator('vit-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-island', 'error');
  await expect(demo.locator('[data-island-error]')).toBeVisible();
  await expect(demo.locator('[data-island-error]')).toContainText('데모를 불러오지 못했습니다');
});

/** The held-out digits the page offers, with the training script's logits (its prediction = argmax). */
const digitSamples = (
  JSON.parse(readFileSync(new URL('../../public/models/vit-digits/samples.json', import.meta.url), 'utf8')) as {
    samples: { label: number; logits: number[] }[];
  }
).samples;
const argmax = (a: number[]): number => a.reduce((b, v, i) => (v > a[b]! ? i : b), 0);

async function openDigits(page: Page) {
  await page.goto('study/vit/');
  const demo = page.locator('vit-digits');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  return demo;
}

test('digit ViT: a drawn digit gets a prediction and the [CLS] attention over its patches, per layer and head', async ({ page }) => {
  const demo = await openDigits(page);
  await demo.locator('[data-digit="clear"]').click();
  await expect(demo).toHaveAttribute('data-state', 'empty');
  await expect(demo.locator('[data-digit="status"]')).toContainText('그린 것이 없습니다');
  // A "1": one vertical pointer stroke down the middle of the pad.
  const pad = demo.locator('[data-digit="pad"]');
  await pad.scrollIntoViewIfNeeded(); // the whole pad inside the viewport, or strokes fall off its lower part
  const b = (await pad.boundingBox())!;
  await page.mouse.move(b.x + b.width * 0.52, b.y + b.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(b.x + b.width * (0.52 - i * 0.004), b.y + b.height * (0.15 + i * 0.058));
  await page.mouse.up();
  await expect(demo).toHaveAttribute('data-state', 'ready');
  await expect(demo).toHaveAttribute('data-pred', '1');
  await expect(demo.locator('[data-digit="status"]')).toContainText('예측: 1');
  await expect(demo.locator('.vit-probs li')).toHaveCount(10);
  await expect(demo.locator('.vit-probs li.vit-prob-top')).toHaveCount(1);
  await expect(demo.locator('.vit-probs li.vit-prob-top .vit-prob-digit')).toHaveText('1');
  // The attention overlay is drawn: a heat map, not a blank canvas.
  const look = demo.locator('[data-digit="look"]');
  const colours = await look.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const set = new Set<number>();
    for (let i = 0; i < d.length; i += 4) set.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return set.size;
  });
  expect(colours).toBeGreaterThan(20);
  const caption = demo.locator('[data-digit="map-caption"]');
  await expect(caption).toContainText('헤드 평균');
  const before = await look.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await demo.locator('input[name="vit-digit-head"][value="2"]').check();
  await expect(caption).toContainText('헤드 2');
  await demo.locator('input[name="vit-digit-layer"][value="1"]').check();
  await expect(caption).toContainText('1층 헤드 2');
  expect(await look.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
  await expect(look).toHaveAttribute('aria-label', /가장 많이 본 패치 #\d+/);

  // Each held-out test digit: the page predicts what the training script predicted.
  for (const s of digitSamples.filter((_, i) => i % 2 === 0)) {
    await demo.locator(`[data-digit-sample="${s.label}"]`).click();
    await expect(demo).toHaveAttribute('data-pred', String(argmax(s.logits)));
    await expect(demo.locator('[data-digit="source"]')).toContainText(`정답 ${s.label}`);
  }

  // A file that is not an image: a Korean message, nothing else changes.
  await demo.locator('[data-digit="file"]').setInputFiles(fixture('not-an-image.txt'));
  await expect(demo.locator('[data-digit="error"]')).toContainText('"not-an-image.txt"은(는) 이미지 파일이 아닙니다');
  // An uploaded picture goes through the same MNIST-style framing as a drawing.
  await demo.locator('[data-digit="file"]').setInputFiles(fixture('quadrants.png'));
  await expect(demo.locator('[data-digit="source"]')).toContainText('quadrants.png');
  await expect(demo.locator('[data-digit="error"]')).toBeHidden();
});

test('the sample photo is downloaded once', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const downloads: string[] = [];
  cdp.on('Network.responseReceived', (e) => {
    if (/\/chelsea\.png$/.test(e.response.url) && !e.response.fromDiskCache && !e.response.fromServiceWorker)
      downloads.push(e.response.url);
  });
  const demo = await openDemo(page);
  await expect(demo).toHaveAttribute('data-image', 'chelsea.png');
  await page.waitForLoadState('networkidle');
  expect(downloads).toHaveLength(1);
});

test('at 390 px no text in the ViT demos is under 11 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDigits(page);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('vit-demo *, vit-digits *')]
      .filter(
        (e) =>
          e.getClientRects().length > 0 &&
          [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) &&
          Number.parseFloat(getComputedStyle(e).fontSize) < 11,
      )
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${getComputedStyle(e).fontSize}`),
  );
  expect(small).toEqual([]);
});
