/**
 * npm run bench:kd-run — the in-page KD run's DEFAULT run (demos/kd/run/config.ts, with the
 * split the page picks for the bundled excerpt: split.ts defaultSplitFor) on the real
 * excerpt, on each Node backend here (tfjs cpu and wasm, through the same RunSession +
 * WrnPhaseTrainer the page's worker uses): the duration of each phase with the ratio to the
 * first backend, and, on the first backend, what the reader's table shows (accuracy, macro-F1,
 * balanced accuracy, the most-predicted class's share, the majority baseline) and the α
 * comparison (agreement / KL with each teacher at α 0, 0.5, 1). Numbers come from real runs.
 *
 *   npm run bench:kd-run                      # wasm and cpu
 *   npm run bench:kd-run -- --backends wasm   # one backend
 *   npm run bench:kd-run -- --no-precise-bn   # evaluate with the moving-average BN statistics (to compare)
 *   npm run bench:kd-run -- --browser .work/dist-kd   # also the browser backends (Playwright,
 *                                             # a built site under base /notes/; see kd-run-browser.ts),
 *                                             # wasm on one thread vs threaded (kd-run-threads.ts, --rounds N)
 *                                             # and the page worker's peak memory with a full-size
 *                                             # share (kd-run-memory.ts); the folder defaults to
 *                                             # $ASTRO_OUT_DIR or dist/
 *   npm run bench:kd-run -- --memory [dist]     # the memory measurement alone
 *   … --memory-baseline <dist>                  # also measure another build (e.g. an older commit's) in the same run
 *   npm run bench:kd-run -- --full-share [--json FILE]  # the full-share default run in Chromium vs PyTorch,
 *                                             # the excerpt run and the WebGPU step counts (kd-run-full.ts)
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadavg } from 'node:os';
import { useNodeBackend, type NodeBackend } from '../demos/kd/node/tf-node';
import { defaultConvImpl } from '../demos/kd/conv/index';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData } from '../demos/kd/run/data-summary';
import { runInputs } from '../demos/kd/experiment/inputs';
import { defaultSplitFor } from '../demos/kd/experiment/split';
import { RunSession } from '../demos/kd/run/session';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG } from '../demos/kd/run/config';
import { PHASES, type Phase } from '../demos/kd/experiment/phases';
import type { Wrn } from '../demos/kd/models/wrn';
import { browserPhaseTimes } from './kd-run-browser';
import { browserMemory, printMemory } from './kd-run-memory';
import { printAlphas, printMetrics } from './kd-run-report';
import { INPUT_CLIP } from '../demos/kd/run/input-clip';
import { maxAbs } from '../demos/shared/arrays';
import { hasFlag, option } from '../scripts/cli-args';
import { browserThreadComparison } from './kd-run-threads';
import { fullShareBench } from './kd-run-full';

/** `--browser [dist]`, `--memory [dist]`: a site built with base /notes/ (default $ASTRO_OUT_DIR or dist/). */
function distArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v && !v.startsWith('--') ? v : (process.env['ASTRO_OUT_DIR'] ?? 'dist');
}
async function memoryRows(dist: string): Promise<Array<{ label: string; r: Awaited<ReturnType<typeof browserMemory>> }>> {
  const epochs = Number(option('epochs') ?? 1);
  const rows = [{ label: `this build (${dist})`, r: await browserMemory(dist, { epochs }) }];
  const baseline = option('memory-baseline');
  if (baseline) rows.push({ label: `baseline (${baseline})`, r: await browserMemory(baseline, { epochs }) });
  return rows;
}
if (hasFlag('full-share')) {
  await fullShareBench();
  if (hasFlag('memory')) printMemory(await memoryRows(option('dist') ?? '.work/dist-bench'));
  process.exit(0);
}
const memoryOnly = distArg('memory');
if (memoryOnly) {
  printMemory(await memoryRows(memoryOnly));
  process.exit(0);
}

