/**
 * The attention island's state and its one update function: events in (reader actions,
 * finished computations, the trained model's progress), new state and the effects to run
 * out. Pure — no DOM, no tfjs — so it is unit-tested in Node
 * (test/unit/attention-island-state.test.ts). mount.ts runs the effects; step-view.ts and
 * trained-view.ts draw the state.
 *
 * Step mode: every input change tokenises the text here; a bad text keeps the last good
 * view and says why. Computations carry a version; an answer to an older version is dropped.
 */
import type { AttentionData } from '@demos/attention/attention';
import { tokenize } from '@demos/attention/tokenize';
import type { EvalResult } from '@demos/attention/train';
import type { LmMeta } from '@demos/attention/lm';
import { ATTN_TEXT } from './strings';
import { STAGES, type DemoState, type Mode, type WeightsSource } from './url-state';
import type { UrlProblem } from '@src/lib/url-codec';

/** A finished computation, with the mask and scaling it was computed with. */
export interface StepResult {
  tokens: string[];
  data: AttentionData;
  causal: boolean;
  scale: boolean;
  /** Where the weights came from; for the language model also its layer, metadata and next-word guess. */
  source: WeightsSource;
  lm?: { layer: number; layers: number; meta: LmMeta; next: { word: string; p: number }[] };
}

interface TrainedState {
  status: string;
  /** Where the weights came from ('체크포인트(…)' or '무작위 초기화(…)'), shown with the accuracy. */
  source: string;
  loaded: 'checkpoint' | 'random' | null;
  /** Buttons are enabled once the first load finished (successfully or not). */
  ready: boolean;
  training: boolean;
  acc: { result: EvalResult; steps: number } | null;
  maps: { maps: Float32Array[]; pred: Int32Array; digits: string } | null;
  /** Counts redraws of the maps (tests wait on it). */
  mapsVersion: number;
  digitsError: boolean;
}

export interface AttnState {
  view: DemoState;
  version: number;
  step: StepResult | null;
  message: { kind: 'ok' | 'error'; text: string } | null;
  trainedOpened: boolean;
  trained: TrainedState;
  /** URL values that were replaced by defaults (shown as a note). */
  urlProblems: readonly UrlProblem[];
}

type StepInput = Partial<Pick<DemoState, 'text' | 'd' | 'h' | 'causal' | 'scale' | 'weights' | 'layer'>>;

export type AttnEvent =
  | { type: 'input'; patch: StepInput }
  | { type: 'query'; q: number; head?: number }
  | { type: 'head'; head: number }
  /** Stepper: go to stage n (clamped to 0..STAGES-1). */
  | { type: 'stage'; stage: number }
  | { type: 'mode'; mode: Mode }
  | { type: 'computed'; version: number; result: StepResult; seed: number }
  | { type: 'compute-failed'; version: number; error: unknown }
  /** The runtime fell back to another backend: recompute, reload the trained model. */
  | { type: 'backend-changed' }
  | { type: 'digits'; digits: string }
  | { type: 'trained'; status: string; source?: string; loaded?: TrainedState['loaded'] }
  | { type: 'trained-ready' }
  | { type: 'evaluated'; result: EvalResult; steps: number }
  | { type: 'maps'; maps: Float32Array[]; pred: Int32Array; digits: string }
  | { type: 'training'; on: boolean; status?: string };

export type AttnEffect =
  | {
      type: 'compute';
      version: number;
      tokens: string[];
      d: number;
      h: number;
      causal: boolean;
      scale: boolean;
      weights: WeightsSource;
      layer: number;
    }
  | { type: 'load-checkpoint' }
  | { type: 'stop-training' }
  | { type: 'draw-maps'; digits: string };

export function initialAttnState(view: DemoState, urlProblems: readonly UrlProblem[] = []): AttnState {
  return {
    view,
    urlProblems,
    version: 0,
    step: null,
    message: null,
    trainedOpened: false,
    trained: {
      status: ATTN_TEXT.trained.loading,
      source: '',
      loaded: null,
      ready: false,
      training: false,
      acc: null,
      maps: null,
      mapsVersion: 0,
      digitsError: false,
    },
  };
}

