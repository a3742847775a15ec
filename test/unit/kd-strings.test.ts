import { describe, expect, it } from 'vitest';
import { S } from '@src/islands/kd/strings';

// Numbers shaped like the default run's α comparison (13 test windows, teachers disagree on 9).
const point = (alpha: number, agreeGaf: number, agreeSig: number, klGaf: number, klSig: number) => ({
  alpha,
  agreeGaf,
  agreeSig,
  klGaf,
  klSig,
  disagree: 9,
  tests: 13,
});

describe('the α comparison note says what the numbers show', () => {
  it('names a top-1 agreement that moves against the lesson, and adds the KL reading when KL moves as expected', () => {
    const pc = (k: number) => (100 * k) / 13;
    const note = S.alphaNote([
      point(0, pc(6), pc(8), 0.104, 0.068),
      point(0.5, pc(6), pc(7), 0.046, 0.084),
      point(1, pc(5), pc(6), 0.031, 0.126),
    ]);
    expect(note).toContain('46% → 38%로 내려갑니다(기대와 반대)');
    expect(note).toContain('62% → 46%로 내려갑니다.');
    expect(note).toContain('KL(GAF‖학생) 0.104 → 0.031');
    expect(note).toContain('확률 분포 전체(KL)로는');
  });
  it('says nothing extra when agreement already moves as expected', () => {
    const note = S.alphaNote([point(0, 38.5, 69.2, 0.086, 0.032), point(1, 53.8, 53.8, 0.023, 0.108)]);
    expect(note).toContain('올라갑니다');
    expect(note).not.toContain('기대와 반대');
    expect(note).not.toContain('확률 분포 전체(KL)로는');
  });
  it('does not claim KL moved as expected when it did not', () => {
    const note = S.alphaNote([point(0, 50, 50, 0.03, 0.1), point(1, 40, 60, 0.05, 0.05)]);
    expect(note).not.toContain('확률 분포 전체(KL)로는');
  });
});
