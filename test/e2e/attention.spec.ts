import { test, expect, type Page } from '@playwright/test';

// The self-attention demo on the Transformer note (built site, base /notes/).
const PAGE = 'study/transformer/';
// Fixed input for the backend comparison: Korean + English, causal, head 2, query 3.
const FIXED = new URLSearchParams({
  'attn-weights': 'random',
  'attn-text': '고양이가 매트 위에 앉았다. The cat sat!',
  'attn-d': '32',
  'attn-h': '2',
  'attn-causal': '1',
  'attn-scale': '1',
  'attn-q': '3',
  'attn-head': '1',
}).toString();
// WebGPU/WebGL (float32 on GPU, different summation order) vs CPU: |a − b| <= TOL.
const TOL = 2e-3;

async function openDemo(page: Page, search: string): Promise<void> {
  await page.goto(`${PAGE}?${search}`);
  const demo = page.locator('attention-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
}

async function shownNumbers(page: Page): Promise<{ table: number[]; z: number[]; weights: number[] }> {
  const table = await page
    .locator('.attn-step .attn-table td')
    .evaluateAll((tds) => tds.map((td) => (td.getAttribute('data-w') === 'masked' ? -1 : Number(td.getAttribute('data-w')))));
  const f = page.locator('[data-testid="attn-formula"]');
  return {
    table,
    z: JSON.parse((await f.getAttribute('data-z')) ?? '[]') as number[],
    weights: JSON.parse((await f.getAttribute('data-weights')) ?? '[]') as number[],
  };
}

test("@webgpu step mode: badge names the backend and the numbers equal another backend's", async ({ page, browser }, info) => {
  await openDemo(page, FIXED);
  const badge = page.locator('.runtime-badge').first();
  const backend = await badge.getAttribute('data-backend');
  if (info.project.name === 'chromium-webgpu') expect(backend).toBe('webgpu');
  else expect(['webgl', 'wasm', 'cpu']).toContain(backend);
  await expect(badge).toContainText(backend!);
  if (backend !== 'webgpu') await expect(badge).toContainText('webgpu:'); // says why WebGPU was skipped
  const got = await shownNumbers(page);
  expect(got.table.length).toBe(9 * 9); // 9 tokens: 고양이가 매트 위에 앉았다 . The cat sat !
  expect(got.z.length).toBe(16);

  // The reference is always a different backend: CPU, or WASM where the automatic choice was CPU.
  const refBackend = backend === 'cpu' ? 'wasm' : 'cpu';
  const refPage = await browser.newPage();
  await openDemo(refPage, `backend=${refBackend}&${FIXED}`);
  await expect(refPage.locator('.runtime-badge').first()).toHaveAttribute('data-backend', refBackend);
  const ref = await shownNumbers(refPage);
  await refPage.close();
  expect(refBackend).not.toBe(backend);
  info.annotations.push({ type: 'compared', description: `${backend} vs ${refBackend}` });
  expect(ref.table.length).toBe(got.table.length);
  for (const key of ['table', 'z', 'weights'] as const) {
    const diffs = got[key].map((v, i) => Math.abs(v - ref[key][i]!));
    expect(Math.max(...diffs), `${key} on ${backend} vs ${refBackend}`).toBeLessThanOrEqual(TOL);
  }
  // Causal: query 3 puts no weight on keys 4..8.
  expect(got.weights.slice(4).every((w) => w === 0)).toBe(true);
});

test('?backend=wasm forces the WASM backend (binaries served under the base path) and matches CPU', async ({ page, browser }) => {
  await openDemo(page, `backend=wasm&${FIXED}`);
  const badge = page.locator('.runtime-badge').first();
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-forced', 'true');
  await expect(badge).toContainText('wasm [forced]');
  const got = await shownNumbers(page);
  const cpuPage = await browser.newPage();
  await openDemo(cpuPage, `backend=cpu&${FIXED}`);
  await expect(cpuPage.locator('.runtime-badge').first()).toHaveAttribute('data-backend', 'cpu');
  const ref = await shownNumbers(cpuPage);
  await cpuPage.close();
  expect(got.table.length).toBe(81);
  expect(Math.max(...got.table.map((v, i) => Math.abs(v - ref.table[i]!)))).toBeLessThanOrEqual(TOL);
});

test('step mode: Korean text updates the heatmap; bad input gets a message; keyboard moves the query', async ({ page }) => {
  await openDemo(page, 'attn-weights=random&attn-d=16&attn-h=2');
  const firstMap = page.locator('.attn-step .attn-heatmap').first();
  const before = await firstMap.innerHTML();
  const text = page.getByLabel(/문장/);
  await text.fill('고양이가 매트 위에 앉았다 그리고 잠들었다');
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '6');
  await expect(page.locator('.attn-token').first()).toHaveText('고양이가');
  await expect(firstMap.locator('rect[data-i]')).toHaveCount(36);
  expect(await firstMap.innerHTML()).not.toBe(before);
  await expect(page.locator('.attn-step .attn-table caption')).toContainText('헤드 1');
  expect(new URL(page.url()).searchParams.get('attn-text')).toBe('고양이가 매트 위에 앉았다 그리고 잠들었다');

  // Too long: a Korean message, the last good view stays, the typed text is kept.
  const long = Array.from({ length: 70 }, (_, i) => `단어${i}`).join(' ');
  await text.fill(long);
  await expect(page.locator('.attn-step .attn-msg')).toContainText('토큰이 70개');
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '6');
  await expect(text).toHaveValue(long);
  await text.fill('   ');
  await expect(page.locator('.attn-step .attn-msg')).toContainText('문장을 입력하세요');
  await text.fill('나는 학생이다');

  // Keyboard: arrow keys move the selected query token (and the URL follows).
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '2');
  await page.locator('.attn-token[aria-pressed="true"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.attn-token[aria-pressed="true"]')).toHaveText('학생이다');
  await expect(page.locator('.attn-token[aria-pressed="true"]')).toBeFocused();
  await expect(page.locator('[data-testid="attn-formula"]')).toContainText('학생이다');
  expect(new URL(page.url()).searchParams.get('attn-q')).toBe('1');
});

