/**
 * The mini PAMAP2 KD run on the KD method page, in real Chromium: the default run completes
 * in the Web Worker while the page keeps updating and shows the metric table (with the
 * majority baseline; no model at or below chance, none answering one class), the probability
 * bars of a chosen test window and the agreement curves; the α comparison re-trains only the
 * KD student (the worker's counter of phases trained); a shared URL restores the controls;
 * cancel then start again leaks no tensors; a malformed .dat is refused with file + line and
 * the real excerpt file loads. Runs in chromium-fallback; tests tagged @webgpu also in
 * chromium-webgpu (where the WebGPU training steps are compared with the CPU's).
 * The default run is trained once and shared by the focused tests of the first group; how long
 * it takes and the longest main-thread task are reported by `npm run bench:main-thread`, not asserted.
 */
import { test, expect, type Page } from '@playwright/test';
import { KD_PAGE, leakReadout, openKdPage, trainedCounts, waitDone } from './kd-helpers';

const PAGE = KD_PAGE;
const open = (page: Page): Promise<void> => openKdPage(page);

const PHASES = ['teacher-gaf', 'teacher-signal', 'student-ce', 'student-kd'] as const;

test.describe
  .serial('the default KD run, trained once @webgpu', () => {
    let page: Page;
    /** What the page showed while the worker was still training (read once the first loss curve had points). */
    let midRun: { done: string | null; cancelEnabled: boolean; state: string | null };
    /** The epochs control and the table's chance level, read after the run. */
    let epochs: number;
    let chance: number;

    test.beforeAll(async ({ browser }) => {
      test.setTimeout(300_000);
      page = await browser.newPage();
      await open(page);
      await expect(page.getByTestId('kd-badge')).not.toHaveAttribute('data-backend', 'none');
      await page.getByTestId('kd-start').click();
      // Training runs in the worker: the page draws a phase's curve and keeps its cancel button
      // live while the run goes on (a main thread blocked by training could do neither until the end).
      const firstCurve = page.locator('svg.kd-curve[data-phase="teacher-gaf"] polyline.kd-loss');
      await expect(firstCurve).toHaveAttribute('points', /\d/, { timeout: 120_000 });
      midRun = {
        done: await page.locator('kd-run-demo').getAttribute('data-done'),
        cancelEnabled: await page.getByTestId('kd-cancel').isEnabled(),
        state: await page.getByTestId('kd-row-student-kd').getAttribute('data-state'),
      };
      await waitDone(page);
      epochs = Number(await page.getByTestId('kd-epochs').inputValue());
      chance = Number(await page.getByTestId('kd-table').getAttribute('data-chance'));
    });

    test.afterAll(async () => {
      await page?.close();
    });

    test('the backend badge names a backend; on wasm the WASM SIMD kernels run in the worker', async () => {
      const badge = page.getByTestId('kd-badge');
      await expect(badge).not.toHaveAttribute('data-backend', 'none');
      // On wasm (what software GPUs get for training) the fast path's WASM SIMD kernels must run in the worker.
      if ((await badge.getAttribute('data-backend')) === 'wasm') {
        await expect(page.locator('kd-run-demo')).toHaveAttribute('data-wasm-kernels', 'on');
        await expect(page.getByTestId('kd-backend-note')).toContainText('WASM SIMD 커널');
      }
    });

    test('on the bundled excerpt the split is the stratified window split (LOSO is degenerate there)', async () => {
      await expect(page.getByTestId('kd-split')).toHaveValue('window');
      await expect(page.getByTestId('kd-fold')).toBeHidden();
      await expect(page.getByTestId('kd-data-summary')).toContainText('윈도우 단위 층화 분할 (LOSO 아님)');
    });

    test('the page updates while the worker trains: a curve drawn and cancel live before the run ends', async () => {
      expect(midRun.done).not.toBe('true');
      expect(midRun.cancelEnabled).toBe(true);
      expect(midRun.state).not.toBe('done');
    });

    test('every phase is done with finite numbers, above chance, answering more than one class', async () => {
      expect(chance).toBeCloseTo(100 / 12, 5); // the window split tests every class
      for (const phase of PHASES) {
        const row = page.getByTestId(`kd-row-${phase}`);
        await expect(row).toHaveAttribute('data-state', 'done');
        const cells = await row.locator('td.num').allTextContents();
        for (const c of cells.slice(0, 3)) expect(Number.isFinite(Number.parseFloat(c)), `${phase}: "${c}"`).toBe(true);
        // Nothing at or below chance, nothing that answers a single class for every window.
        expect(Number(await row.getAttribute('data-acc')), phase).toBeGreaterThan(chance);
        expect(Number(await row.getAttribute('data-classes')), phase).toBeGreaterThan(1);
      }
      await expect(page.getByTestId('kd-row-student-kd')).toContainText('학생 + 두 교사 KD');
    });

    test('each phase has a loss curve and one accuracy dot per epoch', async () => {
      for (const phase of PHASES) {
        await expect(page.locator(`svg.kd-curve[data-phase="${phase}"] polyline.kd-loss`)).toHaveAttribute('points', /\d+(\.\d+)?,\d/);
        await expect(page.locator(`svg.kd-curve[data-phase="${phase}"] circle.kd-acc-dot`)).toHaveCount(epochs);
      }
    });

    test('the baseline row is the training majority; the note states chance and one window’s worth', async () => {
      // Always the training majority; its accuracy is that class's share of the test windows.
      const base = page.getByTestId('kd-row-baseline');
      await expect(base).toContainText('누워 있기');
      expect(Number(await base.getAttribute('data-acc'))).toBeCloseTo((100 * 2) / 13, 5);
      await expect(page.getByTestId('kd-table-note')).toContainText('우연 수준');
      await expect(page.getByTestId('kd-table-note')).not.toContainText('100.0%');
      // One test window's worth of accuracy, beside the table (computed from the split's 13 test windows).
      await expect(page.getByTestId('kd-one-window')).toContainText(`${(100 / 13).toFixed(1)}%p`);
    });

    test('the confusion matrix is 12 × 12', async () => {
      await expect(page.getByTestId('kd-confusion').locator('rect')).toHaveCount(144);
    });

    test('agreement and KL of the KD student with each teacher: one point per epoch', async () => {
      for (const chart of ['kd-fit-agree', 'kd-fit-kl']) {
        for (const series of ['gaf', 'sig'])
          await expect(page.getByTestId(chart).locator(`circle[data-series="${series}"]`)).toHaveCount(epochs);
        await expect(page.getByTestId(chart).locator('polyline[data-series="ce-gaf"]')).toHaveCount(1);
      }
    });

    test('the worker leaks no tensors over the run', async () => {
      expect((await leakReadout(page)).leaked).toBe(0);
    });

    test('probability bars for a chosen window: 4 models × 12 classes × (T = 1, T), each T = 1 set sums to 1', async () => {
      await page.getByTestId('kd-window').selectOption('2');
      await expect(page.getByTestId('kd-bars-caption')).toContainText('평가 윈도우 #3');
      await expect(page.getByTestId('kd-bars').locator('rect.kd-bar')).toHaveCount(4 * 12 * 2);
      const sums = await page
        .getByTestId('kd-bars')
        .locator('g[data-phase]')
        .evaluateAll((gs) =>
          gs.map((g) => [...g.querySelectorAll('rect.kd-bar[data-t="1"]')].reduce((a, r) => a + Number(r.getAttribute('data-p')), 0)),
        );
      for (const v of sums) expect(v).toBeCloseTo(1, 2);
      expect(page.url()).toContain('kd-win=2');
    });

    test('the compact bar refuses an invalid α beside it; corrected, both copies agree', async () => {
      await expect(page.getByTestId('kd-quickbar')).toBeVisible();
      await page.getByTestId('kd-q-alpha').fill('1.5');
      await expect(page.getByTestId('kd-msg-q-alpha')).toContainText('0 이상 1 이하');
      await expect(page.getByTestId('kd-rerun')).toBeDisabled();
      await page.getByTestId('kd-q-alpha').fill('0.7');
      await expect(page.getByTestId('kd-msg-q-alpha')).toBeHidden();
      await expect(page.getByTestId('kd-rerun')).toBeEnabled();
      await expect(page.getByTestId('kd-alpha')).toHaveValue('0.7');
    });

    test('export: the student-with-KD run as an artifact JSON', async () => {
      // Sweep schema, checked in the page.
      const download = page.waitForEvent('download');
      await page.getByTestId('kd-export-student-kd').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^browser-student-kd-.*\.json$/);
    });
  });