type Update = { state: AttnState; send: AttnEffect[] };
const none = (state: AttnState): Update => ({ state, send: [] });

/** Tokenise the view's text and ask for a computation, or say why not (the last view stays). */
function compute(s: AttnState): Update {
  const tk = tokenize(s.view.text);
  if (!tk.ok) return none({ ...s, message: { kind: 'error', text: ATTN_TEXT.tokenizeProblem(tk) } });
  const version = s.version + 1;
  const { d, h, scale, weights, layer } = s.view;
  // The language model was trained causal: it is always run with its mask (the view says so).
  const causal = weights === 'lm' ? true : s.view.causal;
  return { state: { ...s, version }, send: [{ type: 'compute', version, tokens: tk.tokens, d, h, causal, scale, weights, layer }] };
}

function clampView(view: DemoState, step: StepResult | null): DemoState {
  if (!step) return view;
  const layer = step.lm ? Math.min(view.layer, step.lm.layers - 1) : view.layer;
  return { ...view, q: Math.min(view.q, step.tokens.length - 1), head: Math.min(view.head, step.data.h - 1), layer };
}

function trained(s: AttnState, patch: Partial<TrainedState>): AttnState {
  return { ...s, trained: { ...s.trained, ...patch } };
}

export function updateAttention(s: AttnState, e: AttnEvent): Update {
  switch (e.type) {
    case 'input':
      return compute({ ...s, view: { ...s.view, ...e.patch } });
    case 'query': {
      const head = e.head ?? s.view.head;
      return none({ ...s, view: clampView({ ...s.view, q: Math.max(0, e.q), head }, s.step) });
    }
    case 'head':
      return none({ ...s, view: clampView({ ...s.view, head: Math.max(0, e.head) }, s.step) });
    case 'stage':
      return none({ ...s, view: { ...s.view, stage: Math.max(0, Math.min(STAGES - 1, Math.trunc(e.stage))) } });
    case 'mode': {
      const next = { ...s, view: { ...s.view, mode: e.mode } };
      if (e.mode === 'step') return { state: next, send: [{ type: 'stop-training' }] };
      if (s.trainedOpened) return none(next);
      return { state: { ...next, trainedOpened: true }, send: [{ type: 'load-checkpoint' }] };
    }
    case 'computed': {
      if (e.version !== s.version) return none(s); // a newer input arrived while computing
      const { tokens, data } = e.result;
      return none({
        ...s,
        step: e.result,
        view: clampView(s.view, e.result),
        message: {
          kind: 'ok',
          text: e.result.lm
            ? ATTN_TEXT.step.computedLm(tokens.length, e.result.lm.layer, data.d, data.h)
            : ATTN_TEXT.step.computed(tokens.length, data.d, data.h, e.seed),
        },
      });
    }
    case 'compute-failed':
      return e.version !== s.version ? none(s) : none({ ...s, message: { kind: 'error', text: ATTN_TEXT.step.failed(e.error) } });
    case 'backend-changed': {
      const r = compute(s);
      // The old backend's model weights are gone: reload them if the trained mode was opened.
      return s.trainedOpened ? { state: r.state, send: [...r.send, { type: 'load-checkpoint' }] } : r;
    }
    case 'digits': {
      if (!/^[0-9]{8}$/.test(e.digits)) return none(trained(s, { digitsError: true }));
      return {
        state: trained({ ...s, view: { ...s.view, digits: e.digits } }, { digitsError: false }),
        send: [{ type: 'draw-maps', digits: e.digits }],
      };
    }
    case 'trained':
      return none(
        trained(s, {
          status: e.status,
          ...(e.source !== undefined ? { source: e.source } : {}),
          ...(e.loaded !== undefined ? { loaded: e.loaded } : {}),
        }),
      );
    case 'trained-ready':
      return none(trained(s, { ready: true }));
    case 'evaluated':
      return none(trained(s, { acc: { result: e.result, steps: e.steps } }));
    case 'maps':
      return none(trained(s, { maps: { maps: e.maps, pred: e.pred, digits: e.digits }, mapsVersion: s.trained.mapsVersion + 1 }));
    case 'training':
      return none(trained(s, { training: e.on, ...(e.status !== undefined ? { status: e.status } : {}) }));
  }
}
