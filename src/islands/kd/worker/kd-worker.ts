/// <reference lib="webworker" />
/**
 * The KD-run Web Worker's entry: one validated channel to the page (demos/shared/channel.ts
 * with the schemas of demos/kd/run/protocol.ts) and one KdWorkerSession that does the work.
 * Messages are handled one at a time, except 'cancel', which must reach a running job, and
 * the jobs themselves ('start', 'compare-alphas'), which wait for the queue but do not block it.
 */
// tfjs-core alone registers no gradient functions; training needs them (demos/kd/README.md).
import '@demos/shared/gradients';
import { openChannel } from '@demos/shared/channel';
import { FromWorkerSchema, ToWorkerSchema, type FromWorker, type ToWorker } from '@demos/kd/run/protocol';
import { KdWorkerSession } from './worker-session';
import { S } from '../strings';

const post = (m: FromWorker): void => channel.send(m);
const session = new KdWorkerSession(post);
let queue: Promise<void> = Promise.resolve();

function receive(m: ToWorker): void {
  const run = (): Promise<void> => session.handle(m).catch((err: unknown) => post({ type: 'error', message: S.errorText(err) }));
  if (m.type === 'cancel') {
    void run();
    return;
  }
  if (m.type === 'start' || m.type === 'compare-alphas') {
    void queue.then(run);
    return;
  }
  queue = queue.then(run);
}

const channel = openChannel(self, { receive: ToWorkerSchema, send: FromWorkerSchema, name: 'page message' }, receive, (problem) =>
  post({ type: 'error', message: problem }),
);
