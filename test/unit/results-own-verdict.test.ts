/**
 * results/own-runs tables a sweep only when every fold tests on classes seen in training
 * (demos/kd/sweep/evaluable.ts). The degenerate sweep is the real `quick` sweep on the bundled
 * excerpt (test/fixtures/results/own-quick: 36 runs, schemaVersion 1, every LOSO fold testing only
 * on activities absent from its training subjects, accuracy 0 by construction); the other cases are
 * that sweep with its fold counts edited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArtifact, type RunArtifact } from '@demos/kd/artifact/index.ts';
import { foldCounts, sweepVerdict } from '@demos/kd/sweep/evaluable.ts';
import { groupRuns } from '@demos/kd/sweep/group.ts';

const DIR = 'test/fixtures/results/own-quick';
const load = (sub: string) =>
  readdirSync(join(DIR, sub))
    .sort()
    .map((f) => parseArtifact(`${sub}/${f}`, JSON.parse(readFileSync(join(DIR, sub, f), 'utf8'))));
const runs = load('runs') as RunArtifact[];
const edit = (f: (r: RunArtifact) => RunArtifact['metrics']): RunArtifact[] => runs.map((r) => ({ ...r, metrics: f(r) }));

describe('own sweeps: shown only when every fold tests on seen classes', () => {
  it('the excerpt quick sweep (version 1 files still read) is all zero and hidden, naming its six folds', () => {
    expect(runs).toHaveLength(36);
    expect(load('groups').map((g) => g.kind)).toEqual(new Array(6).fill('group'));
    expect(runs.every((r) => r.schemaVersion === 1 && r.metrics.bestTestAcc === 0)).toBe(true);
    expect(groupRuns(runs).every((g) => g.mean === 0 && g.std === 0)).toBe(true); // a 0.00 ± 0.00 table, zero by construction
    expect(foldCounts(runs)).toEqual(['101', '102', '103', '105', '107', '108'].map((fold) => expect.objectContaining({ fold })));
    expect(foldCounts(runs)!.every((f) => f.unseenTestWindows === f.testWindows)).toBe(true);
    expect(sweepVerdict(runs)).toEqual({ shown: false, why: 'unseen-only', folds: ['101', '102', '103', '105', '107', '108'] });
  });

  it('every fold with at least one seen test window: shown; one blind fold hides the sweep and is named', () => {
    expect(sweepVerdict(edit((r) => ({ ...r.metrics, unseenTestWindows: r.metrics.testWindows! - 1 })))).toEqual({ shown: true });
    const oneBlind = edit((r) => ({ ...r.metrics, unseenTestWindows: r.config.heldOutSubject === '105' ? r.metrics.testWindows! : 0 }));
    expect(sweepVerdict(oneBlind)).toEqual({ shown: false, why: 'unseen-only', folds: ['105'] });
  });

  it('runs that do not record their fold (older artifacts, exported without it) are not tabled', () => {
    const bare = edit((r) => {
      const { testWindows: _t, unseenTestWindows: _u, ...m } = r.metrics;
      return m;
    });
    expect(sweepVerdict(bare)).toEqual({ shown: false, why: 'not-recorded', runs: 36 });
    expect(sweepVerdict([...bare.slice(0, 1), ...edit((r) => ({ ...r.metrics, unseenTestWindows: 0 })).slice(1)])).toEqual({
      shown: false,
      why: 'not-recorded',
      runs: 1,
    });
  });
});
