import { describe, expect, it } from 'vitest';
import { initialKdsState, parseSeeds, updateKds } from '@src/islands/kd-story/state';
import { readKdsUrl, writeKdsUrl } from '@src/islands/kd-story/url-state';

describe('KD story island state', () => {
  it('refuses bad seed counts at the input, in Korean, and sends no run', () => {
    expect(parseSeeds('5')).toBe(5);
    for (const bad of ['', ' ', '4', '11', '5.5', 'abc']) expect(typeof parseSeeds(bad)).toBe('string');
    expect(parseSeeds('')).toMatch(/시드 수를 입력해 주세요/);
    let s = initialKdsState({ setting: 'few', seeds: 5 });
    s = updateKds(s, { type: 'seeds', text: '0' }).state;
    expect(s.inputError).toMatch(/5에서 10 사이/);
    expect(s.seeds).toBe(5); // the last valid count is kept
    expect(updateKds(s, { type: 'start' }).send).toEqual([]);
  });

  it('a run request carries the config; answers of a superseded run are ignored', () => {
    let s = initialKdsState({ setting: 'few', seeds: 5 });
    const r = updateKds(s, { type: 'start' }, '/base/', '');
    expect(r.send).toMatchObject([{ type: 'run', id: 1, config: { setting: 'few', seeds: 5, T: 4, lambda: 0.9 }, dataBase: '/base/' }]);
    s = updateKds(r.state, { type: 'start' }).state; // restart: cancels run 1
    expect(s.runId).toBe(2);
    const stale = updateKds(s, { type: 'worker', msg: { type: 'progress', id: 1, done: 3, total: 32 } });
    expect(stale.state.progress).toBeNull();
  });

  it('URL: only valid, non-default values are written; bad ones are named', () => {
    expect(readKdsUrl('?kds-setting=lab&kds-seeds=7')).toEqual({ setting: 'lab', seeds: 7, problems: [] });
    expect(readKdsUrl('?kds-setting=xx&kds-seeds=99').problems).toEqual([
      { param: 'kds-setting', value: 'xx', reason: 'unknown' },
      { param: 'kds-seeds', value: '99', reason: 'range' },
    ]);
    expect(writeKdsUrl('?a=1', { setting: 'few', seeds: 5 })).toBe('?a=1');
    expect(writeKdsUrl('', { setting: 'lab', seeds: 6 })).toBe('?kds-setting=lab&kds-seeds=6');
  });
});
