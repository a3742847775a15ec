import { describe, expect, it } from 'vitest';
import { foldProblemOf, splitProblemOf, usableFolds } from '@src/islands/kd/split-problem';
import type { DataSummary } from '@demos/kd/run/protocol';

type Subject = DataSummary['subjects'][number];
const data = (classCounts: number[], subjects: Subject[]): DataSummary => ({
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
    expect(splitProblemOf(data(one, [{ id: 101, windows: 1, classes: [0] }]), 'window', 101)).not.toBeNull();
    expect(splitProblemOf(data(three, [{ id: 101, windows: 3, classes: [0] }]), 'window', 101)).toBeNull();
    const s = data(three, [
      { id: 101, windows: 3, classes: [0] },
      { id: 102, windows: 0, classes: [] },
    ]);
    expect(splitProblemOf(s, 'loso', 101)).toMatch(/1/);
    const ok = data(three, [
      { id: 101, windows: 2, classes: [0] },
      { id: 102, windows: 1, classes: [0] },
    ]);
    expect(splitProblemOf(ok, 'loso', 101)).toBeNull();
    expect(splitProblemOf(ok, 'loso', 102)).toBeNull();
  });

  it("a fold whose test classes never occur in the other subjects' windows is refused (0 % by construction)", () => {
    // The bundled excerpt's shape: each activity from one subject only.
    const counts = [0, 105, 13, 13, 0, 0, 0, 0, 0, 0, 0, 7];
    const excerpt = data(counts, [
      { id: 101, windows: 105, classes: [1] },
      { id: 102, windows: 13, classes: [2] },
      { id: 103, windows: 13, classes: [3] },
      { id: 105, windows: 7, classes: [11] },
    ]);
    for (const id of [101, 102, 103, 105]) {
      expect(foldProblemOf(excerpt, id), String(id)).toContain(`피험자 ${id}`);
      expect(splitProblemOf(excerpt, 'loso', id), String(id)).toContain('윈도우 단위 층화 분할');
    }
    expect(usableFolds(excerpt)).toEqual([]);
    // One shared class makes a fold evaluable; the window split stays available.
    const shared = data(counts, [
      { id: 101, windows: 105, classes: [1, 2] },
      { id: 102, windows: 13, classes: [2] },
    ]);
    expect(foldProblemOf(shared, 101)).toBeNull();
    expect(foldProblemOf(shared, 102)).toBeNull();
    expect(usableFolds(shared)).toEqual([101, 102]);
    expect(splitProblemOf(excerpt, 'window', 101)).toBeNull();
    expect(foldProblemOf(excerpt, 109)).toContain('윈도우가 없어');
  });
});
