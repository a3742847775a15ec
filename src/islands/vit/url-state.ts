/**
 * The ViT demo's controls in the page's query string (`?vit-p=16&vit-d=192&vit-pos=learned&
 * vit-img=chelsea.png&vit-sel=0`), so a copied URL reopens the same view. Pure
 * (URLSearchParams only), unit-tested in Node. Values that are unknown or out of range fall
 * back to the defaults and are named in `problems`, which the page shows as a note.
 * A reader's own image is never put in the URL (it never leaves the browser).
 */
import { IMAGE_SIZE, MODEL_DIMS, PATCH_SIZES, POS_KINDS, vitCounts, type VitConfig } from '@demos/vit/config';
import { DEFAULT_SAMPLE, VIT_SAMPLES, type VitSampleId } from './samples';

export interface VitUrlState {
  p: VitConfig['patch'];
  dim: VitConfig['dim'];
  pos: VitConfig['pos'];
  /** The sample shown; null when the reader's own image is shown (not shareable). */
  sample: VitSampleId | null;
  /** Selected patch index, 0 .. P − 1 for the state's p. */
  sel: number;
}

export const DEFAULT_VIT_STATE: VitUrlState = { p: 16, dim: 192, pos: 'learned', sample: DEFAULT_SAMPLE, sel: 0 };
const P = 'vit-';

function pick<T extends string | number>(raw: string | null, allowed: readonly T[], parse: (s: string) => T): T | undefined {
  if (raw === null) return undefined;
  const v = parse(raw);
  return allowed.includes(v) ? v : undefined;
}

export function readVitState(search: string): { state: VitUrlState; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const take = <T extends string | number>(key: string, allowed: readonly T[], parse: (s: string) => T, def: T): T => {
    const raw = q.get(P + key);
    const v = pick(raw, allowed, parse);
    if (raw !== null && v === undefined) problems.push(`${P}${key}=${raw}`);
    return v ?? def;
  };
  const p = take('p', PATCH_SIZES, Number as (s: string) => VitConfig['patch'], DEFAULT_VIT_STATE.p);
  const dim = take('d', MODEL_DIMS, Number as (s: string) => VitConfig['dim'], DEFAULT_VIT_STATE.dim);
  const pos = take('pos', POS_KINDS, String as (s: string) => VitConfig['pos'], DEFAULT_VIT_STATE.pos);
  const sample = take(
    'img',
    VIT_SAMPLES.map((s) => s.id),
    String as (s: string) => VitSampleId,
    DEFAULT_SAMPLE,
  );
  const patches = vitCounts(IMAGE_SIZE, p).patches;
  const rawSel = q.get(`${P}sel`);
  let sel = 0;
  if (rawSel !== null) {
    const n = Number(rawSel);
    if (Number.isInteger(n) && n >= 0 && n < patches) sel = n;
    else problems.push(`${P}sel=${rawSel}`);
  }
  return { state: { p, dim, pos, sample, sel }, problems };
}

/** `search` with the demo's keys replaced; other keys (backend=, other demos') are kept. */
export function writeVitState(search: string, s: VitUrlState): string {
  const q = new URLSearchParams(search);
  q.set(`${P}p`, String(s.p));
  q.set(`${P}d`, String(s.dim));
  q.set(`${P}pos`, s.pos);
  if (s.sample) q.set(`${P}img`, s.sample);
  else q.delete(`${P}img`);
  q.set(`${P}sel`, String(s.sel));
  const out = q.toString();
  return out ? `?${out}` : '';
}