const backends = (option('backends') ?? 'wasm,cpu').split(',') as NodeBackend[];
const preciseBn = !hasFlag('no-precise-bn');
const config = { ...DEFAULT_CONFIG, split: defaultSplitFor('excerpt') };
const data = await excerptData(await readExcerptTexts());
const fold = runInputs(data.windows, config);
console.log(
  `default run: ${config.split === 'window' ? `window split, seed ${config.seed}` : `LOSO fold ${config.testSubject}`} (train ${fold.signal.train.n} / test ${fold.signal.test.n} windows of the excerpt), ` +
    `teachers ${config.teacherArch}, GAF ${config.gafSize}x${config.gafSize}, epochs ${config.epochs}, batch ${config.batchSize}, lr ${config.learningRate}, α ${config.alpha}, λ ${config.lambda}, T ${config.temperature}; ` +
    `BN statistics for evaluation: ${preciseBn ? 'precise (re-estimated over the training windows)' : 'moving averages (--no-precise-bn)'}`,
);
const problems: string[] = [];
{
  const d = fold.signal.train,
    all = new Float32Array(d.n * 4000);
  d.fill(
    Int32Array.from({ length: d.n }, (_, i) => i),
    all,
  );
  console.log(
    `largest |standardised input| of the training signals: ${maxAbs(all).toFixed(0)} (the models trained here clip to ±${INPUT_CLIP}); ` +
      `class thinning kept ${fold.signal.train.n + fold.signal.test.n} of ${data.windows.n} windows (split.ts classLimit)`,
  );
}

type Times = Record<Phase, number> & { total: number };
const rows: { where: string; t: Times }[] = [];

for (const b of backends) {
  const active = await useNodeBackend(b);
  const impl = defaultConvImpl(active);
  const session = new RunSession<Wrn>(new WrnPhaseTrainer(fold, impl, { preciseBn }), data.summary.dataId, null);
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  const results = await session.run(config, new AbortController().signal, () => {});
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  if (rows.length === 0) {
    problems.push(...printMetrics(results, fold.signal.train.y, fold.signal.test.y));
    const t1 = performance.now();
    printAlphas(await session.compareAlphas(config, [0, 0.5, 1], new AbortController().signal, () => {}), config.temperature);
    console.log(
      `α comparison: ${((performance.now() - t1) / 1000).toFixed(2)} s (3 KD students; teachers trained ${session.trained['teacher-gaf']}× / ${session.trained['teacher-signal']}× in this session)\n`,
    );
  }
  session.dispose();
  const t = { total } as Times;
  for (const r of results) t[r.phase] = r.ms;
  rows.push({ where: `node ${active} (${impl})`, t });
  console.log(
    `node ${active}: ${PHASES.map((p) => `${p} ${(t[p] / 1000).toFixed(2)} s`).join(', ')}, total ${(total / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (load average ${loadavg()[0]!.toFixed(1)}); tensors after dispose ${tf.memory().numTensors}`,
  );
}

const dist = distArg('browser');
if (dist) for (const r of await browserPhaseTimes(dist)) rows.push(r);

if (dist) await browserThreadComparison(dist, data.windows, Number(option('rounds') ?? 3));

const base = rows[0];
console.log(`\n| where | ${PHASES.join(' | ')} | total | ×${base?.where ?? ''} |`);
console.log(`|---|${PHASES.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows) {
  const ratio = base ? r.t.total / base.t.total : Number.NaN;
  console.log(
    `| ${r.where} | ${PHASES.map((p) => (r.t[p] / 1000).toFixed(2)).join(' | ')} | ${(r.t.total / 1000).toFixed(2)} s | ${ratio.toFixed(2)} |`,
  );
}

if (dist) printMemory(await memoryRows(dist));
if (problems.length > 0) {
  console.log(`\nPROBLEMS: ${problems.join('; ')}`);
  process.exitCode = 1;
}
