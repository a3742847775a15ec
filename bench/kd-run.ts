/**
 * npm run bench:kd-run — duration of each phase of the in-page KD run's DEFAULT config
 * (demos/kd/run/config.ts) on the real excerpt, on each Node backend here (tfjs cpu and
 * wasm, through the same RunSession + WrnPhaseTrainer the page's worker uses), with the
 * ratio to the first backend measured in this process. Numbers come from real runs.
 *
 *   npm run bench:kd-run                      # cpu and wasm
 *   npm run bench:kd-run -- --backends wasm   # one backend
 *   npm run bench:kd-run -- --browser .work/dist-kd   # also the browser backends (Playwright,
 *                                             # a built site under base /notes/; see kd-run-browser.ts),
 *                                             # and wasm on one thread vs threaded (kd-run-threads.ts)
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
import { browserThreadComparison } from './kd-run-threads';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
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

const dist = arg('browser');
if (dist) for (const r of await browserPhaseTimes(dist)) rows.push(r);

if (dist) await browserThreadComparison(dist, data.windows, Number(arg('rounds') ?? 3));

const base = rows[0];
console.log(`\n| where | ${PHASES.join(' | ')} | total | ×${base?.where ?? ''} |`);
console.log(`|---|${PHASES.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows) {
  const ratio = base ? r.t.total / base.t.total : Number.NaN;
  console.log(`| ${r.where} | ${PHASES.map((p) => (r.t[p] / 1000).toFixed(2)).join(' | ')} | ${(r.t.total / 1000).toFixed(2)} s | ${ratio.toFixed(2)} |`);
}
