/**
 * bench/checkpoint-teachers.ts: the scores it prints for the lab's checkpoints, against a
 * hand-computed case (macro-F1 over the classes in the truth or the predictions, as sklearn).
 */
import { describe, expect, it } from 'vitest';
import { scores } from '../../bench/checkpoint-teachers.ts';

describe('checkpoint teacher scores', () => {
  it('accuracy, macro-F1 and the most-predicted share match a hand computation', () => {
    // truth 1 1 1 1 2, predicted 1 1 3 3 2: F1(1) = 2·2/(4+2) = 2/3, F1(2) = 1, F1(3) = 0 (predicted, never true).
    const s = scores([1, 1, 1, 1, 2], [1, 1, 3, 3, 2]);
    expect(s.n).toBe(5);
    expect(s.accuracy).toBeCloseTo(0.6, 12);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 1 + 0) / 3, 12);
    expect(s.top).toEqual({ cls: 1, share: 0.4 });
    // One true class answered perfectly: 1.0; answered with another class throughout: 0.
    expect(scores([1, 1, 1], [1, 1, 1]).macroF1).toBe(1);
    expect(scores([1, 1, 1], [4, 4, 4])).toMatchObject({ accuracy: 0, macroF1: 0, top: { cls: 4, share: 1 } });
  });
});
