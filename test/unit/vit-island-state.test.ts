import { describe, expect, it } from 'vitest';
import { initialVitState, updateVit, type VitState } from '@src/islands/vit/state';
import { keepSpot, moveSelection } from '@src/islands/vit/selection';
import { DEFAULT_VIT_STATE, readVitState, writeVitState } from '@src/islands/vit/url-state';
import type { LoadedImage, VitResponse } from '@demos/vit/protocol';
import { MAX_FILE_BYTES } from '@demos/vit/image-file';

const S = 224;
const image = (name: string): LoadedImage => ({
  name,
  rgb: new Float32Array(S * S * 3).fill(0.5),
  size: S,
  width: 300,
  height: 200,
  notes: [],
});
const embedded = (id: number, patches: number, dim: number): VitResponse => ({
  type: 'embedded',
  id,
  ms: 5,
  result: {
    grid: Math.sqrt(patches),
    patches,
    dim,
    embeddings: new Float32Array(patches * dim).fill(2),
    tokens: new Float32Array((patches + 1) * dim).fill(-3),
    position: new Float32Array((patches + 1) * dim).fill(1),
    convMatMulMaxDiff: 1e-6,
  },
});

function loaded(): VitState {
  let s = initialVitState(DEFAULT_VIT_STATE, '?backend=cpu', []);
  let r = updateVit(s, { type: 'load', name: 'chelsea.png', blob: new Blob([new Uint8Array(10)]), sample: 'chelsea.png', credit: 'CC0' });
  expect(r.send).toEqual([expect.objectContaining({ type: 'load', id: 1, search: '?backend=cpu' })]);
  s = r.state;
  r = updateVit(s, { type: 'worker', msg: { type: 'loaded', id: 1, image: image('chelsea.png'), ms: 3 } });
  expect(r.send).toEqual([
    expect.objectContaining({ type: 'embed', id: 2, config: expect.objectContaining({ patch: 16, dim: 192, pos: 'learned' }) }),
  ]);
  expect(r.state.patches).toHaveLength(196 * 768);
  return updateVit(r.state, { type: 'worker', msg: embedded(2, 196, 192) }).state;
}

describe('ViT island state', () => {
  it('load → embed → ready, with the sample credit and the result scales', () => {
    const s = loaded();
    expect(s.phase).toBe('ready');
    expect(s.credit).toBe('CC0');
    expect(s.sample).toBe('chelsea.png');
    expect(s.scaleEmb).toBe(2);
    expect(s.scaleTok).toBe(3);
    expect(s.status).toMatch(/계산 완료/);
  });

  it('an answer to a superseded request is ignored', () => {
    let s = loaded();
    s = updateVit(s, { type: 'dim', dim: 384 }).state; // embed id 3
    const r = updateVit(s, { type: 'dim', dim: 768 }); // embed id 4
    s = updateVit(r.state, { type: 'worker', msg: embedded(3, 196, 384) }).state;
    expect(s.result?.dim).toBe(192);
    expect(s.phase).toBe('computing');
    s = updateVit(s, { type: 'worker', msg: embedded(4, 196, 768) }).state;
    expect(s.result?.dim).toBe(768);
  });

  it('a failed load keeps the previous image, patches and result', () => {
    let s = loaded();
    const before = { image: s.image, patches: s.patches, result: s.result };
    s = updateVit(s, { type: 'load', name: 'notes.txt', blob: new Blob(['x']), sample: null, credit: null }).state;
    s = updateVit(s, { type: 'worker', msg: { type: 'error', id: s.loadId, message: '이미지가 아닙니다' } }).state;
    expect(s.error).toBe('이미지가 아닙니다');
    expect({ image: s.image, patches: s.patches, result: s.result }).toEqual(before);
    expect(s.phase).toBe('ready');
    expect(s.status).toMatch(/chelsea\.png/);
  });

  it('refuses a file over the size limit before sending it', () => {
    const s = loaded();
    const big = { size: MAX_FILE_BYTES + 1 } as Blob;
    const r = updateVit(s, { type: 'load', name: 'big.png', blob: big, sample: null, credit: null });
    expect(r.send).toEqual([]);
    expect(r.state.error).toMatch(/big\.png/);
    expect(r.state.image?.name).toBe('chelsea.png');
  });

  it('changing p keeps the same image spot selected and recomputes', () => {
    let s = loaded();
    s = updateVit(s, { type: 'select', sel: 15 }).state; // p 16: row 1, col 1 (pixels 16..32)
    const r = updateVit(s, { type: 'patch', p: 8 });
    expect(r.state.sel).toBe(keepSpot(15, 16, 8));
    expect(r.state.sel).toBe(3 * 28 + 3); // centre (24, 24) at p 8 → row 3, col 3
    expect(r.send[0]).toMatchObject({ type: 'embed', config: { patch: 8 } });
    expect(r.state.patches).toHaveLength(784 * 192);
  });

  it('keyboard moves clamp to the grid', () => {
    expect(moveSelection(0, 14, 'ArrowLeft')).toBe(0);
    expect(moveSelection(0, 14, 'ArrowDown')).toBe(14);
    expect(moveSelection(5, 14, 'End')).toBe(195);
    expect(moveSelection(5, 14, 'a')).toBeNull();
  });
});

describe('ViT URL state', () => {
  it('round-trips every control and keeps other parameters', () => {
    const s = { p: 8 as const, dim: 768 as const, pos: 'sincos' as const, sample: 'rocket.jpg' as const, sel: 700 };
    const search = writeVitState('?backend=cpu&attn-d=32', s);
    expect(new URLSearchParams(search).get('backend')).toBe('cpu');
    expect(new URLSearchParams(search).get('attn-d')).toBe('32');
    expect(readVitState(search)).toEqual({ state: s, problems: [] });
  });

  it('bad or out-of-range values fall back to defaults and are named', () => {
    const { state, problems } = readVitState('?vit-p=15&vit-d=100&vit-pos=x&vit-img=../etc&vit-sel=999');
    expect(state).toEqual(DEFAULT_VIT_STATE);
    const named = (ps: readonly { param: string; value: string }[]) => ps.map((p) => `${p.param}=${p.value}`);
    expect(named(problems)).toEqual(['vit-p=15', 'vit-d=100', 'vit-pos=x', 'vit-img=../etc', 'vit-sel=999']);
    expect(readVitState('?vit-p=32&vit-sel=48').state.sel).toBe(48);
    expect(readVitState('?vit-p=32&vit-sel=49').problems).toEqual([{ param: 'vit-sel', value: '49', reason: 'range' }]);
    expect(readVitState('?vit-sel=-3').problems).toEqual([{ param: 'vit-sel', value: '-3', reason: 'range' }]);
  });

  it('the reader’s own image is not put in the URL', () => {
    expect(new URLSearchParams(writeVitState('', { ...DEFAULT_VIT_STATE, sample: null })).has('vit-img')).toBe(false);
  });
});
