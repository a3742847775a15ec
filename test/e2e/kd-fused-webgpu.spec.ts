import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FusedShape } from '../../demos/kd/fused/plan';
import type { FusedReport } from './kd-fused/entry';

// The fused WebGPU WRN step (demos/kd/fused) against tfjs on its WebGPU backend, in Chromium's
// software adapter: same weights, same 5 KD batches, loss and every tensor within 1e-4
// relative; and per step ≤ 120 dispatches, ≤ 2 submissions, no GPU→CPU read. The CPU time to
// encode a step (fastest and median of 8 timed steps) is reported, not asserted (see below).
// The page is a blank one served by page.route from an esbuild bundle of ./kd-fused/entry.ts,
// so the site's build is not involved (only its origin, for a secure context).

const OUT = join('.work', 'kd-fused-e2e');
const shapes: FusedShape[] = [
  { dims: 1, depth: 16, widen: 1, inChannels: 6, numClasses: 12, batch: 4, spatial: [20], teachers: 2 },
  { dims: 2, depth: 16, widen: 1, inChannels: 3, numClasses: 12, batch: 2, spatial: [8, 8], teachers: 2 },
  // A teacher's step: CE only; widen 2 adds the stage-1 shortcut.
  { dims: 1, depth: 16, widen: 2, inChannels: 6, numClasses: 12, batch: 4, spatial: [20], teachers: 0 },
];

test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  const r = spawnSync(
    join('node_modules', '.bin', 'esbuild'),
    [
      'test/e2e/kd-fused/entry.ts',
      '--bundle',
      '--format=esm',
      '--target=es2022',
      '--log-level=warning',
      `--outfile=${join(OUT, 'entry.js')}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test('fused WRN step equals tfjs-webgpu after 5 SGD steps, in ≤ 120 dispatches, ≤ 2 submits, 0 reads per step @webgpu', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'chromium-webgpu', 'needs the software WebGPU adapter (--enable-unsafe-webgpu)');
  test.setTimeout(900_000); // software WebGPU on a shared 2-core machine: tfjs's ~1,900 kernels a step are slow there
  await page.route('**/__kd-fused/**', (route) => {
    const js = route.request().url().endsWith('.js');
    return route.fulfill({
      contentType: js ? 'text/javascript' : 'text/html',
      body: js
        ? readFileSync(join(OUT, 'entry.js'))
        : '<!doctype html><meta charset="utf-8"><script type="module" src="entry.js"></script>',
    });
  });
  await page.goto('__kd-fused/index.html');
  await page.waitForFunction(() => 'kdFused' in globalThis);
  const steps: { model: string; dispatches: number; submits: number; readbacks: number; encodeMs: number; encodeMsMedian: number }[] = [];
  for (const shape of shapes) {
    const r = await page.evaluate(
      (s) =>
        (globalThis as unknown as { kdFused: { run(s: FusedShape, n: number, extra: number): Promise<FusedReport> } }).kdFused.run(s, 5, 8),
      shape,
    );
    expect(r.perStep).toHaveLength(5);
    expect(r.lossRel, `${r.model}: losses ${r.losses} vs tfjs ${r.tfjsLosses}`).toBeLessThan(1e-4);
    expect(r.tensors).toBeGreaterThan(60);
    expect(r.worst[0]!.rel, `${r.model}: worst tensor ${r.worst[0]!.name}`).toBeLessThan(1e-4);
    for (const c of r.perStep) {
      expect(c.dispatches).toBeLessThanOrEqual(120);
      expect(c.submits).toBeLessThanOrEqual(2);
      expect(c.readbacks).toBe(0);
    }
    // Wall-clock time on a shared machine only grows with contention (a median of 3 ms was seen
    // here at load average 30 on 2 cores): reported, not asserted. What keeps encoding cheap is
    // asserted above by count (dispatches, submissions, no readback); the fastest and the median
    // of the timed steps go to the annotations and the attached JSON (docs/measurements.md).
    const timed = r.encodeMs.slice(5);
    const encodeMs = Math.min(...timed);
    info.annotations.push({ type: `${r.model}: CPU ms to encode a step (fastest, median)`, description: `${encodeMs}, ${median(timed)}` });
    steps.push({ model: r.model, ...r.perStep[4]!, encodeMs, encodeMsMedian: median(timed) });
  }
  // The bench JSON's shape (webgpu.steps), for the record.
  await info.attach('webgpu-steps.json', { body: JSON.stringify({ webgpu: { steps } }, null, 2), contentType: 'application/json' });
  console.log(JSON.stringify({ webgpu: { steps } }));
});

test('trainModelFused: the same epochs as trainModel on tfjs-webgpu (losses, final tensors; shorter last batch) @webgpu', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'chromium-webgpu', 'needs the software WebGPU adapter (--enable-unsafe-webgpu)');
  test.setTimeout(900_000);
  await page.route('**/__kd-fused/**', (route) => {
    const js = route.request().url().endsWith('.js');
    return route.fulfill({
      contentType: js ? 'text/javascript' : 'text/html',
      body: js
        ? readFileSync(join(OUT, 'entry.js'))
        : '<!doctype html><meta charset="utf-8"><script type="module" src="entry.js"></script>',
    });
  });
  await page.goto('__kd-fused/index.html');
  await page.waitForFunction(() => 'kdFused' in globalThis);
  // 10 samples, batch 4: steps of 4, 4, 2 per epoch; 2 epochs with precise BN and evaluation.
  const r = await page.evaluate(
    (s) =>
      (
        globalThis as unknown as {
          kdFused: {
            trainBoth(
              s: FusedShape,
              n: number,
              e: number,
            ): Promise<{ lossRel: number; accuracy: number[][]; worst: { name: string; rel: number }[] }>;
          };
        }
      ).kdFused.trainBoth(s, 10, 2),
    shapes[0]!,
  );
  expect(r.lossRel).toBeLessThan(1e-4);
  expect(r.worst[0]!.rel, r.worst[0]!.name).toBeLessThan(1e-4);
  expect(r.accuracy[0]).toEqual(r.accuracy[1]);
});