test('settings that give no meaningful number are refused at the input, in Korean; nothing runs; diagnostics stay folded', async ({
  page,
}) => {
  await open(page);
  const start = page.getByTestId('kd-start');
  // No empty boxes before a run; the developer readouts sit behind a closed toggle.
  await expect(page.getByTestId('kd-results')).toBeHidden();
  await expect(page.getByTestId('kd-tensors')).toBeHidden();
  await expect(page.getByTestId('kd-scale')).not.toContainText('src/islands');
  await page.getByTestId('kd-diag').locator('summary').click();
  await expect(page.getByTestId('kd-tensors')).toBeVisible();
  await expect(page.getByTestId('kd-counts')).toContainText('실제로 학습한 횟수');

  // LOSO on the excerpt: every fold's test classes are absent from its training windows.
  await expect(page.getByTestId('kd-split').locator('option[value="loso"]')).toContainText('평가 불가');
  await page.getByTestId('kd-split').selectOption('loso');
  const folds = await page
    .getByTestId('kd-fold')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(folds.length).toBeGreaterThan(1);
  for (const f of folds) {
    await page.getByTestId('kd-fold').selectOption(f);
    await expect(page.getByTestId('kd-split-msg'), f).toContainText(`피험자 ${f}`);
    await expect(page.getByTestId('kd-split-msg'), f).toContainText('학습 윈도우에 하나도 없습니다');
    await expect(start, f).toBeDisabled();
  }
  await page.getByTestId('kd-split').selectOption('window');
  await expect(page.getByTestId('kd-split-msg')).toBeHidden();
  await expect(start).toBeEnabled();

  // Out of range, zero temperature, empty: a message beside the field, start off, the URL keeps the last valid value.
  for (const [id, bad, says, good] of [
    ['alpha', '1.5', '0 이상 1 이하', '0.5'],
    ['temperature', '0', '0.5 이상 20 이하', '3'],
    ['epochs', '', '비어 있습니다', '4'],
    ['lambda', '-0.1', '0 이상 1 이하', '0.9'],
  ] as const) {
    const key = { alpha: 'kd-alpha', temperature: 'kd-T', epochs: 'kd-epochs', lambda: 'kd-lambda' }[id];
    const before = new URL(page.url()).searchParams.get(key);
    await page.getByTestId(`kd-${id}`).fill(bad);
    await expect(page.getByTestId(`kd-msg-${id}`), id).toBeVisible();
    await expect(page.getByTestId(`kd-msg-${id}`), id).toContainText(says);
    await expect(page.getByTestId(`kd-${id}`)).toHaveAttribute('aria-invalid', 'true');
    await expect(start, id).toBeDisabled();
    expect(new URL(page.url()).searchParams.get(key), id).toBe(before);
    await page.getByTestId(`kd-${id}`).fill(good);
    await expect(page.getByTestId(`kd-msg-${id}`), id).toBeHidden();
    await expect(start, id).toBeEnabled();
    await expect.poll(() => new URL(page.url()).searchParams.get(key), { message: id }).toBe(good);
  }
  // Nothing ran, and no raw schema error reached the reader.
  expect(await trainedCounts(page)).toEqual({ 'teacher-gaf': 0, 'teacher-signal': 0, 'student-ce': 0, 'student-kd': 0 });
  await expect(page.getByTestId('kd-status')).not.toContainText('설정 오류');
  await expect(page.getByTestId('kd-results')).toBeHidden();
});

