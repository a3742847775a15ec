import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArtifact, parseArtifactText, ArtifactError } from '../../demos/kd/artifact/index.ts';

const goodRun = () => ({
  schemaVersion: 1,
  kind: 'run',
  id: 'smoke-a0.7-f0-t0',
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
    epochs: 2,
    data: { dataset: 'PAMAP2', source: 'excerpt', sha256: 'a'.repeat(64) },
    fold: 0,
    trial: 0,
    seed: 1,
  },
  metrics: { bestTestAcc: 50, bestEpoch: 1, lastTestAcc: 40, curve: [{ epoch: 0, trainLoss: 1, testAcc: 40 }] },
  env: { backend: 'cpu', runtime: 'node', codeVersion: 'abc', createdAt: '2026-11-26T23:00:00.000Z', durationMs: 10 },
});

describe('artifact schema', () => {
  it('accepts a valid run artifact', () => {
    expect(parseArtifact('run.json', goodRun()).kind).toBe('run');
  });

  it('rejects a broken fixture with a message naming the file and the field', () => {
    const text = readFileSync(new URL('./fixtures/results/broken-run.json', import.meta.url), 'utf8');
    let err: unknown;
    try {
      parseArtifactText('fixtures/results/broken-run.json', text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ArtifactError);
    const msg = (err as Error).message;
    expect(msg).toContain('fixtures/results/broken-run.json');
    expect(msg).toContain('field config.alpha');
    expect(msg).toContain('field metrics.bestTestAcc');
  });

  it('names the field for an out-of-range value and an unknown version', () => {
    const bad = goodRun();
    bad.metrics.curve[0]!.testAcc = 140;
    expect(() => parseArtifact('x.json', bad)).toThrow(/x\.json: field metrics\.curve\[0\]\.testAcc/);
    expect(() => parseArtifact('y.json', { ...goodRun(), schemaVersion: 2 })).toThrow(/y\.json: field schemaVersion/);
    expect(() => parseArtifactText('z.json', '{ nope')).toThrow(/z\.json: not valid JSON/);
  });

  it('rejects a reference cell whose mean differs from its displayed string', () => {
    const cells = JSON.parse(readFileSync(new URL('../../content/results/reference/cells.json', import.meta.url), 'utf8'));
    cells.cells[3].mean = 84.47;
    expect(() => parseArtifact('cells.json', cells)).toThrow(/cells\.json: field cells\[3\]\.mean: mean 84\.47 differs from displayed "84\.46"/);
  });
});
