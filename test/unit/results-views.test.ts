// The strings the results pages render (src/components/results/views.ts + chart-data.ts),
// built from the committed artifacts, against the notes (kd-protocol §10, the sheet images).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArtifact, type ReferenceCellsArtifact, type ReferenceRawTrialsArtifact } from '@demos/kd/artifact/index.ts';
import { addSumColumn, buildTable, rowsBySource, rulesOf, stdRange } from '@src/components/results/views.ts';
import { alphaPoints, subjectSummary } from '@src/components/results/chart-data.ts';

const load = <T>(n: string) => parseArtifact(n, JSON.parse(readFileSync(`content/results/reference/${n}`, 'utf8'))) as T;
const { cells } = load<ReferenceCellsArtifact>('cells.json');
const raw = load<ReferenceRawTrialsArtifact>('raw-trials.json');
const shown = (t: ReturnType<typeof buildTable>) =>
  t.rows.map((r) => r.cells.map((c) => (c ? `${c.meanText}${c.stdText ? `(${c.stdText})` : ''}${c.best ? '*' : ''}` : '-')));

describe('results page tables', () => {
  it('2025-05-02 sheet: α rows × teacher-arch columns, best per column marked', () => {
    const t = buildTable(cells, {
      rowHeader: 'x',
      caption: 'x',
      source: 'i502',
      rows: [0.1, 0.3, 0.5, 0.7, 0.9].map((a) => ({ label: `${a}`, groups: [`2T_GAF_base_a${a}_lam0.99`] })),
    });
    expect(shown(t)).toEqual([
      ['-', '-', '-', '-'],
      ['-', '85.4535(2.55)', '84.0765(2.57)', '-'],
      ['87.1402(2.03)', '86.0995(2.38)', '84.6896(2.37)*', '87.3055(2.18)'],
      ['-', '86.5589(2.21)*', '84.6616(2.51)', '-'],
      ['-', '-', '-', '-'],
    ]);
    expect(rulesOf(t)).toEqual(['mean3_se']);
  });

  it('λ selection: sums 342.71 / 342.56 / 345.26, λ = 0.99 marked', () => {
    const t = buildTable(cells, {
      rowHeader: 'x',
      caption: 'x',
      rows: [0.7, 0.9, 0.99].map((l) => ({ label: `${l}`, groups: [`1T_GAF_lam${l}_mid3of6`] })),
    });
    const sums = addSumColumn(t, 'sum', 2);
    expect(sums.map((s) => s.toFixed(2))).toEqual(['342.71', '342.56', '345.26']);
    expect(t.rows.map((r) => r.extra?.[0])).toEqual(['342.71', '342.56', '345.26 ▲']);
  });

  it('final 2-teacher table (kd-protocol §10): base / ann / ann+sp', () => {
    const t = buildTable(cells, {
      rowHeader: 'x',
      caption: 'x',
      rows: [
        { label: 'base', groups: ['2T_GAF_base_a0.7_lam0.99', '2T_GAF_base_a0.7_lam0.99_b'] },
        { label: 'ann', groups: ['2T_GAF_ann'] },
        { label: 'ann+sp', groups: ['2T_GAF_annsp'] },
      ],
    });
    expect(t.rows.map((r) => r.cells.map((c) => c?.meanText))).toEqual([
      ['87.2157', '86.5589', '84.6616', '86.4132'],
      ['88.6864', '87.5671', '86.5762', '86.7758'],
      ['88.3515', '87.6045', '87.1881', '86.9907'],
    ]);
    expect(t.rows.map((r) => r.cells.map((c) => c?.best))).toEqual([
      [false, false, false, false],
      [true, false, false, false],
      [false, true, true, true],
    ]);
  });

  it('2025-04-25 sheet: its rows in sheet order, displayed strings kept ("85.8", "88")', () => {
    const rows = rowsBySource(cells, 'i425');
    expect(rows[0]!.label).toBe('S : Signals (Teacher로 쓸거)');
    const t = buildTable(cells, { caption: 'x', rowHeader: 'x', rows, source: 'i425', highlightBest: false });
    expect(t.rows.flat().length).toBe(rows.length);
    expect(t.rows[0]!.cells.map((c) => c?.meanText)).toEqual(['85.27', '85.8', '84.81', '84.46']);
    expect(t.rows.find((r) => r.label.includes('ann+spkd'))!.cells[1]!.meanText).toBe('88');
    expect(t.rows.reduce((n, r) => n + r.cells.filter(Boolean).length, 0)).toBe(60);
    // the rule legend quotes the smallest and largest std the sheet shows, as displayed
    expect(stdRange([t])).toEqual({ min: '0.94', max: '2.58' });
    const noStd = buildTable(cells, {
      caption: 'x',
      rowHeader: 'x',
      rows: rows.filter((r) => r.label.startsWith('S : PI')),
      source: 'i425',
    });
    expect(stdRange([noStd])).toBeNull();
  });

  it('charts: α points with ±std bars; per-subject spread 52.8268 … 100', () => {
    const pts = alphaPoints(cells, 0.99, ['WRN16-3', 'WRN28-1']);
    expect(pts.map((p) => `${p.arch}@${p.alpha}=${p.meanText}`)).toEqual([
      'WRN16-3@0.3=85.4535',
      'WRN16-3@0.5=86.0995',
      'WRN16-3@0.7=86.5589',
      'WRN16-3@0.9=86.7378',
      'WRN28-1@0.3=84.0765',
      'WRN28-1@0.5=84.6896',
      'WRN28-1@0.7=84.6616',
      'WRN28-1@0.9=84.5699',
    ]);
    expect(pts[0]!.hi - pts[0]!.lo).toBeCloseTo(2 * 2.55, 10);
    const s = subjectSummary(raw.sheets.find((x) => x.id === 'raw_1T_GAF_lam0.7_6trials')!.blocks);
    expect(s.map((x) => x.subject)).toEqual(['S101', 'S102', 'S103', 'S104', 'S105', 'S106', 'S107', 'S108', 'S109']);
    expect(Math.min(...s.map((x) => x.min))).toBe(52.8268);
    expect(Math.max(...s.map((x) => x.max))).toBe(100);
  });
});
