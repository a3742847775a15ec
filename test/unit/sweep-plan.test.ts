import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSweepConfig, sweepConfigSchema } from '@demos/kd/sweep/config.ts';
import { parseShard, planSweep, shardUnits } from '@demos/kd/sweep/plan.ts';
import { groupRuns } from '@demos/kd/sweep/group.ts';
import { mergeSweeps } from '@demos/kd/sweep/node/merge.ts';
import { runFile, writeFileAtomic } from '@demos/kd/sweep/node/store.ts';
import { parseArtifact, type RunArtifact } from '@demos/kd/artifact/index.ts';
import { aggregate } from '@demos/kd/artifact/aggregation.ts';

const preset = (name: string) => parseSweepConfig(name, JSON.parse(readFileSync(`demos/kd/sweep/presets/${name}.json`, 'utf8')));

describe('sweep presets and plan', () => {
  it('paper preset is the protocol: 2 archs × 3 α × 3 trials × 9 folds, λ 0.99, T 4, 200 epochs', () => {
    const c = preset('paper');
    expect([c.teacherArchs, c.alphas, c.trials, c.lambda, c.temperature, c.epochs]).toEqual([
      ['WRN16-3', 'WRN28-1'],
      [0.3, 0.5, 0.7],
      3,
      0.99,
      4,
      200,
    ]);
    const units = planSweep(c, [101, 102, 103, 104, 105, 106, 107, 108, 109]);
    expect(units).toHaveLength(18); // teachers trained once per (arch, fold)
    expect(units.flatMap((u) => u.runs)).toHaveLength(162);
    expect(new Set(units.flatMap((u) => u.runs.map((r) => r.id))).size).toBe(162);
    expect(preset('quick').folds).toBe('all');
    expect(preset('smoke').epochs).toBe(1);
  });

  it('shards partition the units: disjoint, complete, teachers never split', () => {
    const units = planSweep(preset('paper'), [101, 102, 103, 104, 105, 106, 107, 108, 109]);
    const parts = [1, 2, 3, 4].map((k) => shardUnits(units, { k, n: 4 }));
    const keys = parts.flat().map((u) => u.key);
    expect(keys.sort()).toEqual(units.map((u) => u.key).sort());
    expect(parseShard('2/4')).toEqual({ k: 2, n: 4 });
    expect(() => parseShard('5/4')).toThrow(/k\/n/);
  });

  it('bad configs name the field; unknown folds are refused', () => {
    expect(() => parseSweepConfig('x.json', { ...preset('smoke'), alphas: [1.5] })).toThrow(/x\.json: field alphas\[0\]: /);
    expect(() => parseSweepConfig('x.json', { ...preset('smoke'), extra: 1 })).toThrow(/x\.json/);
    expect(() => planSweep(sweepConfigSchema.parse({ ...preset('smoke'), folds: [104] }), [101, 102])).toThrow(
      /folds 104 are not in the data/,
    );
  });
});

function fakeRun(id: string, subject: number, trial: number, acc: number): RunArtifact {
  return parseArtifact(id, {
    schemaVersion: 1,
    kind: 'run',
    id,
    config: {
      method: 'base',
      teachers: [
        { role: 'T1', modality: 'GAF', arch: 'WRN16-3' },
        { role: 'T2', modality: 'signal', arch: 'WRN16-3' },
      ],
      student: { modality: 'signal', arch: 'WRN16-1' },
      alpha: 0.7,
      lambda: 0.99,
      temperature: 4,
      epochs: 1,
      data: { dataset: 'PAMAP2', source: 'x', sha256: 'b'.repeat(64) },
      fold: subject - 101,
      heldOutSubject: String(subject),
      trial,
      seed: trial,
    },
    metrics: { bestTestAcc: acc, bestEpoch: 1, lastTestAcc: acc, curve: [{ epoch: 1, trainLoss: 1, testAcc: acc }] },
    env: { backend: 'wasm', runtime: 'node', codeVersion: 'c', createdAt: '2026-11-26T00:00:00.000Z', durationMs: 1 },
    sweep: { name: 'm', groupKey: 'wrn16-3-a0.7' },
  }) as RunArtifact;
}

describe('merge of shard outputs', () => {
  it('copies runs once and writes the mean_se group (= mean3_se for 9 × 3)', () => {
    const a = mkdtempSync(join(tmpdir(), 'shard-a-'));
    const b = mkdtempSync(join(tmpdir(), 'shard-b-'));
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    const accs: number[][] = [];
    for (let f = 0; f < 9; f++) {
      accs.push([]);
      for (let t = 0; t < 3; t++) {
        const acc = 80 + ((f * 7 + t * 3) % 11);
        accs[f]!.push(acc);
        const r = fakeRun(`m-s${101 + f}-t${t}`, 101 + f, t, acc);
        writeFileAtomic(runFile(f % 2 ? a : b, 'm', r.id), JSON.stringify(r));
      }
    }
    writeFileAtomic(runFile(out, 'm', 'm-s101-t0'), JSON.stringify(fakeRun('m-s101-t0', 101, 0, accs[0]![0]!))); // already there
    const r = mergeSweeps(out, [a, b, a], '2026-11-26T00:00:00.000Z'); // a twice: idempotent
    expect(r.copied).toBe(26);
    expect(r.conflicts).toEqual([]);
    expect(readdirSync(join(out, 'm', 'runs'))).toHaveLength(27);
    const g = JSON.parse(readFileSync(join(out, 'm', 'groups', 'wrn16-3-a0.7.json'), 'utf8'));
    const ref = aggregate('mean3_se', accs);
    expect(g.rule).toBe('mean_se');
    expect(g.mean).toBeCloseTo(ref.mean, 10);
    expect(g.std).toBeCloseTo(ref.std!, 10);
    expect(g.runIds).toHaveLength(27);
    expect(groupRuns([])).toEqual([]);
  });

  it('a different file under the same run id is a conflict, not an overwrite', () => {
    const a = mkdtempSync(join(tmpdir(), 'shard-c-'));
    const out = mkdtempSync(join(tmpdir(), 'merged-c-'));
    writeFileAtomic(runFile(a, 'm', 'm-s101-t0'), JSON.stringify(fakeRun('m-s101-t0', 101, 0, 50)));
    writeFileAtomic(runFile(out, 'm', 'm-s101-t0'), JSON.stringify(fakeRun('m-s101-t0', 101, 0, 60)));
    const r = mergeSweeps(out, [a]);
    expect(r.conflicts).toHaveLength(1);
    expect(JSON.parse(readFileSync(runFile(out, 'm', 'm-s101-t0'), 'utf8')).metrics.bestTestAcc).toBe(60);
  });
});