test("language model on the reader's text: trained weights, the finding, loss below unigram; random mode is labelled", async ({ page }) => {
  await openDemo(page, '');
  const panel = page.locator('[data-testid="attn-lm"]');
  await expect(panel).toHaveAttribute('data-source', 'lm');
  await expect(page.locator('.attn-step .attn-msg')).toContainText('학습된 작은 언어 모델');
  const loss = (await page.locator('[data-testid="attn-lm-loss"]').textContent()) ?? '';
  const m = /손실 ([\d.]+) nat — .*기준선 ([\d.]+) nat/.exec(loss);
  expect(m, loss).not.toBeNull();
  expect(Number(m![1])).toBeLessThan(Number(m![2]));
  // The finding names a head and its previous-token share next to the uniform share.
  await expect(page.locator('[data-testid="attn-finding"]')).toContainText(/층 \d · 헤드 \d.*[\d.]+%.*[\d.]+%/);
  await expect(page.locator('[data-testid="attn-finding"]')).toHaveAttribute('data-verdict', /clear|weak|none/);

  const text = page.locator('#attn-text');
  await text.fill("The student didn't read the paper.");
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '7');
  await expect(page.locator('.attn-token').nth(2)).toHaveText("didn't");
  await expect(page.locator('[data-testid="attn-next"]')).toContainText('%');
  // Causal: the first query sees only itself; every heatmap row sums to 1 over j <= i.
  const firstRow = await page
    .locator('.attn-table-details .attn-table tbody tr')
    .first()
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-w')));
  expect(firstRow.slice(1).every((w) => w === 'masked')).toBe(true);
  await text.fill('어텐션은 질의와 키의 내적으로 가중치를 정합니다.');
  await expect(page.locator('.attn-token').first()).toHaveText('어텐션은');
  await expect(page.locator('.attn-step')).toHaveAttribute('data-tokens', '7');
  await expect(page.locator('[data-testid="attn-lm"] tbody tr')).toHaveCount(4);

  // Random weights: clearly labelled as meaningless.
  await page.locator('#attn-weights').selectOption('random');
  await expect(page.locator('[data-testid="attn-random-warning"]')).toContainText('무작위');
  await expect(page.locator('.attn-step .attn-msg')).toContainText('무작위 가중치 (학습 전)');
});

