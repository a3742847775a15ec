/**
 * The ViT demo's controls in the page's query string (`?vit-p=16&vit-d=192&vit-pos=learned&
 * vit-img=chelsea.png&vit-sel=0`), so a copied URL reopens the same view: the site's one URL
 * codec (src/lib/url-codec.ts) over the demo's controls (demos/vit/config.ts VIT_CONTROLS) plus
 * the sample and the selected patch. Values that are unknown or out of range fall back to the
 * defaults and are named in `problems`, which the page shows as a note. Pure, unit-tested in Node.
 * A reader's own image is never put in the URL (it never leaves the browser).
 */
import { IMAGE_SIZE, VIT_CONTROLS, vitCounts, type VitConfig } from '@demos/vit/config';
import { enumControl, numberControl } from '@demos/shared/controls';
import { urlCodec, type UrlProblem } from '@src/lib/url-codec';
import { DEFAULT_SAMPLE, VIT_SAMPLES, type VitSampleId } from './samples';

export interface VitUrlState {
  p: VitConfig['patch'];
  dim: VitConfig['dim'];
  pos: VitConfig['pos'];
  /** The sample shown; null when the reader's own image is shown (not shareable). */
  sample: VitSampleId | null;
  /** Selected patch index, 0 .. P − 1 for the state's p (checked against p after reading). */
  sel: number;
}

const codec = urlCodec('vit-', {
  ...VIT_CONTROLS,
  img: enumControl(
    VIT_SAMPLES.map((s) => s.id),
    DEFAULT_SAMPLE,
  ),
  sel: numberControl(0, Number.MAX_SAFE_INTEGER, 1, true, 0),
});

const fromValues = (v: ReturnType<typeof codec.defaults>): VitUrlState => ({ p: v.p, dim: v.d, pos: v.pos, sample: v.img, sel: v.sel });
export const DEFAULT_VIT_STATE: VitUrlState = fromValues(codec.defaults());

export function readVitState(search: string): { state: VitUrlState; problems: UrlProblem[] } {
  const { values, problems } = codec.read(search);
  const state = fromValues(values);
  // The patch index is checked against the patch count of the URL's p (a check across two keys).
  if (state.sel >= vitCounts(IMAGE_SIZE, state.p).patches) {
    problems.push({ param: codec.param('sel'), value: String(state.sel), reason: 'range' });
    state.sel = 0;
  }
  return { state, problems };
}

/** `search` with the demo's keys replaced; other keys (backend=, other demos') are kept. */
export function writeVitState(search: string, s: VitUrlState): string {
  return codec.write(search, { p: s.p, d: s.dim, pos: s.pos, img: s.sample, sel: s.sel });
}
