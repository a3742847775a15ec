/**
 * npm run bench:kd-run — duration of each phase of the in-page KD run's DEFAULT config
 * (demos/kd/run/config.ts) on the real excerpt, on each Node backend here (tfjs cpu and
 * wasm, through the same RunSession + WrnPhaseTrainer the page's worker uses), with the
 * ratio to the first backend measured in this process. Numbers come from real runs.
 *
 *   npm run bench:kd-run                      # cpu and wasm
 *   npm run bench:kd-run -- --backends wasm   # one backend
 *   npm run bench:kd-run -- --browser .work/dist-kd   # also the browser backends (Playwright,
 *                                             # a built site under base /notes/; see kd-run-browser.ts)
 *                                             # and the page worker's peak memory with a full-size
 *                                             # share (kd-run-memory.ts); the folder defaults to
 *                                             # $ASTRO_OUT_DIR or dist/
 *   npm run bench:kd-run -- --memory [dist]     # the memory measurement alone
 *   … --memory-baseline <dist>                  # also measure another build (e.g. an older commit's) in the same run
 */
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend, type NodeBackend } from '../demos/kd/tf-node';
import { defaultConvImpl } from '../demos/kd/conv/index';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData, foldInputs } from '../demos/kd/run/data';
import { RunSession } from '../demos/kd/run/phases';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG, PHASES, type Phase } from '../demos/kd/run/config';
import type { Wrn } from '../demos/kd/models/wrn';
import { browserPhaseTimes } from './kd-run-browser';
import { browserMemory, printMemory } from './kd-run-memory';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--browser [dist]`, `--memory [dist]`: a site built with base /notes/ (default $ASTRO_OUT_DIR or dist/). */
function distArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v && !v.startsWith('--') ? v : (process.env['ASTRO_OUT_DIR'] ?? 'dist');
}
async function memoryRows(dist: string): Promise<Array<{ label: string; r: Awaited<ReturnType<typeof browserMemory>> }>> {
  const epochs = Number(arg('epochs') ?? 1);
  const rows = [{ label: `this build (${dist})`, r: await browserMemory(dist, { epochs }) }];
  const baseline = arg('memory-baseline');
  if (baseline) rows.push({ label: `baseline (${baseline})`, r: await browserMemory(baseline, { epochs }) });
  return rows;
}
const memoryOnly = distArg('memory');
if (memoryOnly) {
  printMemory(await memoryRows(memoryOnly));
  process.exit(0);
}

const backends = (arg('backends') ?? 'wasm,cpu').split(',') as NodeBackend[];
const config = DEFAULT_CONFIG;
const data = await excerptData(await readExcerptTexts());
const fold = foldInputs(data.windows, config.testSubject, config.gafSize);
console.log(`default run: fold ${config.testSubject} (train ${fold.signal.train.n} / test ${fold.signal.test.n} windows of the excerpt), `
  + `teachers ${config.teacherArch}, GAF ${config.gafSize}x${config.gafSize}, epochs ${config.epochs}, batch ${config.batchSize}, α ${config.alpha}, λ ${config.lambda}, T ${config.temperature}`);

type Times = Record<Phase, number> & { total: number };
const rows: { where: string; t: Times }[] = [];

for (const b of backends) {
  const active = await useNodeBackend(b);
  const impl = defaultConvImpl(active);
  const session = new RunSession<Wrn>(new WrnPhaseTrainer(fold, impl), data.summary.dataId, null);
  const t0 = performance.now();
  const results = await session.run(config, new AbortController().signal, () => {});
  const total = performance.now() - t0;
  session.dispose();
  const t = { total } as Times;
  for (const r of results) t[r.phase] = r.ms;
  rows.push({ where: `node ${active} (${impl})`, t });
  console.log(`node ${active}: ${PHASES.map((p) => `${p} ${(t[p] / 1000).toFixed(2)} s`).join(', ')}, total ${(total / 1000).toFixed(2)} s; tensors after dispose ${tf.memory().numTensors}`);
}

const dist = distArg('browser');
if (dist) for (const r of await browserPhaseTimes(dist)) rows.push(r);

const base = rows[0];
console.log(`\n| where | ${PHASES.join(' | ')} | total | ×${base?.where ?? ''} |`);
console.log(`|---|${PHASES.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows) {
  const ratio = base ? r.t.total / base.t.total : Number.NaN;
  console.log(`| ${r.where} | ${PHASES.map((p) => (r.t[p] / 1000).toFixed(2)).join(' | ')} | ${(r.t.total / 1000).toFixed(2)} s | ${ratio.toFixed(2)} |`);
}

if (dist) printMemory(await memoryRows(dist));
