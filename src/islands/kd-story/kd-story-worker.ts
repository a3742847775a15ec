/**
 * The KD story's worker: downloads the 12-recording asset once, then trains the story's
 * teachers and students (demos/kd/story) and posts the scores. One run at a time; a cancel
 * (or a newer run) stops the current one between training steps.
 * Backend: WASM unless the page forces one with ?backend= (see demos/kd/story/README.md: these
 * ~4k-parameter nets are launch-bound, and the fast CPU conv path trains them on WASM).
 */
import { forcedBackend, initRuntime } from '@src/lib/runtime';
import { openChannel, type PortLike } from '@demos/shared/channel';
import { yieldToEventLoop } from '@demos/shared/yield';
import { defaultConvImpl } from '@demos/kd/conv';
import { decodeRecordings } from '@demos/kd/story/recordings';
import { siteUrl } from '@src/lib/site-url';
import { runStory } from '@demos/kd/story/scenario';
import { StoryRequestSchema, StoryResponseSchema, type StoryResponse } from '@demos/kd/story/protocol';
import '@demos/shared/gradients';
import { errorMessage } from '@demos/shared/errors';

class Cancelled extends Error {}
let rows: Promise<Float32Array> | null = null;
let current = -1;
let queue: Promise<void> = Promise.resolve();

const channel = openChannel(
  self as unknown as PortLike,
  { receive: StoryRequestSchema, send: StoryResponseSchema, name: 'page message' },
  (req) => {
    if (req.type === 'cancel') {
      if (req.id === current) current = -1;
      return;
    }
    current = req.id;
    const { id, config, dataBase, search } = req;
    queue = queue.then(async () => {
      if (id !== current) return;
      try {
        const { tf, info } = await initRuntime({ search: forcedBackend(search) ? search : '?backend=wasm' });
        post({ type: 'runtime', info });
        rows ??= load(dataBase);
        const data = await rows;
        const result = await runStory(data, config, {
          impl: defaultConvImpl(tf.getBackend()),
          onProgress: (done, total) => post({ type: 'progress', id, done, total }),
          yieldNow: async () => {
            await yieldToEventLoop();
            if (id !== current) throw new Cancelled();
          },
          now: () => performance.now(),
        });
        post({ type: 'result', id, result, backend: tf.getBackend() });
      } catch (e) {
        if (e instanceof Cancelled) return;
        rows = null; // a failed download or decode is retried on the next run
        post({ type: 'error', id, message: errorMessage(e) });
      }
    });
  },
  (problem) => post({ type: 'error', id: -1, message: problem }),
);

async function load(base: string): Promise<Float32Array> {
  const get = async (f: string): Promise<Response> => {
    const r = await fetch(siteUrl(`data/kd-story/${f}`, base));
    if (!r.ok) throw new Error(`HTTP ${r.status}: ${f}`);
    return r;
  };
  const [h, b] = await Promise.all([get('recordings.json'), get('recordings.i16.bin')]);
  return decodeRecordings(await h.json(), await b.arrayBuffer());
}

function post(msg: StoryResponse): void {
  channel.send(msg);
}
