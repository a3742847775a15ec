/**
 * The ViT demo's worker: decodes images and runs the tfjs patch embedding off the main
 * thread, so a big photo or p = 8 with D = 768 on the CPU backend never freezes the page.
 * State: the last successfully decoded image (a failed load keeps it). Requests carry an
 * id; the page ignores answers to requests it has superseded.
 */
import { initRuntime, onRuntimeChange } from '@src/lib/runtime';
import { embedImage, type VitCache } from '@demos/vit/pipeline';
import { IMAGE_SIZE } from '@demos/vit/config';
import { openChannel, type PortLike } from '@demos/shared/channel';
import { VitRequestSchema, VitResponseSchema, type LoadedImage, type ParsedVitRequest, type VitResponse } from '@demos/vit/protocol';
import { decodeToModelInput, ImageInputError } from './decode';
import { VIT_TEXT } from './strings';
import { errorMessage } from '@demos/shared/errors';

let current: LoadedImage | null = null;
/** Seeded weights and position tables, reused across images and re-renders. */
const cache: VitCache = new Map();
let runtimeWatched = false;
/** Jobs run one after another: no two heavy computations compete for the backend. */
let queue: Promise<void> = Promise.resolve();
let latestEmbed = -1;

async function runtime(search: string) {
  const rt = await initRuntime({ search });
  if (!runtimeWatched) {
    runtimeWatched = true;
    post({ type: 'runtime', info: rt.info });
    onRuntimeChange((info) => post({ type: 'runtime', info }));
  }
  return rt;
}

const channel = openChannel(
  self as unknown as PortLike,
  { receive: VitRequestSchema, send: VitResponseSchema, name: 'page message' },
  (req) => handle(req),
  (problem) => post({ type: 'error', id: -1, message: VIT_TEXT.badRequest(problem) }),
);
function post(msg: VitResponse, transfer: Transferable[] = []): void {
  channel.send(msg, transfer);
}

function handle(req: ParsedVitRequest): void {
  if (req.type === 'embed') latestEmbed = Math.max(latestEmbed, req.id);
  queue = queue.then(async () => {
    // A newer embed request is already queued: the page would drop this answer anyway.
    if (req.type === 'embed' && req.id < latestEmbed) return;
    const t0 = performance.now();
    try {
      if (req.type === 'load') {
        const image = await decodeToModelInput(req.blob, req.name, IMAGE_SIZE);
        current = image;
        // Send a copy: the worker keeps its own for later 'embed' requests.
        const copy = { ...image, rgb: image.rgb.slice() };
        post({ type: 'loaded', id: req.id, image: copy, ms: performance.now() - t0 }, [copy.rgb.buffer]);
      } else {
        if (!current) throw new ImageInputError(VIT_TEXT.noImage);
        const { tf } = await runtime(req.search);
        const result = await embedImage(tf, current.rgb, req.config, cache);
        post({ type: 'embedded', id: req.id, result, ms: performance.now() - t0 }, [
          result.embeddings.buffer,
          result.tokens.buffer,
          result.position.buffer,
        ] as Transferable[]);
      }
    } catch (e) {
      const message = e instanceof ImageInputError ? e.message : VIT_TEXT.computeError(errorMessage(e));
      post({ type: 'error', id: req.id, message });
    }
  });
}