test('cancel mid-run, then start again: no error, no leaked tensors', async ({ page }) => {
  test.setTimeout(300_000);
  await open(page);
  await page.getByTestId('kd-start').click();
  // Cancel once the first phase has reported training progress.
  await expect(page.locator('svg.kd-curve[data-phase="teacher-gaf"] polyline.kd-loss')).toHaveAttribute('points', /\d/, {
    timeout: 120_000,
  });
  await page.getByTestId('kd-cancel').click();
  await expect(page.getByTestId('kd-status')).toContainText('취소했습니다', { timeout: 120_000 });
  await expect(page.getByTestId('kd-tensors')).toHaveAttribute('data-when', 'after cancel');
  expect((await leakReadout(page)).leaked).toBe(0);
  await expect(page.locator('kd-run-demo')).not.toHaveAttribute('data-error', /.*/);

  await page.getByTestId('kd-start').click();
  await waitDone(page);
  const r = await leakReadout(page);
  expect(r.when).toBe('idle');
  expect(r.leaked).toBe(0);
  await expect(page.getByTestId('kd-row-student-kd')).toHaveAttribute('data-state', 'done');
});

test('a .dat with a wrong column count is refused naming file and line; the real excerpt file loads', async ({ page }) => {
  await open(page);
  const before = await page.getByTestId('kd-data-summary').textContent();
  await page.getByTestId('kd-file').setInputFiles('test/fixtures/kd/subject102.wrong-columns.dat');
  const err = page.getByTestId('kd-data-error');
  await expect(err).toBeVisible({ timeout: 60_000 });
  await expect(err).toContainText('subject102.wrong-columns.dat');
  await expect(err).toContainText(':237');
  await expect(err).toContainText('54');
  // Nothing lost: the bundled data is still the loaded data.
  await expect(page.getByTestId('kd-data-summary')).toHaveText(before ?? '');

  await page.getByTestId('kd-file').setInputFiles('data/pamap2/subject101.first10000.dat');
  await expect(page.getByTestId('kd-data-summary')).toContainText('subject101.first10000.dat', { timeout: 60_000 });
  await expect(err).toBeHidden();
  // 10,000 rows at 100 Hz → 7,072 lying rows → 2,358 rows at 33.3 Hz → 102 windows (computed by the page).
  await expect(page.getByTestId('kd-data-summary')).toContainText('윈도우 102개');
});

