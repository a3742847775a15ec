/**
 * One source per control (issue #22): change a range and the list of GAF sizes in ONE place
 * (demos/kd/run/number-spec.ts, mocked here) and the page's input attributes, the URL codec,
 * the check at the input and the worker's schema all follow.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('@demos/kd/run/number-spec');
  vi.resetModules();
});

async function load() {
  const config = await import('@demos/kd/run/config');
  const { readKdUrl } = await import('@src/islands/kd/url-state');
  const { inputAttrs } = await import('@demos/shared/controls');
  return { ...config, readKdUrl, inputAttrs };
}

describe('KD controls: one spec, every home derived from it', () => {
  it('α up to 2 and GAF sizes 8/48 in the spec: the page, the URL, the input check and the worker agree', async () => {
    vi.resetModules();
    vi.doMock('@demos/kd/run/number-spec', async (importOriginal) => {
      const o = await importOriginal<typeof import('@demos/kd/run/number-spec')>();
      return { ...o, GAF_SIZES: [8, 48] as const, NUMBER_SPEC: { ...o.NUMBER_SPEC, alpha: { ...o.NUMBER_SPEC.alpha, max: 2 } } };
    });
    const k = await load();
    const worker = (over: object) => k.RunConfigSchema.safeParse({ ...k.DEFAULT_CONFIG, ...over }).success;
    // The page's attributes (KdRunDemo.astro spreads inputAttrs(KD_CONTROLS[key]) and lists KD_CONTROLS.gafSize.values).
    expect(k.inputAttrs(k.KD_CONTROLS.alpha)).toEqual({ min: 0, max: 2, step: 0.1 });
    expect(k.KD_CONTROLS.gafSize.values).toEqual([8, 48]);
    // The URL codec, the check at the input and the worker's schema.
    expect(k.readKdUrl('?kd-alpha=1.5&kd-gaf=48').problems).toEqual([]);
    expect(k.readKdUrl('?kd-alpha=1.5').state.config.alpha).toBe(1.5);
    expect(k.checkNumber('alpha', '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(worker({ alpha: 1.5, gafSize: 48 })).toBe(true);
    // Beyond the new range: refused everywhere.
    expect(k.readKdUrl('?kd-alpha=2.5&kd-gaf=16').problems.map((p) => p.param)).toEqual(['kd-alpha', 'kd-gaf']);
    expect(k.checkNumber('alpha', '2.5').ok).toBe(false);
    expect(worker({ alpha: 2.5 })).toBe(false);
    expect(worker({ gafSize: 16 })).toBe(false);
  });

  it('unmocked: the shipped ranges (α ≤ 1, GAF 8…64) are what every home uses', async () => {
    vi.resetModules();
    const k = await load();
    expect(k.inputAttrs(k.KD_CONTROLS.alpha).max).toBe(1);
    expect(k.readKdUrl('?kd-alpha=1.5').problems).toEqual([{ param: 'kd-alpha', value: '1.5', reason: 'range' }]);
    expect(k.RunConfigSchema.safeParse({ ...k.DEFAULT_CONFIG, alpha: 1.5 }).success).toBe(false);
  });

  it('the page reads the controls, not numbers of its own', () => {
    const page = readFileSync('src/components/KdRunDemo.astro', 'utf8');
    expect(page).toContain('{...inputAttrs(KD_CONTROLS[f.key])}');
    expect(page).toContain('KD_CONTROLS.gafSize.values.map');
    // No number input with a range of its own (the progress bar's max="1" is a fraction, not a control).
    expect(page).not.toMatch(/<input[^>]*\b(min|max|step)=/);
  });
});
