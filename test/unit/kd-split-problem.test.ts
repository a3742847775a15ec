import { describe, expect, it } from 'vitest';
import { splitProblemOf } from '@src/islands/kd/split-problem';
import type { DataSummary } from '@demos/kd/run/protocol';

const data = (classCounts: number[], subjects: { id: number; windows: number }[]): DataSummary => ({
  label: 'x',
  source: 'upload',
  dataId: 'upload:x',
  sha256: '0'.repeat(64),
  windows: classCounts.reduce((a, b) => a + b, 0),
  subjects,
  classCounts,
  rows: 0,
  files: [],
});

describe('whether the chosen split can run', () => {
  it('the window split needs a class with 2+ windows; LOSO needs 2 subjects with windows', () => {
    const one = [1, ...new Array(11).fill(0)];
    const three = [3, ...new Array(11).fill(0)];
    expect(splitProblemOf(data(one, [{ id: 101, windows: 1 }]), 'window')).not.toBeNull();
    expect(splitProblemOf(data(three, [{ id: 101, windows: 3 }]), 'window')).toBeNull();
    expect(
      splitProblemOf(
        data(three, [
          { id: 101, windows: 3 },
          { id: 102, windows: 0 },
        ]),
        'loso',
      ),
    ).toMatch(/1/);
    expect(
      splitProblemOf(
        data(three, [
          { id: 101, windows: 2 },
          { id: 102, windows: 1 },
        ]),
        'loso',
      ),
    ).toBeNull();
  });
});
