/**
 * npm run bench:kd-cancel [-- --rounds N] — how long a cancel of the KD run takes to settle, the
 * figure test/unit/kd-lanes.test.ts used to assert (< 5 s) and now leaves here (the test checks
 * that the cancel settles as an abort, reaches the other end and leaves no step behind).
 * In Node on wasm, the page's default config shortened to 3 epochs (the test's), both lane ends
 * in this thread over a MessageChannel (as in the test):
 *   - one lane: abort at the GAF teacher's 2nd step → the run rejects;
 *   - two lanes, the other end training the GAF teacher: abort at its 2nd step → the run rejects
 *     here, and → the other end's aborted answer arrives (its training loop has stopped);
 *   - two lanes, the other end never answers: abort once the CE student is done → the run rejects.
 * Median over the rounds, in ms.
 */
import { loadavg } from 'node:os';
import { useNodeBackend } from '../demos/kd/node/tf-node';
import { readExcerptTexts } from '../demos/kd/pamap2/node/excerpt';
import { excerptData, type LoadedData } from '../demos/kd/run/data-summary';
import { runInputs } from '../demos/kd/experiment/inputs';
import { RunSession, type RunEvent } from '../demos/kd/run/session';
import { WrnPhaseTrainer } from '../demos/kd/run/trainer';
import { DEFAULT_CONFIG, type RunConfig } from '../demos/kd/run/config';
import { LanePeer, runWindows } from '../demos/kd/run/lanes';
import type { PortLike } from '../demos/shared/channel';
import type { Wrn } from '../demos/kd/models/wrn';
import { median } from './median';
import { option } from '../scripts/cli-args';

const rounds = Number(option('rounds') ?? 3);
const CONFIG: RunConfig = { ...DEFAULT_CONFIG, split: 'window', epochs: 3 };

/** Runs until `when(event)` says to abort; ms from the abort to the run's rejection, and to the other end's aborted answer. */
async function cancelled(
  data: LoadedData,
  lane: 'none' | 'answering' | 'silent',
  when: (e: RunEvent) => boolean,
): Promise<{ settle: number; otherEnd: number | null }> {
  const s = new RunSession<Wrn>(new WrnPhaseTrainer(runInputs(data.windows, CONFIG), 'auto'), data.summary.dataId, null);
  const ch = new MessageChannel();
  let t0 = 0;
  let otherEnd: number | null = null;
  let there: LanePeer | null = null;
  let here: LanePeer | null = null;
  const stopped = new Promise<void>((resolve) => {
    ch.port1.addEventListener('message', (ev: MessageEvent) => {
      const m = ev.data as { type: string; aborted?: boolean };
      if (m.type === 'failed' && m.aborted && t0 > 0) {
        otherEnd = performance.now() - t0;
        resolve();
      }
    });
  });
  ch.port1.start();
  ch.port2.start();
  if (lane !== 'none') {
    here = new LanePeer(ch.port1 as unknown as PortLike);
    if (lane === 'answering') there = new LanePeer(ch.port2 as unknown as PortLike);
    here.share('k1', runWindows(data.windows, CONFIG), CONFIG);
    s.setLane(here);
  }
  const ctl = new AbortController();
  let settle = NaN;
  try {
    await s.run(CONFIG, ctl.signal, (e) => {
      if (t0 === 0 && when(e)) {
        t0 = performance.now();
        ctl.abort();
      }
    });
    throw new Error('the run finished: nothing was cancelled');
  } catch (e) {
    if (t0 === 0) throw e;
    settle = performance.now() - t0;
  }
  if (lane === 'answering') await stopped;
  s.dispose();
  here?.close();
  there?.close();
  ch.port1.close();
  ch.port2.close();
  return { settle, otherEnd };
}

await useNodeBackend('wasm');
const data = await excerptData(await readExcerptTexts());
const gafStep = (n: number): ((e: RunEvent) => boolean) => {
  let k = 0;
  return (e) => e.type === 'step' && e.phase === 'teacher-gaf' && ++k === n;
};
const ceDone = (e: RunEvent): boolean => e.type === 'phase-done' && e.result.phase === 'student-ce';
const rows = { oneLane: [] as number[], twoSettle: [] as number[], twoOtherEnd: [] as number[], silent: [] as number[] };
console.log(
  `kd-cancel bench: ${rounds} round(s), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (let r = 0; r < rounds; r++) {
  rows.oneLane.push((await cancelled(data, 'none', gafStep(2))).settle);
  const two = await cancelled(data, 'answering', gafStep(2));
  rows.twoSettle.push(two.settle);
  rows.twoOtherEnd.push(two.otherEnd ?? NaN);
  rows.silent.push((await cancelled(data, 'silent', ceDone)).settle);
  console.log(
    `round ${r + 1}: one lane ${rows.oneLane[r]!.toFixed(1)} ms; two lanes: settles ${rows.twoSettle[r]!.toFixed(1)} ms, other end stopped ${rows.twoOtherEnd[r]!.toFixed(1)} ms; silent other end ${rows.silent[r]!.toFixed(1)} ms`,
  );
}
const m = (a: number[]): string => median(a).toFixed(1);
console.log(
  `median ms from abort: one lane ${m(rows.oneLane)}; two lanes settle ${m(rows.twoSettle)}, other end stopped ${m(rows.twoOtherEnd)}; silent other end ${m(rows.silent)} (load average ${loadavg()[0]!.toFixed(1)})`,
);