test("the lab's PyTorch teacher checkpoints replace the trained teachers", async ({ page }) => {
  test.setTimeout(300_000);
  await open(page);
  await page.getByTestId('kd-teachers').selectOption('checkpoint');
  await page.getByTestId('kd-gaf-size').selectOption('64'); // the lab's image teacher saw 64×64 GAF
  await page.getByTestId('kd-ckpt-gaf').setInputFiles('data/checkpoints/wrn161_0_image.pth.tar');
  await page.getByTestId('kd-ckpt-signal').setInputFiles('data/checkpoints/wrn161_0_signal.pth.tar');
  await expect(page.getByTestId('kd-status')).toContainText('wrn161_0_signal.pth.tar');
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  for (const phase of ['teacher-gaf', 'teacher-signal']) {
    await expect(page.getByTestId(`kd-row-${phase}`)).toContainText('체크포인트');
    const best = Number(await page.getByTestId(`kd-row-${phase}`).getAttribute('data-best'));
    expect(Number.isFinite(best)).toBe(true);
  }
  await expect(page.getByTestId('kd-row-student-kd')).toHaveAttribute('data-state', 'done');
  expect((await leakReadout(page)).leaked).toBe(0);
});

test('changing α re-runs only the KD student; after a reload the teachers come from IndexedDB', async ({ page }) => {
  test.setTimeout(300_000);
  await open(page);
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  expect(await trainedCounts(page)).toEqual({ 'teacher-gaf': 1, 'teacher-signal': 1, 'student-ce': 1, 'student-kd': 1 });

  await page.locator('[data-role="alpha"]').fill('0.3');
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  // The worker counts the phases it actually trained: only the KD student again.
  expect(await trainedCounts(page)).toEqual({ 'teacher-gaf': 1, 'teacher-signal': 1, 'student-ce': 1, 'student-kd': 2 });
  await expect(page.getByTestId('kd-row-student-kd')).toHaveAttribute('data-state', 'done');

  await page.reload();
  await open(page);
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  for (const phase of ['teacher-gaf', 'teacher-signal', 'student-ce'])
    await expect(page.getByTestId(`kd-row-${phase}`)).toContainText('캐시');
  await expect(page.getByTestId('kd-row-student-kd')).toContainText('방금 학습');
  expect(await trainedCounts(page)).toEqual({ 'teacher-gaf': 0, 'teacher-signal': 0, 'student-ce': 0, 'student-kd': 1 });
  expect((await leakReadout(page)).leaked).toBe(0);
});

