/**
 * The KD demo's numeric settings are checked against ONE spec (demos/kd/run/config.ts
 * NUMBER_SPEC): the field check at the input, the zod schema the worker re-validates with, and
 * the URL codec must agree on every value; chance comes from the classes the model can learn.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, NUMBER_SPEC, RunConfigSchema, checkNumber, type NumberKey } from '@demos/kd/run/config';
import { chanceOfSplit } from '@demos/kd/run/metrics';
import { readKdUrl } from '@src/islands/kd/url-state';
import { S } from '@src/islands/kd/strings';

const URL_KEY: Partial<Record<NumberKey, string>> = {
  alpha: 'kd-alpha',
  lambda: 'kd-lambda',
  temperature: 'kd-T',
  epochs: 'kd-epochs',
  batchSize: 'kd-batch',
  seed: 'kd-seed',
  testSubject: 'kd-fold',
};

describe('KD settings: one spec for the input, the schema and the URL', () => {
  it('the reported cases: α = 1.5, T = 0, an empty field, NaN, a fraction where an integer is due', () => {
    expect(checkNumber('alpha', '1.5')).toEqual({ ok: false, problem: 'range' });
    expect(checkNumber('temperature', '0')).toEqual({ ok: false, problem: 'range' });
    expect(checkNumber('epochs', '')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNumber('lambda', 'abc')).toEqual({ ok: false, problem: 'nan' });
    expect(checkNumber('epochs', '2.5')).toEqual({ ok: false, problem: 'int' });
    expect(checkNumber('alpha', '0.25')).toEqual({ ok: true, value: 0.25 });
    expect(S.fieldProblem('range', NUMBER_SPEC.alpha)).toContain('0 이상 1 이하의 수');
    expect(S.fieldProblem('empty', NUMBER_SPEC.epochs)).toContain('1 이상 50 이하의 정수');
  });

  it('every value just inside / outside each range gets the same verdict from the check, the schema and the URL', () => {
    for (const [key, spec] of Object.entries(NUMBER_SPEC) as [NumberKey, (typeof NUMBER_SPEC)[NumberKey]][]) {
      const d = spec.int ? 1 : 0.001;
      for (const v of [spec.min - d, spec.min, spec.max, spec.max + d, spec.int ? spec.min + 0.5 : (spec.min + spec.max) / 2]) {
        const check = checkNumber(key, String(v)).ok;
        const schema = RunConfigSchema.safeParse({ ...DEFAULT_CONFIG, [key]: v }).success;
        expect(schema, `${key}=${v}: schema vs check`).toBe(check);
        const urlKey = URL_KEY[key];
        if (urlKey) expect(readKdUrl(`?${urlKey}=${v}`).problems.length === 0, `${key}=${v}: URL vs check`).toBe(check);
      }
    }
  });

  it('chance is 100 / the number of classes in training, never 100 % for a one-class test set', () => {
    // A fold whose test windows are all one class used to read "chance 100.0 %".
    expect(chanceOfSplit([0, 3, 2, 2, 0, 0, 0, 0, 0, 0, 0, 1])).toBeCloseTo(25, 10);
    expect(chanceOfSplit(new Array(12).fill(2))).toBeCloseTo(100 / 12, 10);
    expect(chanceOfSplit(new Array(12).fill(0))).toBeNull();
  });
});
