// The numbers the research and results pages state in prose (differences, ranges, sums), each
// recomputed here from the reference artifacts and looked up in the page's .mdx text, with the
// site's one rounding convention (views.ts DERIVED_DECIMALS). A page that drifts from the data,
// or data that changes under a page, fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  parseArtifact,
  type ReferenceCell,
  type ReferenceCellsArtifact,
  type ReferenceRawTrialsArtifact,
} from '@demos/kd/artifact/index.ts';
import { splitDisplayed } from '@demos/kd/artifact/aggregation.ts';
import { DERIVED_DECIMALS } from '@src/components/results/views.ts';
import { alphaPoints, subjectOf } from '@src/components/results/chart-data.ts';

const load = <T>(n: string) => parseArtifact(n, JSON.parse(readFileSync(`content/results/reference/${n}`, 'utf8'))) as T;
const { cells } = load<ReferenceCellsArtifact>('cells.json');
const raw = load<ReferenceRawTrialsArtifact>('raw-trials.json');
const page = (slug: string) => readFileSync(`content/docs/${slug}.mdx`, 'utf8');
const f = (x: number) => x.toFixed(DERIVED_DECIMALS);
const subj = (fold: number) => subjectOf(fold).slice(1);

/** The shown mean (sheet digits) of the first group that has a cell in that column. */
function shown(groups: string[], col: string): number {
  for (const g of groups) {
    const c = cells.find((x) => x.groupId === g && x.columnHeader === col);
    if (c) return Number(splitDisplayed(c.displayed).meanText);
  }
  throw new Error(`no cell ${groups.join('|')} @ ${col}`);
}
const stdsOf = (cs: ReferenceCell[]) =>
  cs
    .map((c) => c.std!)
    .filter((s) => s !== null)
    .sort((a, b) => a - b);
const ARCHS = ['WRN16-1', 'WRN16-3', 'WRN28-1', 'WRN28-3'];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Per-fold means of the trials of one raw block, with the fold index. */
function foldMeans(sheet: string, arch: string, alpha?: number) {
  const b = raw.sheets.find((s) => s.id === sheet)!.blocks.find((x) => x.arch === arch && (alpha === undefined || x.alpha === alpha))!;
  return b.values.map((row, i) => ({ fold: b.folds[i]!, mean: sum(row) / row.length }));
}
const extreme = (xs: { fold: number; mean: number }[], pick: 'min' | 'max') =>
  xs.reduce((a, b) => ((pick === 'min' ? b.mean < a.mean : b.mean > a.mean) ? b : a));

describe('research/2025-05-02 prose', () => {
  const text = page('research/2025-05-02');
  const a = (alpha: number, col: string) => shown([`2T_GAF_base_a${alpha}_lam0.99`], col);

  it('WRN28-1: α 0.7 is 0.03 %p below α 0.5', () => {
    expect(text).toContain(`84.6616으로 0.5보다 ${f(a(0.5, 'WRN28-1') - a(0.7, 'WRN28-1'))} %p 낮습니다`);
  });

  it('largest α difference per teacher and the range of the SE-like values (α 0.3 / 0.5 / 0.7)', () => {
    for (const col of ['WRN16-3', 'WRN28-1']) {
      const v = [0.3, 0.5, 0.7].map((al) => a(al, col));
      expect(text).toContain(`${col}에서 최대 ${f(Math.max(...v) - Math.min(...v))} %p`);
    }
    const sheet = cells.filter((c) => c.sources.includes('i502') && ['WRN16-3', 'WRN28-1'].includes(c.columnHeader));
    const s = stdsOf(sheet);
    expect(s).toHaveLength(6);
    expect(text).toContain(`괄호 안 값(${s[0]!.toFixed(2)}~${s[s.length - 1]!.toFixed(2)})`);
  });

  it('fold means of the α = 0.7 raw sheet (lowest and highest subject)', () => {
    const sheet = 'raw_2T_GAF_lam0.99_alpha0.7_0.9';
    const lo = (arch: string) => extreme(foldMeans(sheet, arch, 0.7), 'min');
    const hi = (arch: string) => extreme(foldMeans(sheet, arch, 0.7), 'max');
    for (const arch of ['WRN16-3', 'WRN28-1']) {
      expect(text).toContain(
        `${f(lo(arch).mean)} %(피험자 ${subj(lo(arch).fold)})부터 ${f(hi(arch).mean)} %(피험자 ${subj(hi(arch).fold)})까지`,
      );
    }
  });

  it('every sheet value in the hand-written table is a cell of the 2025-05-02 sheet', () => {
    const values = [...text.matchAll(/(\d{2}\.\d{4})\*{0,2} \((\d\.\d\d)\)/g)].map((m) => `${m[1]}(${m[2]})`);
    expect(values).toHaveLength(6);
    const sheet = new Set(cells.filter((c) => c.sources.includes('i502')).map((c) => c.displayed));
    for (const v of values) expect(sheet.has(v), v).toBe(true);
  });
});