test('stepper: Q → K → V → QKᵀ → ÷√d → mask → softmax → ·V one step at a time, terms and cells linked', async ({ page }) => {
  await openDemo(page, `attn-text=${encodeURIComponent('나는 어제 논문을 읽었다.')}`);
  const st = page.locator('[data-testid="stepper"]');
  await expect(st).toHaveAttribute('data-stage', '0');
  const descs = new Set<string>();
  for (let k = 0; k < 8; k++) {
    await expect(st).toHaveAttribute('data-stage', String(k));
    await expect(st.locator(`.attn-mat-wrap.cur table[data-matrix="${k}"]`)).toHaveCount(1);
    await expect(st.locator(`.attn-term.cur[data-stage="${k}"]`).first()).toBeVisible();
    descs.add((await page.locator('[data-testid="stepper-desc"]').textContent()) ?? '');
    if (k < 7) await st.getByRole('button', { name: /다음 단계/ }).click();
  }
  expect(descs.size).toBe(8);
  await expect(st.getByRole('button', { name: /다음 단계/ })).toBeDisabled();
  // K and V are shown (stage 7 shows A, V and Z).
  await expect(st.locator('table[data-matrix="2"] tbody tr')).toHaveCount(5);
  // Keyboard: ← goes back one stage, Home to the start.
  await st.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(st).toHaveAttribute('data-stage', '6');
  await page.keyboard.press('Home');
  await expect(st).toHaveAttribute('data-stage', '0');
  // Tap a term: jumps to the stage that makes it and lights its cells.
  await st.locator('.attn-term[data-stage="3"]').click();
  await expect(st).toHaveAttribute('data-stage', '3');
  await expect(st.locator('table[data-matrix="3"]')).toHaveClass(/lit/);
  // Tap a cell: its number and formula appear (no hover needed), the term is marked.
  await st.locator('table[data-matrix="3"] tbody tr').nth(2).locator('td').nth(1).click();
  await expect(page.locator('[data-testid="stepper-cell"]')).toContainText(/S\[2, 1\] = q_2 · k_1 = −?[\d.]+/);
  await expect(st.locator('.attn-term.on[data-stage="3"]')).toHaveCount(1);
  await st.locator('.attn-term[data-stage="5"]').click();
  await st.locator('table[data-matrix="5"] tbody tr').nth(0).locator('td').nth(3).click();
  await expect(page.locator('[data-testid="stepper-cell"]')).toContainText('−∞');
});

