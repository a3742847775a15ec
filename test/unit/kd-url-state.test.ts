/** The KD demo's controls in the URL (src/islands/kd/url-state.ts): round trip, defaults, bad values with a note. */
import { describe, it, expect } from 'vitest';
import { DEFAULT_URL_STATE, readKdUrl, writeKdUrl, type KdUrlState } from '@src/islands/kd/url-state';

describe('KD URL state', () => {
  it('no kd- keys: the defaults, no problems', () => {
    expect(readKdUrl('')).toEqual({ state: DEFAULT_URL_STATE, problems: [] });
    expect(readKdUrl('?backend=webgpu').state).toEqual(DEFAULT_URL_STATE);
  });

  it('round-trips every control and keeps other keys', () => {
    const s: KdUrlState = {
      data: 'full',
      split: 'loso',
      window: 7,
      cm: 'teacher-signal',
      config: {
        testSubject: 105,
        teacherArch: 'wrn28-3',
        alpha: 0.3,
        lambda: 0.7,
        temperature: 2.5,
        epochs: 12,
        gafSize: 32,
        batchSize: 24,
        seed: 99,
        teachers: 'train',
      },
    };
    const search = writeKdUrl('?backend=cpu', s);
    expect(search).toContain('backend=cpu');
    expect(search).toContain('kd-alpha=0.3');
    expect(search).toContain('kd-T=2.5');
    expect(readKdUrl(search)).toEqual({ state: s, problems: [] });
    // The data's default split and an unpicked window are not written.
    const d = writeKdUrl('', DEFAULT_URL_STATE);
    expect(d).not.toContain('kd-split');
    expect(d).not.toContain('kd-win');
  });

  it('bad or out-of-range values fall back to the defaults and are reported', () => {
    const { state, problems } = readKdUrl(
      '?kd-alpha=1.5&kd-T=abc&kd-epochs=2.5&kd-gaf=20&kd-arch=resnet&kd-split=kfold&kd-fold=110&kd-cm=x&kd-lambda=0.5',
    );
    expect(state.config.alpha).toBe(DEFAULT_URL_STATE.config.alpha);
    expect(state.config.temperature).toBe(DEFAULT_URL_STATE.config.temperature);
    expect(state.config.epochs).toBe(DEFAULT_URL_STATE.config.epochs);
    expect(state.config.gafSize).toBe(DEFAULT_URL_STATE.config.gafSize);
    expect(state.config.teacherArch).toBe(DEFAULT_URL_STATE.config.teacherArch);
    expect(state.split).toBeNull();
    expect(state.config.testSubject).toBe(DEFAULT_URL_STATE.config.testSubject);
    expect(state.config.lambda).toBe(0.5); // the good one is kept
    expect(problems.map((p) => p.param).sort()).toEqual(
      ['kd-T', 'kd-alpha', 'kd-arch', 'kd-cm', 'kd-epochs', 'kd-fold', 'kd-gaf', 'kd-split'].sort(),
    );
    expect(problems.find((p) => p.param === 'kd-alpha')).toEqual({ param: 'kd-alpha', value: '1.5', reason: 'range' });
    expect(problems.find((p) => p.param === 'kd-gaf')).toEqual({ param: 'kd-gaf', value: '20', reason: 'unknown' });
    expect(readKdUrl('?kd-alpha=').problems).toHaveLength(1); // empty is not 0
  });
});
