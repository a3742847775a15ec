/**
 * The KD run island's update (src/islands/kd/island-state.ts) without a DOM: the form, the URL
 * and the run live in one state, and the effects come back as data (messages to the worker, the
 * file picker, a download), so the whole island's behaviour is checked here in Node.
 */
import { describe, it, expect } from 'vitest';
import { initIsland, updateIsland, type KdEvent, type KdIslandState } from '@src/islands/kd/island-state';
import { controlsOf } from '@src/islands/kd/island-core';
import { readKdUrl, writeKdUrl } from '@src/islands/kd/url-state';

const summary = {
  label: 'x',
  source: 'excerpt' as const,
  dataId: 'excerpt:1',
  sha256: 'a'.repeat(64),
  windows: 39,
  subjects: [{ id: 101, windows: 39, classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
  classCounts: new Array(12).fill(3),
  rows: 1,
  files: [],
};
const INIT = { type: 'init', search: '', baseUrl: 'http://x/' } as const;
const start = (search: string) => initIsland(readKdUrl(search).state, [], INIT);
const step = (s: KdIslandState, ...es: KdEvent[]): KdIslandState => es.reduce((x, e) => updateIsland(x, e).state, s);
const ready: KdEvent = { type: 'worker', msg: { type: 'data-ready', summary, preview: null } };
const lanes: KdEvent = { type: 'worker', msg: { type: 'lanes', workers: 1, why: null } };

describe('KD run island update', () => {
  it('starts from the URL: the form shows its values; the worker is set up, then the excerpt asked for', () => {
    const { state, send } = start('?kd-alpha=0.3&kd-epochs=3&kd-split=window');
    expect(state.form.alpha).toBe('0.3');
    expect(state.form.epochs).toBe('3');
    expect(state.saved).toBe(false); // the page's URL is not rewritten until something changes
    expect(send.map((fx) => (fx.type === 'post' ? fx.msg.type : fx.type))).toEqual(['init', 'load-bundled']);
    expect(state.run.busy).toBe('data');
  });

  it('a typed value reaches the URL only when valid; an invalid one keeps the last valid value and blocks the start', () => {
    const s0 = step(start('').state, ready, lanes);
    const s1 = step(s0, { type: 'field', role: 'alpha', value: '0.9' });
    expect(new URLSearchParams(writeKdUrl('', s1.url)).get('kd-alpha')).toBe('0.9');
    const s2 = step(s1, { type: 'field', role: 'alpha', value: '7' });
    expect(s2.url.config.alpha).toBe(0.9);
    expect(controlsOf(s2).invalid).toBe(true);
    const r = updateIsland(s2, { type: 'start' });
    expect(r.send).toEqual([]);
    expect(r.state.run.busy).toBe('none');
  });

  it('data: the excerpt gets the window split and its fold; a start sends the config as typed', () => {
    const s = step(start('').state, ready, lanes);
    expect(s.form.split).toBe('window');
    expect(s.form.fold).toBe('101');
    expect(s.saved).toBe(true);
    const r = updateIsland(s, { type: 'start' });
    expect(r.state.run.busy).toBe('run');
    expect(r.send).toEqual([{ type: 'post', msg: { type: 'start', config: r.state.run.config } }]);
    expect(r.state.run.config?.alpha).toBe(Number(s.form.alpha));
  });

  it('the upload radio opens the file picker (an effect); the URL asking for absent full data adds a note', () => {
    // The worker answers `full-data` at setup, before the excerpt is ready (data-ready writes the URL from the choice made).
    const s = start('?kd-data=full').state;
    expect(updateIsland(s, { type: 'radio', value: 'upload' }).send).toEqual([{ type: 'pick-file' }]);
    const none = step(s, { type: 'worker', msg: { type: 'full-data', description: null } });
    expect(none.notes.length).toBe(s.notes.length + 1);
    const full = updateIsland(s, { type: 'worker', msg: { type: 'full-data', description: '10 subjects' } });
    expect(full.state.radio).toBe('full');
    expect(full.send).toEqual([{ type: 'post', msg: { type: 'load-bundled', which: 'full' } }]);
  });
});
