import { describe, expect, it } from 'vitest';
import { boolControl, enumControl, inputAttrs, numberControl, parseControl, textControl, zodOf } from '@demos/shared/controls';
import { describeUrlProblems, urlCodec } from '@src/lib/url-codec';

const spec = {
  alpha: numberControl(0, 1, 0.1, false, 0.7),
  epochs: numberControl(1, 50, 1, true, 10),
  arch: enumControl(['wrn16-1', 'wrn16-3'] as const, 'wrn16-1'),
  size: enumControl([8, 16, 32] as const, 16),
  causal: boolControl(false),
  digits: textControl('31415926', /^[0-9]{8}$/),
};
const codec = urlCodec('x-', spec, { param: { epochs: 'x-ep' } });

describe('one URL codec from a control spec', () => {
  it('missing keys take the defaults; values round-trip; other parameters are kept', () => {
    expect(codec.read('').values).toEqual(codec.defaults());
    const v = { alpha: 0.25, epochs: 3, arch: 'wrn16-3', size: 32, causal: true, digits: '12345678' } as const;
    const q = codec.write('?backend=wasm', v);
    expect(q).toBe('?backend=wasm&x-alpha=0.25&x-ep=3&x-arch=wrn16-3&x-size=32&x-causal=1&x-digits=12345678');
    expect(codec.read(q)).toEqual({ values: v, problems: [] });
  });

  it('every bad value is reported the same way, { param, value, reason }, and takes the default', () => {
    const r = codec.read('?x-alpha=7&x-ep=2.5&x-arch=vgg&x-size=12&x-causal=yes&x-digits=12&x-alpha=');
    expect(r.values).toEqual(codec.defaults());
    expect(r.problems).toEqual([
      { param: 'x-alpha', value: '7', reason: 'range' },
      { param: 'x-ep', value: '2.5', reason: 'int' },
      { param: 'x-arch', value: 'vgg', reason: 'unknown' },
      { param: 'x-size', value: '12', reason: 'unknown' },
      { param: 'x-causal', value: 'yes', reason: 'unknown' },
      { param: 'x-digits', value: '12', reason: 'form' },
    ]);
    expect(codec.read('?x-ep=abc').problems[0]?.reason).toBe('nan');
    expect(codec.read('?x-ep=').problems[0]?.reason).toBe('empty');
  });

  it('omitDefaults writes only what differs from the default; null removes a parameter', () => {
    const short = urlCodec('k-', { n: numberControl(1, 9, 1, true, 3) }, { omitDefaults: true });
    expect(short.write('?k-n=5&a=1', { n: 3 })).toBe('?a=1');
    expect(short.write('', { n: 4 })).toBe('?k-n=4');
    expect(codec.write('?x-arch=wrn16-3', { arch: null })).toBe('');
  });

  it('the problems read in both languages', () => {
    const ps = codec.read('?x-alpha=7').problems;
    expect(describeUrlProblems(ps, 'ko')).toBe('x-alpha=7 (범위 밖)');
    expect(describeUrlProblems(ps, 'en')).toBe('x-alpha=7 (out of range)');
  });

  it('the zod schema and the input attributes come from the same control', () => {
    expect(zodOf(spec.alpha).safeParse(0.25).success).toBe(true);
    expect(zodOf(spec.alpha).safeParse(1.5).success).toBe(false);
    expect(zodOf(spec.epochs).safeParse(2.5).success).toBe(false);
    expect(zodOf(spec.size).safeParse(16).success).toBe(true);
    expect(zodOf(spec.size).safeParse(12).success).toBe(false);
    expect(zodOf(spec.digits).safeParse('1234').success).toBe(false);
    expect(inputAttrs(spec.alpha)).toEqual({ min: 0, max: 1, step: 0.1 });
    expect(parseControl(spec.alpha, '0.5')).toEqual({ ok: true, value: 0.5 });
  });
});
