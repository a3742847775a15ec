/**
 * Two lanes (demos/kd/run/lanes.ts) over a MessageChannel, both ends in this thread: a run
 * whose GAF teacher is trained by the other end gives the same numbers, bit for bit, as the run
 * on one lane; the other end really did the work (its requests are counted) while this end
 * trained the signal teacher; a lane that dies mid-run costs nothing (the session trains the
 * phase here); cancel reaches the other end.
 * (The page runs the ends in two Web Workers: e2e kd-threads.spec.ts compares the table there.)
 */
import { describe, it, expect, beforeAll, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { readExcerptTexts } from '@demos/kd/pamap2/node/excerpt';
import { excerptData, type LoadedData } from '@demos/kd/run/data-summary';
import { runInputs } from '@demos/kd/experiment/inputs';
import { RunSession, type RunEvent } from '@demos/kd/run/session';
import { WrnPhaseTrainer } from '@demos/kd/run/trainer';
import { DEFAULT_CONFIG, type RunConfig } from '@demos/kd/run/config';
import { LanePeer, runWindows } from '@demos/kd/run/lanes';
import type { PortLike } from '@demos/shared/channel';
import type { PhaseResult } from '@demos/kd/run/protocol';
import type { Wrn } from '@demos/kd/models/wrn';

// The page's default run, shorter (3 epochs) for the test's time.
const CONFIG: RunConfig = { ...DEFAULT_CONFIG, split: 'window', epochs: 3 };

let data: LoadedData;
beforeAll(async () => {
  await useNodeBackend('wasm');
  data = await excerptData(await readExcerptTexts());
});

/**
 * A MessageChannel whose ends count the requests they receive (`received`, at the other end b)
 * and list, in order, the answers that reach this end a from b (`answers`).
 */
function pair(): {
  a: PortLike;
  b: PortLike;
  received: Record<string, number>;
  answers: { type: string; aborted?: boolean }[];
  close: () => void;
} {
  const ch = new MessageChannel();
  const received: Record<string, number> = {};
  const answers: { type: string; aborted?: boolean }[] = [];
  ch.port2.addEventListener('message', (ev: MessageEvent) => {
    const t = (ev.data as { type: string }).type;
    if (t !== 'setup') received[t] = (received[t] ?? 0) + 1;
  });
  ch.port1.addEventListener('message', (ev: MessageEvent) => {
    const { type, aborted } = ev.data as { type: string; aborted?: boolean };
    answers.push(aborted === undefined ? { type } : { type, aborted });
  });
  ch.port1.start();
  ch.port2.start();
  return {
    a: ch.port1 as unknown as PortLike,
    b: ch.port2 as unknown as PortLike,
    received,
    answers,
    close: () => {
      ch.port1.close();
      ch.port2.close();
    },
  };
}

function sessionWithLane(config: RunConfig): { s: RunSession<Wrn>; here: LanePeer; there: LanePeer; p: ReturnType<typeof pair> } {
  const trainer = new WrnPhaseTrainer(runInputs(data.windows, config), 'auto');
  const s = new RunSession<Wrn>(trainer, data.summary.dataId, null);
  const p = pair();
  const here = new LanePeer(p.a);
  const there = new LanePeer(p.b);
  here.share('k1', runWindows(data.windows, config), config);
  s.setLane(here);
  return { s, here, there, p };
}

/** Everything the page shows of a phase, without its duration. */
const shown = (r: PhaseResult) => {
  const { ms: _, ...rest } = r;
  return rest;
};

describe('KD run on two lanes', () => {
  it('gives the same numbers as one lane, with the GAF teacher trained on the other end', async () => {
    const before = tf.memory().numTensors;
    const one = new RunSession<Wrn>(new WrnPhaseTrainer(runInputs(data.windows, CONFIG), 'auto'), data.summary.dataId, null);
    const single = await one.run(CONFIG, new AbortController().signal, () => {});
    one.dispose();

    const { s, here, there, p } = sessionWithLane(CONFIG);
    const events: RunEvent[] = [];
    const two = await s.run(CONFIG, new AbortController().signal, (e) => events.push(e));
    expect(two.map(shown)).toEqual(single.map(shown));
    // The other end trained the GAF teacher: one train request, and nothing else asked of it.
    expect(p.received).toEqual({ train: 1 });
    expect(s.trained['teacher-gaf']).toBe(1);
    // Both teachers train at once: the signal teacher starts before the GAF teacher is done.
    const at = (t: string, ph: string) =>
      events.findIndex((e) => e.type === t && (e.type === 'phase-done' ? e.result.phase : 'phase' in e ? e.phase : null) === ph);
    expect(at('phase-start', 'teacher-signal')).toBeLessThan(at('phase-done', 'teacher-gaf'));
    // Every epoch of every phase reported once, in order.
    for (const ph of ['teacher-gaf', 'teacher-signal', 'student-ce', 'student-kd'])
      expect(events.filter((e) => e.type === 'epoch' && e.phase === ph).map((e) => (e as { epoch: number }).epoch)).toEqual([1, 2, 3]);
    s.dispose();
    here.close();
    there.close();
    p.close();
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);

  it('finishes with the same numbers when the other lane dies mid-run, and cancel reaches the other end', async () => {
    const one = new RunSession<Wrn>(new WrnPhaseTrainer(runInputs(data.windows, CONFIG), 'auto'), data.summary.dataId, null);
    const single = await one.run(CONFIG, new AbortController().signal, () => {});
    one.dispose();

    const dead = sessionWithLane(CONFIG);
    let steps = 0;
    const got = await dead.s.run(CONFIG, new AbortController().signal, (e) => {
      if (e.type === 'step' && e.phase === 'teacher-gaf' && ++steps === 3) {
        dead.there.close(); // the other worker stops answering
        dead.here.close(); // … and the island closes this end (the worker's 'error' event)
      }
    });
    expect(got.map(shown)).toEqual(single.map(shown));
    dead.s.dispose();
    dead.p.close();

    const c = sessionWithLane(CONFIG);
    const ctl = new AbortController();
    let gafSteps = 0;
    await expect(
      c.s.run(CONFIG, ctl.signal, (e) => {
        if (e.type === 'step' && e.phase === 'teacher-gaf' && ++gafSteps === 2) ctl.abort();
      }),
    ).rejects.toThrow();
    // Cancelled on the other end too: the cancel reached it, and its trainer stopped with an
    // abort ('failed', aborted). The channel keeps order and the other end sends steps only from
    // inside its training loop, so nothing can follow that answer: no GAF step after it.
    await vi.waitFor(() => expect(c.p.answers.at(-1)).toEqual({ type: 'failed', aborted: true }), { timeout: 60_000 });
    expect(c.p.received).toEqual({ train: 1, cancel: 1 });
    const stepsAtStop = gafSteps;
    await new Promise((r) => setImmediate(r)); // one more turn of the event loop: still nothing
    expect(c.p.answers.at(-1)).toEqual({ type: 'failed', aborted: true });
    expect(gafSteps).toBe(stepsAtStop);
    c.s.dispose();
    c.here.close();
    c.there.close();
    c.p.close();
  }, 300_000);

  it('cancel settles at once even when the other end never answers', async () => {
    const trainer = new WrnPhaseTrainer(runInputs(data.windows, CONFIG), 'auto');
    const s = new RunSession<Wrn>(trainer, data.summary.dataId, null);
    const p = pair(); // nobody listens on the other end
    const here = new LanePeer(p.a);
    here.share('k1', runWindows(data.windows, CONFIG), CONFIG);
    s.setLane(here);
    const ctl = new AbortController();
    // The signal teacher and the CE student train here; then the run waits for the GAF teacher,
    // and the reader cancels.
    // How long the cancel takes to settle is a number for npm run bench:kd-cancel; here, that it
    // settles as an abort without an answer from the other end, and that the other end was told.
    let cancelled = false;
    const run = s.run(CONFIG, ctl.signal, (e) => {
      if (e.type === 'phase-done' && e.result.phase === 'student-ce') {
        cancelled = true;
        ctl.abort();
      }
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled).toBe(true);
    expect(p.answers).toEqual([]); // nothing ever came back: the run did not wait for an answer
    // The cancel was posted to the other end (delivered after the run settled: messages are async).
    await vi.waitFor(() => expect(p.received).toEqual({ train: 1, cancel: 1 }));
    s.dispose();
    here.close();
    p.close();
  }, 60_000);
});
