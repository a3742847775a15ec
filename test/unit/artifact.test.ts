import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArtifact, parseArtifactText, ArtifactError } from '@demos/kd/artifact/index.ts';

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
    expect(() => parseArtifact('y.json', { ...goodRun(), schemaVersion: 3 })).toThrow(
      /y\.json: field schemaVersion: version 3 is not supported \(this build reads 1, 2\)/,
    );
    expect(() => parseArtifactText('z.json', '{ nope')).toThrow(/z\.json: not valid JSON/);
  });

  it("schemaVersion 2 runs must record the split and the fold's test / unseen windows; version 1 runs still read", () => {
    expect(parseArtifact('v1.json', goodRun()).kind).toBe('run');
    const v2 = { ...goodRun(), schemaVersion: 2 };
    const msg = (() => {
      try {
        parseArtifact('v2.json', v2);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(msg.split('\n')).toEqual([
      'v2.json: field config.split: required from schemaVersion 2',
      'v2.json: field metrics.testWindows: required from schemaVersion 2',
      'v2.json: field metrics.unseenTestWindows: required from schemaVersion 2',
    ]);
    const ok = { ...v2, config: { ...v2.config, split: 'loso' }, metrics: { ...v2.metrics, testWindows: 10, unseenTestWindows: 3 } };
    expect(parseArtifact('v2.json', ok).kind).toBe('run');
    expect(() => parseArtifact('v2.json', { ...ok, metrics: { ...ok.metrics, unseenTestWindows: 11 } })).toThrow(
      /v2\.json: field metrics\.unseenTestWindows: 11 unseen of 10 test windows/,
    );
  });

  it('rejects a reference cell whose mean differs from its displayed string', () => {
    const cells = JSON.parse(readFileSync(new URL('../../content/results/reference/cells.json', import.meta.url), 'utf8'));
    cells.cells[3].mean = 84.47;
    expect(() => parseArtifact('cells.json', cells)).toThrow(
      /cells\.json: field cells\[3\]\.mean: mean 84\.47 differs from displayed "84\.46"/,
    );
  });
});