test('phone and dark mode: heatmaps not white, chart text ≥ 11 px, long formula scrolls with a cue', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const long = Array.from({ length: 14 }, (_, i) => `단어${i}`).join(' ');
  await openDemo(page, `attn-text=${encodeURIComponent(long)}`);
  const bg = await page
    .locator('.attn-step .attn-cells-bg')
    .first()
    .evaluate((r) => getComputedStyle(r).fill);
  expect(bg).not.toMatch(/rgb\(255, 255, 255\)|#fff/);
  const sizes = await page.locator('attention-demo svg text').evaluateAll((ts) =>
    ts
      .filter((t) => (t as SVGTextElement).getBoundingClientRect().width > 0)
      .map((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.getBoundingClientRect().width);
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      }),
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  const f = page.locator('[data-testid="attn-formula"]');
  const over = await f.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(await f.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
  await expect(page.locator('[data-testid="attn-scroll-cue"]')).toBeVisible({ visible: over });
  expect(over).toBe(true);
});

test('trained mode: the checkpoint loads with learned attention, and in-page training raises accuracy', async ({ page }) => {
  await openDemo(page, 'attn-mode=trained');
  const acc = page.locator('.attn-acc');
  await expect(acc).toHaveAttribute('data-token', /.+/, { timeout: 90_000 });
  await expect(page.locator('.attn-trained')).toHaveAttribute('data-maps-version', /.+/);
  expect(Number(await acc.getAttribute('data-token'))).toBeGreaterThan(0.95);
  await expect(page.locator('.attn-pred')).toContainText('✓');
  // Learned layer-2 attention is the anti-diagonal: position i looks at 7 − i.
  const anti = await page
    .locator('.attn-trained .attn-table')
    .nth(2)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r, i) => Number(r.querySelectorAll('td')[7 - i]?.getAttribute('data-w'))));
  expect(Math.min(...anti)).toBeGreaterThan(0.5);
  // The axis labels are explained and the line plot has a key for the heads.
  await expect(page.locator('[data-testid="attn-labels-hint"]')).toContainText('「0:3」');
  await expect(page.locator('[data-testid="attn-lines-key"] .attn-key-item')).toHaveCount(2);

  const ckptToken = (await acc.getAttribute('data-token')) ?? '';
  await page.getByRole('button', { name: '무작위 초기화' }).click();
  await expect(page.locator('.attn-trained')).toHaveAttribute('data-loaded', 'random');
  await expect(acc).not.toHaveAttribute('data-token', ckptToken);
  await expect(acc).toHaveAttribute('data-steps', '0');
  const start = Number(await acc.getAttribute('data-token'));
  expect(start).toBeLessThan(0.4);
  await page.getByRole('button', { name: '학습 시작' }).click();
  await expect
    .poll(async () => Number(await acc.getAttribute('data-token')), { timeout: 100_000, intervals: [1000] })
    .toBeGreaterThan(start + 0.12);
  expect(Number(await acc.getAttribute('data-steps'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: '학습 멈춤' }).click();
  await expect(page.locator('.attn-trained')).toHaveAttribute('data-training', 'false');
});

test('@webgpu a lost WebGPU device falls back to the next backend without a reload', async ({ page }, info) => {
  test.skip(info.project.name !== 'chromium-webgpu', 'needs a WebGPU adapter (chromium-webgpu project)');
  // Keep a handle on every device tfjs creates, so the test can destroy it (device.lost resolves).
  await page.addInitScript(() => {
    const w = window as unknown as { __devices: GPUDevice[] };
    w.__devices = [];
    const orig = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args: Parameters<GPUAdapter['requestDevice']>) {
      const d = await orig.apply(this, args);
      w.__devices.push(d);
      return d;
    };
  });
  await openDemo(page, FIXED);
  const badge = page.locator('.runtime-badge').first();
  await expect(badge).toHaveAttribute('data-backend', 'webgpu');
  const before = await shownNumbers(page);
  const computed = Number(await page.locator('.attn-step').getAttribute('data-computed'));
  const origin = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate(() => {
    for (const d of (window as unknown as { __devices: GPUDevice[] }).__devices) d.destroy();
  });
  await expect(badge).not.toHaveAttribute('data-backend', 'webgpu', { timeout: 60_000 });
  await expect(badge).toContainText('device lost');
  await expect.poll(async () => Number(await page.locator('.attn-step').getAttribute('data-computed'))).toBeGreaterThan(computed);
  const after = await shownNumbers(page);
  expect(Math.max(...after.table.map((v, i) => Math.abs(v - before.table[i]!)))).toBeLessThanOrEqual(TOL);
  expect(await page.evaluate(() => performance.timeOrigin)).toBe(origin); // same document: no reload
});
