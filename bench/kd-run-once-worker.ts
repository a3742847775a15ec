/**
 * One KD default run (the page's, on the excerpt) in a worker_threads thread, for the ceiling
 * measurement of bench/kd-run-lanes.ts: posts its wall time in ms when done.
 */
import { parentPort } from 'node:worker_threads';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData } from '../demos/kd/run/data-summary';
import { runInputs } from '../demos/kd/experiment/inputs';
import { defaultSplitFor } from '../demos/kd/experiment/split';
import { RunSession } from '../demos/kd/run/session';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG } from '../demos/kd/run/config';
import type { Wrn } from '../demos/kd/models/wrn';

await useNodeBackend('wasm');
const config = { ...DEFAULT_CONFIG, split: defaultSplitFor('excerpt') };
const data = await excerptData(await readExcerptTexts());
const fold = runInputs(data.windows, config);
parentPort!.on('message', async () => {
  const s = new RunSession<Wrn>(new WrnPhaseTrainer(fold, 'auto'), data.summary.dataId, null);
  const t0 = performance.now();
  await s.run(config, new AbortController().signal, () => {});
  parentPort!.postMessage(performance.now() - t0);
  s.dispose();
});
parentPort!.postMessage('ready');