describe('results/alpha-sweep-2025-05-02 prose', () => {
  const text = page('results/alpha-sweep-2025-05-02');
  const pts = alphaPoints(cells, 0.99, ['WRN16-3', 'WRN28-1']);

  it('spread across α 0.3–0.9 per teacher, against the std bars of the chart', () => {
    for (const arch of ['WRN16-3', 'WRN28-1']) {
      const v = pts.filter((p) => p.arch === arch).map((p) => Number(p.meanText));
      expect(text).toContain(`${arch}에서 ${f(Math.max(...v) - Math.min(...v))} %p`);
    }
    const s = pts.map((p) => Number(p.stdText)).sort((x, y) => x - y);
    expect(text).toContain(`std(${s[0]!.toFixed(2)}~${s[s.length - 1]!.toFixed(2)}, 폴드 평균들의 표준편차 / √27)`);
    const w281 = pts.filter((p) => p.arch === 'WRN28-1' && p.alpha >= 0.5).map((p) => Number(p.meanText));
    expect(text).toContain(`${f(Math.max(...w281) - Math.min(...w281))} %p 안에 모여`);
  });

  it('the two-α columns (WRN16-1, WRN28-3)', () => {
    const g = (al: number, col: string) => shown([`2T_GAF_base_a${al}_lam0.99`, `2T_GAF_base_a${al}_lam0.99_b`], col);
    expect(text).toContain(`0.5보다 ${f(g(0.7, 'WRN16-1') - g(0.5, 'WRN16-1'))} %p`);
    expect(text).toContain(`0.7보다 ${f(g(0.5, 'WRN28-3') - g(0.7, 'WRN28-3'))} %p`);
  });
});

describe('results/lambda-selection prose', () => {
  const text = page('results/lambda-selection');
  const lams = [0.7, 0.9, 0.99];
  const sumOf = (l: number, groups: string[]) =>
    sum(
      ARCHS.map((col) =>
        shown(
          groups.map((s) => `1T_GAF_lam${l}_${s}`),
          col,
        ),
      ),
    );

  it('final sums and their differences, also per teacher architecture', () => {
    const [s07, s09, s099] = lams.map((l) => sumOf(l, ['mid3of6'])) as [number, number, number];
    expect(text).toContain(`**${f(s07)}**, 0.9에서 **${f(s09)}**, 0.99에서 **${f(s099)}**`);
    expect(text).toContain(`0.7보다 ${f(s099 - s07)}, 0.9보다 ${f(s099 - s09)} 크고, 0.7과 0.9는 ${f(s07 - s09)} 차이`);
    expect(text).toContain(`${f((s099 - s07) / 4)} %p, ${f((s099 - s09) / 4)} %p, ${f((s07 - s09) / 4)} %p`);
  });

  it('03-28 sums (before the WRN28-3 correction) and 04-11 sums (after), best-of-3 sum of λ 0.7', () => {
    const before = lams.map((l) => f(sumOf(l, ['mean3_v1', 'mean3'])));
    expect(text).toContain(`λ 0.7에서 ${before[0]}, 0.99에서 ${before[2]}, 0.9에서 ${before[1]}`);
    const after = lams.map((l) => f(sumOf(l, ['mean3_v2', 'mean3'])));
    expect(text).toContain(`0.9가 ${after[1]}로 가장 높고 0.7은 ${after[0]}, 0.99는 ${after[2]}`);
    expect(Number(after[1])).toBeGreaterThan(Number(after[0]));
    const best = [0.1, 0.3, 0.5, 0.7, 0.9].map((l) => sumOf(l, ['best3']));
    expect(Math.max(...best)).toBe(best[3]);
    expect(text).toContain(`합계 ${f(best[3]!)}로 가장 좋아`);
  });

  it('SE-like values of the final table and the per-subject spread of the λ = 0.7 raw sheet', () => {
    const s = stdsOf(cells.filter((c) => c.groupId.endsWith('_mid3of6')));
    expect(text).toContain(`3단계 표에서 ${s[0]!.toFixed(2)}~${s[s.length - 1]!.toFixed(2)}`);
    const sheet = 'raw_1T_GAF_lam0.7_6trials';
    const all = raw.sheets.find((x) => x.id === sheet)!.blocks.flatMap((b) => b.values.flat());
    expect(text).toContain(`정확도는 ${f(Math.min(...all))} %(피험자 108)에서 ${Math.max(...all)} %(피험자 109)까지`);
    // per-subject mean over the 4 teacher architectures × 6 trials
    const bySubject = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((fold) => ({
      fold,
      mean: sum(ARCHS.map((arch) => foldMeans(sheet, arch).find((x) => x.fold === fold)!.mean)) / ARCHS.length,
    }));
    const lo = extreme(bySubject, 'min');
    const hi = extreme(bySubject, 'max');
    expect(text).toContain(
      `${f(lo.mean)} %(피험자 ${subj(lo.fold)})부터 ${f(hi.mean)} %(피험자 ${subj(hi.fold)})까지 ${f(hi.mean - lo.mean)} %p`,
    );
  });
});

