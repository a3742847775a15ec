/**
 * npm run bench:kd-lanes — the KD page's default run on one lane vs two (demos/kd/run/lanes.ts),
 * in Node on wasm: this thread plus a worker_threads stand-in for the page's second worker
 * (kd-lane-worker.ts), rounds interleaved, median. Beside it, what a second core can give at
 * all on this machine for this work: the same run alone in one thread vs two copies at once in
 * two threads (kd-run-once-worker.ts). If two independent runs at once take c× as long as one,
 * no split of one run over two cores beats 2/c×.
 *
 *   npm run bench:kd-lanes                 # 3 rounds
 *   npm run bench:kd-lanes -- --rounds 5
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData } from '../demos/kd/run/data-summary';
import { runInputs } from '../demos/kd/experiment/inputs';
import { defaultSplitFor } from '../demos/kd/experiment/split';
import { RunSession } from '../demos/kd/run/session';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG } from '../demos/kd/run/config';
import { LanePeer, runWindows } from '../demos/kd/run/lanes';
import type { PortLike } from '../demos/shared/channel';
import type { Wrn } from '../demos/kd/models/wrn';
import { PHASES } from '../demos/kd/experiment/phases';
import { median } from './median';
import { option } from '../scripts/cli-args';

const rounds = Number(option('rounds') ?? 3);
// From source the workers are .ts files run through tsx; in the bundle (bench/lanes-bundle.sh) .mjs beside this one.
const bundled = import.meta.url.endsWith('.mjs');
const tsWorker = (file: string, opts: ConstructorParameters<typeof Worker>[1] = {}): Worker =>
  bundled
    ? new Worker(new URL(file.replace(/\.ts$/, '.mjs'), import.meta.url), opts)
    : new Worker(new URL(file, import.meta.url), { execArgv: ['--import', 'tsx'], ...opts });

await useNodeBackend('wasm');
const config = { ...DEFAULT_CONFIG, split: defaultSplitFor('excerpt') };
const data = await excerptData(await readExcerptTexts());
const load0 = loadavg()[0]!;

// The second lane: a thread answering lane requests.
const ch = new MessageChannel();
const laneThread = tsWorker('./kd-lane-worker.ts', { workerData: { port: ch.port2 }, transferList: [ch.port2] });
const peer = new LanePeer(ch.port1 as unknown as PortLike, undefined, (p) => console.warn(p));
ch.port1.start();
await new Promise<void>((r) => {
  peer.onHello = () => r();
});

type Run = { total: number; phases: number[]; acc: string };
async function runOnce(lanes: 1 | 2, key: string): Promise<Run> {
  const trainer = new WrnPhaseTrainer(runInputs(data.windows, config), 'auto');
  const s = new RunSession<Wrn>(trainer, data.summary.dataId, null);
  if (lanes === 2) {
    peer.share(key, runWindows(data.windows, config), config);
    s.setLane(peer);
  }
  const t0 = performance.now();
  const res = await s.run(config, new AbortController().signal, () => {});
  const total = performance.now() - t0;
  s.dispose();
  return { total, phases: res.map((r) => r.ms), acc: res.map((r) => r.lastAcc.toFixed(1)).join(' / ') };
}

const one: Run[] = [],
  two: Run[] = [];
await runOnce(1, 'warm'); // JIT, caches
for (let r = 0; r < rounds; r++) {
  one.push(await runOnce(1, `r${r}`));
  two.push(await runOnce(2, `r${r}`));
}
peer.close();
await laneThread.terminate();

// The ceiling: one run alone in a thread vs two at once in two threads.
const runners = await Promise.all(
  [0, 1].map(
    () =>
      new Promise<Worker>((resolve) => {
        const w = tsWorker('./kd-run-once-worker.ts');
        w.once('message', () => resolve(w));
      }),
  ),
);
const timed = (w: Worker): Promise<number> =>
  new Promise((resolve) => {
    w.once('message', (ms: number) => resolve(ms));
    w.postMessage('run');
  });
await timed(runners[0]!); // warm-up
await timed(runners[1]!);
const alone: number[] = [],
  together: number[] = [];
for (let r = 0; r < rounds; r++) {
  alone.push(await timed(runners[0]!));
  const both = await Promise.all(runners.map(timed));
  together.push(Math.max(...both));
}
await Promise.all(runners.map((w) => w.terminate()));

const med = (xs: Run[]) => ({ total: median(xs.map((x) => x.total)), phases: PHASES.map((_, i) => median(xs.map((x) => x.phases[i]!))) });
const a = med(one),
  b = med(two);
const f = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `KD default run on wasm in Node, ${rounds} rounds interleaved (median; ${cpus().length} cores, load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`,
);
console.log(`  one lane : ${f(a.total)} s  [${a.phases.map(f).join(' / ')}]  last-epoch accuracy ${one[0]!.acc}`);
console.log(`  two lanes: ${f(b.total)} s  [${b.phases.map(f).join(' / ')}]  last-epoch accuracy ${two[0]!.acc}`);
console.log(
  `  two lanes speed-up ${(a.total / b.total).toFixed(2)}×; same numbers: ${one.every((x) => x.acc === two[0]!.acc) && two.every((x) => x.acc === two[0]!.acc) ? 'yes' : 'NO'}`,
);
const c = median(together) / median(alone);
console.log(
  `  ceiling: one run alone ${f(median(alone))} s, two at once ${f(median(together))} s (each run ${c.toFixed(2)}× slower) → a second core gives at most ${(2 / c).toFixed(2)}×`,
);
