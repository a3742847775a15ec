/**
 * The ViT island's state and its one update function: events in (reader actions, worker
 * answers), new state and the worker requests to send out. Pure — no DOM, no worker — so
 * it is unit-tested in Node (test/unit/vit-island-state.test.ts); view.ts draws the state.
 *
 * Ids: load and embed requests draw ids from one counter; an answer is applied only when
 * it answers the latest request of its kind. A failed load changes nothing but the error
 * line (the previous image, its patches and its embedding stay).
 */
import { IMAGE_SIZE, vitCounts } from '@demos/vit/config';
import { checkFileSize } from '@demos/vit/image-file';
import { patchify } from '@demos/vit/patchify';
import { unitRows } from '@demos/vit/position-embedding';
import type { LoadedImage, VitRequest, VitResponse } from '@demos/vit/protocol';
import type { RuntimeInfoMessage } from '@demos/shared/runtime-info';
import type { VitEmbedding } from '@demos/vit/pipeline';
import { VIT_TEXT } from './strings';
import { keepSpot } from './selection';
import type { VitUrlState } from './url-state';
import type { UrlProblem } from '@src/lib/url-codec';
import type { VitSampleId } from './samples';
import { maxAbs } from '@demos/shared/arrays';

const VIT_SEED = 42;

type VitPhase = 'static' | 'loading' | 'computing' | 'ready' | 'error';

export interface VitState extends VitUrlState {
  phase: VitPhase;
  /** The `?backend=` part of the page URL, passed to the worker's runtime. */
  search: string;
  image: LoadedImage | null;
  /** (P, p²·3) patches of `image` at the current p. */
  patches: Float32Array | null;
  result: VitEmbedding | null;
  /** (P, D) unit-norm patch rows of the result's position embedding ([CLS] row dropped). */
  unitPos: Float32Array | null;
  scaleEmb: number;
  scaleTok: number;
  runtime: RuntimeInfoMessage | null;
  seq: number;
  loadId: number;
  embedId: number;
  /** The load in flight: what to show once it succeeds. */
  pending: { id: number; sample: VitSampleId | null; credit: string | null } | null;
  /** Caption of the image shown: a sample's credit, or null for the reader's own image. */
  credit: string | null;
  status: string;
  error: string | null;
  /** URL values that were replaced by defaults (shown once as a note). */
  urlProblems: readonly UrlProblem[];
}

export type VitEvent =
  | { type: 'patch'; p: VitState['p'] }
  | { type: 'dim'; dim: VitState['dim'] }
  | { type: 'pos'; pos: VitState['pos'] }
  | { type: 'select'; sel: number }
  | { type: 'load'; name: string; blob: Blob; sample: VitSampleId | null; credit: string | null }
  /** Something the page refused or failed before the worker saw it (size, fetch, drop, worker start). */
  | { type: 'refused'; message: string; fatal?: boolean }
  | { type: 'worker'; msg: VitResponse };

export function initialVitState(url: VitUrlState, search: string, urlProblems: readonly UrlProblem[]): VitState {
  return {
    ...url,
    phase: 'static',
    search,
    image: null,
    patches: null,
    result: null,
    unitPos: null,
    scaleEmb: 1,
    scaleTok: 1,
    runtime: null,
    seq: 0,
    loadId: -1,
    embedId: -1,
    pending: null,
    credit: null,
    status: '',
    error: null,
    urlProblems,
  };
}

const grid = (s: Pick<VitState, 'p'>): number => vitCounts(IMAGE_SIZE, s.p).grid;

type Update = { state: VitState; send: VitRequest[] };

function embed(s: VitState): Update {
  if (!s.image) return { state: s, send: [] };
  const id = s.seq + 1;
  const state: VitState = {
    ...s,
    seq: id,
    embedId: id,
    phase: 'computing',
    status: VIT_TEXT.computing(s.p, s.dim, s.runtime?.backend ?? null),
  };
  return {
    state,
    send: [{ type: 'embed', id, config: { imageSize: IMAGE_SIZE, patch: s.p, dim: s.dim, pos: s.pos, seed: VIT_SEED }, search: s.search }],
  };
}

function withPatches(s: VitState): VitState {
  return { ...s, patches: s.image ? patchify(s.image.rgb, IMAGE_SIZE, s.p) : null };
}

function onWorker(s: VitState, m: VitResponse): Update {
  switch (m.type) {
    case 'runtime': {
      const next = { ...s, runtime: m.info };
      // A fallback after device loss: recompute on the new backend.
      return s.image ? embed(next) : { state: next, send: [] };
    }
    case 'loaded': {
      const pending = s.pending?.id === m.id ? s.pending : null;
      if (m.id !== s.loadId) return { state: s, send: [] };
      const loaded: VitState = withPatches({
        ...s,
        image: m.image,
        pending: null,
        error: null,
        sample: pending?.sample ?? null,
        credit: pending?.credit ?? null,
      });
      return embed(loaded);
    }
    case 'embedded': {
      if (m.id !== s.embedId) return { state: s, send: [] };
      const r = m.result;
      return {
        state: {
          ...s,
          result: r,
          unitPos: unitRows(r.position, r.patches, r.dim, r.dim),
          scaleEmb: maxAbs(r.embeddings),
          scaleTok: maxAbs(r.tokens),
          phase: 'ready',
          status: VIT_TEXT.done(m.ms, s.runtime?.backend ?? '?', s.p, r.convMatMulMaxDiff),
        },
        send: [],
      };
    }
    case 'error': {
      const mine = m.id === s.loadId || m.id === s.embedId || m.id === -1;
      return {
        state: {
          ...s,
          error: m.message,
          pending: s.pending?.id === m.id ? null : s.pending,
          phase: mine ? (s.result ? 'ready' : 'error') : s.phase,
          status: s.image ? VIT_TEXT.keptPrevious(s.image.name) : '',
        },
        send: [],
      };
    }
  }
}

export function updateVit(s: VitState, e: VitEvent): Update {
  switch (e.type) {
    case 'patch':
      if (e.p === s.p) return { state: s, send: [] };
      return embed(withPatches({ ...s, p: e.p, sel: keepSpot(s.sel, s.p, e.p) }));
    case 'dim':
      return e.dim === s.dim ? { state: s, send: [] } : embed({ ...s, dim: e.dim });
    case 'pos':
      return e.pos === s.pos ? { state: s, send: [] } : embed({ ...s, pos: e.pos });
    case 'select': {
      const g = grid(s);
      const sel = Math.max(0, Math.min(g * g - 1, Math.trunc(e.sel)));
      return { state: sel === s.sel ? s : { ...s, sel }, send: [] };
    }
    case 'load': {
      const tooBig = checkFileSize(e.name, e.blob.size); // refuse before the bytes go anywhere
      if (tooBig) return { state: { ...s, error: VIT_TEXT.imageProblem(tooBig) }, send: [] };
      const id = s.seq + 1;
      return {
        state: {
          ...s,
          seq: id,
          loadId: id,
          phase: 'loading',
          status: VIT_TEXT.loading(e.name),
          pending: { id, sample: e.sample, credit: e.credit },
        },
        send: [{ type: 'load', id, name: e.name, blob: e.blob, search: s.search }],
      };
    }
    case 'refused':
      return { state: { ...s, error: e.message, phase: e.fatal ? 'error' : s.phase }, send: [] };
    case 'worker':
      return onWorker(s, e.msg);
  }
}