describe('results/table-2025-04-25 prose', () => {
  const text = page('results/table-2025-04-25');

  it('sums of the λ rows: the sheet’s own sums and the site’s agree to two decimals', () => {
    const rows: [number, string][] = [
      [0.1, 'mean3'],
      [0.3, 'mean3'],
      [0.5, 'mean3'],
      [0.7, 'mid3of6'],
      [0.9, 'mid3of6'],
      [0.99, 'mid3of6'],
    ];
    const ours = rows.map(([l, r]) => sum(ARCHS.map((col) => shown([`1T_GAF_lam${l}_${r}`, `1T_GAF_lam${l}_${r}_v2`], col))));
    const sheet = rows.map(([l, r]) => {
      const note = cells.find((c) => c.groupId === `1T_GAF_lam${l}_${r}`)!.notes!;
      return Number([...note.matchAll(/(\d{3}\.\d+)/g)].pop()![1]);
    });
    ours.forEach((s, i) => {
      expect(Math.abs(s - sheet[i]!)).toBeLessThan(0.001);
      expect(f(s)).toBe(f(sheet[i]!));
    });
    expect(text).toContain(`λ 0.1부터 0.99까지 ${ours.map(f).join(', ')}.`);
  });

  it('the colour table: the rules of the rows of each colour of the sheet image', () => {
    // Colours read off the sheet image (src/assets/notes/PAMAP_result_2025-04-25.png), per row group.
    const colour: Record<string, 'red' | 'blue' | 'black'> = {
      single_signal_best3: 'black',
      single_PI: 'black',
      single_GAF_best3: 'red',
      '1T_PI_ref': 'black',
      '1T_GAF_lam0.1_mean3': 'red',
      '1T_GAF_lam0.1_mean3_v2': 'red',
      '1T_GAF_lam0.3_mean3': 'red',
      '1T_GAF_lam0.3_mean3_v2': 'red',
      '1T_GAF_lam0.5_mean3': 'red',
      '1T_GAF_lam0.5_mean3_v2': 'red',
      '1T_GAF_lam0.7_mid3of6': 'blue',
      '1T_GAF_lam0.9_mid3of6': 'blue',
      '1T_GAF_lam0.99_mid3of6': 'blue',
      '2T_PI_base_ref': 'black',
      '2T_PI_ann_ref': 'black',
      '2T_PI_ann+sp_ref': 'black',
      '2T_GAF_base_a0.7_lam0.3_best3': 'red',
      '2T_GAF_base_a0.5_lam0.99': 'red',
    };
    const sheet = cells.filter((c) => c.sources.includes('i425'));
    expect(sheet).toHaveLength(60);
    const rules = { red: new Set<string>(), blue: new Set<string>(), black: new Set<string>() };
    for (const c of sheet) {
      const k = colour[c.groupId];
      expect(k, c.groupId).toBeDefined();
      rules[k!].add(c.rule);
      // red = every GAF row except the re-run λ rows; black = no GAF at all
      const gaf = c.student.modality === 'GAF' || c.teachers.some((t) => t.modality === 'GAF');
      expect(k === 'black' ? !gaf : gaf, c.id).toBe(true);
    }
    const order = ['best3', 'best3_pstd', 'mean3', 'mean3_se', 'mid3of6', 'unknown'];
    const list = (s: Set<string>) => [...s].sort((x, y) => order.indexOf(x) - order.indexOf(y)).join(', ');
    expect(text).toMatch(new RegExp(`\\*\\*빨강\\*\\*:[^\\n]*집계 규칙: ${list(rules.red)} \\(세 가지가 섞임\\)\\.`));
    expect(text).toMatch(new RegExp(`\\*\\*파랑\\*\\*:[^\\n]*집계 규칙: ${list(rules.blue)}\\.`));
    expect(text).toMatch(new RegExp(`\\*\\*검정\\*\\*:[^\\n]*집계 규칙: ${list(rules.black)}\\.`));
    expect(rules.red.size).toBe(3);
  });
});

describe('results/final-2-teacher prose', () => {
  const text = page('results/final-2-teacher');
  const base = (col: string) => shown(['2T_GAF_base_a0.7_lam0.99', '2T_GAF_base_a0.7_lam0.99_b'], col);
  const ann = (col: string) => shown(['2T_GAF_ann'], col);
  const sp = (col: string) => shown(['2T_GAF_annsp'], col);
  const range = (xs: number[]) => `${f(Math.min(...xs))}~${f(Math.max(...xs))} %p`;

  it('gains over base, the ann vs ann+sp gap and their std range', () => {
    expect(text).toContain(`ann은 base보다 ${range(ARCHS.map((c) => ann(c) - base(c)))}`);
    expect(text).toContain(`ann+sp는 ${range(ARCHS.map((c) => sp(c) - base(c)))}`);
    expect(text).toContain(`차이는 ${range(ARCHS.map((c) => Math.abs(ann(c) - sp(c))))}`);
    const s = stdsOf(cells.filter((c) => c.groupId === '2T_GAF_ann' || c.groupId === '2T_GAF_annsp'));
    expect(text).toContain(`std(${s[0]!.toFixed(2)}~${s[s.length - 1]!.toFixed(2)})`);
    expect(text).toContain(`WRN16-1에서는 ann이 ${f(ann('WRN16-1') - sp('WRN16-1'))} %p 높습니다`);
  });
});
