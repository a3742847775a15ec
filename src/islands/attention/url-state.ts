/**
 * Shareable view state of the attention demo, kept in the page's query string
 * (`?attn-text=…&attn-d=32&…`) with replaceState, so a copied URL reopens the same view: the
 * site's one URL codec (src/lib/url-codec.ts) over demos/attention/controls.ts ATTN_CONTROLS.
 * Query, not hash: Starlight uses the hash for heading anchors. `backend=` is the runtime's.
 * Bad values fall back to the defaults and are reported (a shared link never crashes). Pure.
 */
import { ATTN_CONTROLS, STAGES } from '@demos/attention/controls';
import { textControl } from '@demos/shared/controls';
import { urlCodec, type UrlProblem, type Values } from '@src/lib/url-codec';

export { STAGES };
import { ATTN_TEXT } from './strings';

/** The sentence in the reader's language (strings.ts); a URL without `text` opens it. */
const DEFAULT_TEXT = ATTN_TEXT.defaultText;

// Parameter order as before (mode, weights, layer, stage, text, d, …): shared links keep their shape.
const { mode, weights, layer, stage, ...rest } = ATTN_CONTROLS;
const SPEC = { mode, weights, layer, stage, text: textControl(DEFAULT_TEXT), ...rest };
const codec = urlCodec('attn-', SPEC);
export type DemoState = Values<typeof SPEC>;
export type Mode = DemoState['mode'];
export type WeightsSource = DemoState['weights'];
export const DEFAULT_STATE: DemoState = codec.defaults();

/** The URL's view state and what in it could not be used (checks across keys included). */
export function readAttnUrl(search: string): { state: DemoState; problems: UrlProblem[] } {
  const { values: s, problems } = codec.read(search);
  const bad = (key: keyof DemoState, value: number): void =>
    void problems.push({ param: codec.param(key), value: String(value), reason: 'range' });
  if (s.d % s.h !== 0) {
    bad('h', s.h);
    s.h = DEFAULT_STATE.h;
  }
  if (s.head >= s.h) {
    bad('head', s.head);
    s.head = 0;
  }
  return { state: s, problems };
}

export function readState(search: string): DemoState {
  return readAttnUrl(search).state;
}

/** Returns `search` with the demo's keys replaced (other keys, e.g. backend=, kept). */
export function writeState(search: string, s: DemoState): string {
  return codec.write(search, s);
}