test('the α comparison re-trains only the KD student and shows agreement with each teacher per α @webgpu', async ({ page }) => {
  test.setTimeout(300_000);
  await open(page);
  await expect(page.getByTestId('kd-compare')).toBeDisabled(); // no teachers yet
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  const before = await trainedCounts(page);
  await page.getByTestId('kd-compare').click();
  await expect(page.getByTestId('kd-alpha-chart')).toHaveAttribute('data-points', '3', { timeout: 240_000 });
  const after = await trainedCounts(page);
  expect(after).toEqual({ ...before, 'student-kd': before['student-kd'] + 3 });
  const rows = page.getByTestId('kd-alpha-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset['alpha']))).toEqual(['0', '0.5', '1']);
  for (const series of ['gaf', 'sig'])
    await expect(page.getByTestId('kd-alpha-chart').locator(`circle[data-series="${series}"]`)).toHaveCount(3);
  // The page states, with the numbers, how often the teachers agree and what moved.
  await expect(page.getByTestId('kd-alpha-note')).toContainText('두 교사는 평가 윈도우');
  await expect(page.getByTestId('kd-alpha-note')).toContainText('GAF 교사와의 일치율');
  expect((await leakReadout(page)).leaked).toBe(0);
});

test('a shared URL restores the KD controls; bad values fall back with a note @webgpu', async ({ page }) => {
  const q = '?kd-alpha=0.3&kd-lambda=0.5&kd-T=2&kd-epochs=3&kd-seed=7&kd-gaf=8&kd-arch=wrn16-3&kd-split=window&kd-cm=teacher-signal';
  await page.goto(`${PAGE}${q}`);
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 60_000 });
  for (const [id, v] of [
    ['kd-alpha', '0.3'],
    ['kd-lambda', '0.5'],
    ['kd-temperature', '2'],
    ['kd-epochs', '3'],
    ['kd-seed', '7'],
    ['kd-gaf-size', '8'],
    ['kd-arch', 'wrn16-3'],
    ['kd-split', 'window'],
    ['kd-cm-phase', 'teacher-signal'],
  ] as const) {
    await expect(page.getByTestId(id), id).toHaveValue(v);
  }
  await expect(page.getByTestId('kd-url-note')).toBeHidden();
  // A change goes back into the URL (so copying the address shares it).
  await page.getByTestId('kd-alpha').fill('0.9');
  await page.getByTestId('kd-alpha').blur();
  await expect.poll(() => new URL(page.url()).searchParams.get('kd-alpha')).toBe('0.9');

  await page.goto(`${PAGE}?kd-alpha=7&kd-epochs=abc&kd-T=4`);
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('kd-url-note')).toBeVisible();
  await expect(page.getByTestId('kd-url-note')).toContainText('kd-alpha=7');
  await expect(page.getByTestId('kd-url-note')).toContainText('kd-epochs=abc');
  await expect(page.getByTestId('kd-alpha')).toHaveValue('0.7');
});

test('same URL, same backend and seed: the same numbers', async ({ browser }) => {
  test.setTimeout(300_000);
  const q = '?kd-epochs=3&kd-gaf=8&kd-seed=11&kd-alpha=0.5';
  const runOnce = async (): Promise<string[]> => {
    const ctx = await browser.newContext(); // a fresh IndexedDB: everything trained again
    const page = await ctx.newPage();
    await page.goto(`${PAGE}${q}`);
    await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 60_000 });
    await page.getByTestId('kd-start').click();
    await waitDone(page);
    const out = await page
      .getByTestId('kd-table')
      .locator('tbody tr')
      .evaluateAll((rs) =>
        rs.map((r) => `${(r as HTMLElement).dataset['phase']}:${(r as HTMLElement).dataset['acc']}:${(r as HTMLElement).dataset['f1']}`),
      );
    await ctx.close();
    return out;
  };
  const a = await runOnce();
  expect(a).toHaveLength(5);
  expect(await runOnce()).toEqual(a);
});

