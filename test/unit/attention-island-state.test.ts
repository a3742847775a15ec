import { describe, expect, it } from 'vitest';
import { initialAttnState, updateAttention, type AttnState, type StepResult } from '@src/islands/attention/state';
import { DEFAULT_STATE } from '@src/islands/attention/url-state';
import type { AttentionData } from '@demos/attention/attention';

function result(t: number, h: number): StepResult {
  const data = { t, d: 16, h, dh: 16 / h } as AttentionData;
  return { tokens: Array.from({ length: t }, (_, i) => `w${i}`), data, causal: false, scale: true, source: 'random' };
}

function computed(s: AttnState, r: StepResult): AttnState {
  return updateAttention(s, { type: 'computed', version: s.version, result: r, seed: 7 }).state;
}

describe('attention island state', () => {
  it('the language model always runs causal; random weights follow the checkbox', () => {
    const s = initialAttnState({ ...DEFAULT_STATE, causal: false });
    const lm = updateAttention(s, { type: 'input', patch: {} }).send[0];
    expect(lm).toMatchObject({ weights: 'lm', causal: true });
    const rnd = updateAttention(s, { type: 'input', patch: { weights: 'random' } }).send[0];
    expect(rnd).toMatchObject({ weights: 'random', causal: false });
  });

  it('the stepper moves one stage at a time and stays within Q … ·V', () => {
    let s = initialAttnState(DEFAULT_STATE);
    s = updateAttention(s, { type: 'stage', stage: s.view.stage + 1 }).state;
    expect(s.view.stage).toBe(1);
    expect(updateAttention(s, { type: 'stage', stage: -1 }).state.view.stage).toBe(0);
    expect(updateAttention(s, { type: 'stage', stage: 99 }).state.view.stage).toBe(7);
  });

  it('an input change tokenises and asks for one computation with the new inputs', () => {
    const s = initialAttnState(DEFAULT_STATE);
    const r = updateAttention(s, { type: 'input', patch: { text: '고양이가 잔다 .', d: 64, h: 4, causal: true } });
    expect(r.send).toEqual([
      { type: 'compute', version: 1, tokens: ['고양이가', '잔다', '.'], d: 64, h: 4, causal: true, scale: true, weights: 'lm', layer: 0 },
    ]);
    expect(r.state.view).toMatchObject({ text: '고양이가 잔다 .', d: 64, h: 4, causal: true });
  });

  it('a bad text keeps the last result and says why, without computing', () => {
    let s = computed(updateAttention(initialAttnState(DEFAULT_STATE), { type: 'input', patch: {} }).state, result(3, 2));
    const before = s.step;
    const r = updateAttention(s, { type: 'input', patch: { text: '   ' } });
    expect(r.send).toEqual([]);
    s = r.state;
    expect(s.step).toBe(before);
    expect(s.message?.kind).toBe('error');
    expect(s.view.text).toBe('   '); // what the reader typed stays in the box
  });

  it('drops the answer to an older computation', () => {
    let s = updateAttention(initialAttnState(DEFAULT_STATE), { type: 'input', patch: { d: 16 } }).state; // v1
    s = updateAttention(s, { type: 'input', patch: { d: 32 } }).state; // v2
    const stale = updateAttention(s, { type: 'computed', version: 1, result: result(4, 2), seed: 7 }).state;
    expect(stale.step).toBeNull();
    const late = updateAttention(s, { type: 'compute-failed', version: 1, error: new Error('x') }).state;
    expect(late.message).toBeNull();
    expect(computed(s, result(4, 2)).message).toMatchObject({ kind: 'ok', text: expect.stringContaining('토큰 4개') });
  });

  it('clamps the query and head to the result', () => {
    let s = initialAttnState({ ...DEFAULT_STATE, q: 9, head: 3 });
    s = computed(updateAttention(s, { type: 'input', patch: {} }).state, result(3, 2));
    expect(s.view).toMatchObject({ q: 2, head: 1 });
    s = updateAttention(s, { type: 'query', q: 7, head: 0 }).state;
    expect(s.view).toMatchObject({ q: 2, head: 0 });
    s = updateAttention(s, { type: 'head', head: -1 }).state;
    expect(s.view.head).toBe(0);
  });

  it('opening the trained tab loads the checkpoint once; leaving it stops training', () => {
    let s = initialAttnState(DEFAULT_STATE);
    let r = updateAttention(s, { type: 'mode', mode: 'trained' });
    expect(r.send).toEqual([{ type: 'load-checkpoint' }]);
    r = updateAttention(r.state, { type: 'mode', mode: 'step' });
    expect(r.send).toEqual([{ type: 'stop-training' }]);
    r = updateAttention(r.state, { type: 'mode', mode: 'trained' });
    expect(r.send).toEqual([]);
    s = updateAttention(r.state, { type: 'backend-changed' }).state;
    expect(updateAttention(r.state, { type: 'backend-changed' }).send.map((e) => e.type)).toEqual(['compute', 'load-checkpoint']);
    expect(s.view.mode).toBe('trained');
  });

  it('digits: 8 digits redraw the maps and go to the URL state; anything else is flagged', () => {
    const s = initialAttnState(DEFAULT_STATE);
    const bad = updateAttention(s, { type: 'digits', digits: '12a' });
    expect(bad.send).toEqual([]);
    expect(bad.state.trained.digitsError).toBe(true);
    expect(bad.state.view.digits).toBe(DEFAULT_STATE.digits);
    const ok = updateAttention(bad.state, { type: 'digits', digits: '12345678' });
    expect(ok.send).toEqual([{ type: 'draw-maps', digits: '12345678' }]);
    expect(ok.state.view.digits).toBe('12345678');
    expect(ok.state.trained.digitsError).toBe(false);
  });

  it('trained progress: status, readiness, training flag and map redraw count', () => {
    let s = initialAttnState(DEFAULT_STATE);
    s = updateAttention(s, { type: 'trained', status: 'ok', source: 'ckpt', loaded: 'checkpoint' }).state;
    s = updateAttention(s, { type: 'trained-ready' }).state;
    s = updateAttention(s, { type: 'training', on: true, status: 'training' }).state;
    s = updateAttention(s, { type: 'maps', maps: [new Float32Array(128)], pred: new Int32Array(8), digits: '12345678' }).state;
    s = updateAttention(s, { type: 'maps', maps: [new Float32Array(128)], pred: new Int32Array(8), digits: '12345678' }).state;
    expect(s.trained).toMatchObject({
      status: 'training',
      source: 'ckpt',
      loaded: 'checkpoint',
      ready: true,
      training: true,
      mapsVersion: 2,
    });
  });
});