test("WebGPU training steps equal the CPU backend's (losses and weights) @webgpu", async ({ page }, info) => {
  test.skip(info.project.name !== 'chromium-webgpu', 'needs a WebGPU adapter (--enable-unsafe-webgpu)');
  test.setTimeout(240_000);
  const steps = async (backend: string): Promise<{ backend: string; losses: number[]; weights: number[] }> => {
    await page.goto(`${PAGE}?backend=${backend}`);
    await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 60_000 });
    await page
      .locator('kd-run-demo')
      .evaluate((el) => el.dispatchEvent(new CustomEvent('kd-debug-train-steps', { detail: { steps: 5, seed: 1234 } })));
    await expect(page.locator('kd-run-demo')).toHaveAttribute('data-debug-steps', /losses/, { timeout: 120_000 });
    return JSON.parse((await page.locator('kd-run-demo').getAttribute('data-debug-steps'))!) as {
      backend: string;
      losses: number[];
      weights: number[];
    };
  };
  const gpu = await steps('webgpu');
  const cpu = await steps('cpu');
  expect(gpu.backend).toBe('webgpu');
  expect(cpu.backend).toBe('cpu');
  console.log(
    `webgpu losses ${gpu.losses.map((l) => l.toFixed(5))}, cpu ${cpu.losses.map((l) => l.toFixed(5))}; max |Δweight| ${Math.max(...gpu.weights.map((w, i) => Math.abs(w - cpu.weights[i]!))).toExponential(2)}`,
  );
  // Float32 on both; the backends sum in different orders (the CPU runs the fast JS path, WebGPU tfjs's
  // shaders), so five SGD steps agree to about 1e-5 here. 1e-3 still fails a wrong gradient or a
  // shader bug, which moves the first loss after one step by far more.
  expect(gpu.losses).toHaveLength(5);
  gpu.losses.forEach((l, i) =>
    expect(Math.abs(l - cpu.losses[i]!), `loss ${i}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(cpu.losses[i]!))),
  );
  expect(gpu.weights).toHaveLength(cpu.weights.length);
  gpu.weights.forEach((w, i) => expect(Math.abs(w - cpu.weights[i]!), `weight ${i}`).toBeLessThan(1e-3));
});

test('WebGPU device lost mid-run: the run falls back and finishes @webgpu', async ({ page }, info) => {
  test.skip(info.project.name !== 'chromium-webgpu', 'needs a WebGPU adapter (--enable-unsafe-webgpu)');
  test.setTimeout(400_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A short run: on the software adapter every phase really trains on WebGPU (about 50 s per default phase here).
  await page.goto(`${PAGE}?backend=webgpu&kd-epochs=2&kd-gaf=8`);
  await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('kd-badge')).toHaveAttribute('data-backend', 'webgpu');
  await page.getByTestId('kd-start').click();
  await expect(page.getByTestId('kd-row-teacher-signal')).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
  await page.locator('kd-run-demo').evaluate((el) => el.dispatchEvent(new Event('kd-debug-lose-device')));
  await waitDone(page, 300_000);
  await expect(page.getByTestId('kd-badge')).not.toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('kd-backend-note')).toContainText('WebGPU 장치를 잃어');
  const best = Number(await page.getByTestId('kd-row-student-kd').getAttribute('data-best'));
  expect(Number.isFinite(best)).toBe(true);
  // The worker's last readout of the run ('idle', after run-done). Nothing from the lost device may
  // survive the fallback, not even a readback in flight when it was lost (eval logits, (N, K)): its
  // rejected data() must still dispose (demos/kd/train/predict.ts).
  await expect(page.getByTestId('kd-tensors')).toHaveAttribute('data-when', 'idle');
  const mem = await leakReadout(page);
  console.log(
    `after device loss: ${await page.getByTestId('kd-badge').getAttribute('data-backend')}, tensors ${await page.getByTestId('kd-tensors').textContent()}, leaked ${mem.leaked}`,
  );
  expect(mem.leaked).toBe(0);
  expect(errors).toEqual([]);
});

test('the UCI zip layout is read in the worker (Protocol/ only)', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const { zipSync } = await import('fflate');
  const real = new Uint8Array(readFileSync('data/pamap2/subject101.first10000.dat'));
  const zip = zipSync({
    'PAMAP2_Dataset/Protocol/subject101.dat': real,
    // Optional/ is not part of the protocol (§1): the reader must skip it.
    'PAMAP2_Dataset/Optional/subject101.dat': new TextEncoder().encode('not read\n'),
    'PAMAP2_Dataset/readme.pdf': new Uint8Array([37, 80, 68, 70]),
  });
  await open(page);
  await page.getByTestId('kd-file').setInputFiles({ name: 'PAMAP2_Dataset.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByTestId('kd-data-summary')).toContainText('PAMAP2_Dataset.zip', { timeout: 60_000 });
  await expect(page.getByTestId('kd-data-summary')).toContainText('윈도우 102개');
  await expect(page.getByTestId('kd-data-error')).toBeHidden();
});
