/**
 * Converts the researcher's results (shared/reference/reference-results.json, 266 cells) into
 * the project's artifact schema (demos/kd/artifact), one file per section, under
 * content/results/reference/. Numbers are copied, never recomputed; the displayed strings are
 * kept; every output is validated before it is written. Deterministic (no timestamps), so a
 * re-run on the same input gives byte-identical files (`--check` verifies that).
 *
 *   npx tsx scripts/convert-reference.ts [--in data/reference/reference-results.json] [--out content/results/reference] [--check]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { hasFlag, option } from './cli-args.ts';
import { ARTIFACT_SCHEMA_VERSION, parseArtifact, type RawBlock, type Teacher } from '../demos/kd/artifact/index.ts';

const inPath = resolve(option('--in') ?? resolve(import.meta.dirname, '../data/reference/reference-results.json'));
const outDir = resolve(option('--out') ?? resolve(import.meta.dirname, '../content/results/reference'));
const check = hasFlag('--check');

// Only the fields this script reads; everything else is carried by name below.
const num = z.number();
const src = z.object({
  title: z.string(),
  notes_repository: z.string(),
  how_to_read: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])),
  sources: z.record(
    z.string(),
    z.object({
      note_date: z.string(),
      note_path: z.string(),
      image_path: z.string().optional(),
      image_path_at_commit: z.string().optional(),
      commit_added: z.string().optional(),
    }),
  ),
  aggregation_methods: z.record(z.string(), z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  per_subject: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      value_type: z.string(),
      markdown_heading: z.string().optional(),
      status: z.enum(['final', 'superseded']),
      sources: z.array(z.string()),
      notes: z.string().optional(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  raw_trials: z.array(
    z.object({
      id: z.string(),
      setting: z.string(),
      layout: z.string(),
      sources: z.array(z.string()),
      notes: z.string().optional(),
      lambda: num.optional(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  unlabeled: z.array(z.object({ id: z.string(), description: z.string(), sources: z.array(z.string()), columns: z.array(z.array(num)) })),
  verification: z.array(z.record(z.string(), z.unknown())),
  not_included: z.array(z.string()),
});

const text = readFileSync(inPath, 'utf8');
const ref = src.parse(JSON.parse(text));
const conversion = {
  from: 'shared/reference/reference-results.json',
  sha256: createHash('sha256').update(text).digest('hex'),
  notesRepository: ref.notes_repository,
  script: 'scripts/convert-reference.ts',
};
const header = (id: string, title: string) => ({ schemaVersion: ARTIFACT_SCHEMA_VERSION, id, title, conversion });

type Row = Record<string, unknown>;
const teacherOf = (t: Record<string, string>, column: string): Teacher => {
  // "col (uncertain: …)" = same size as the column; keep the note verbatim.
  const uncertain = t.arch?.startsWith('col');
  return {
    role: t.role ?? '',
    modality: t.modality as Teacher['modality'],
    arch: uncertain ? column : (t.arch ?? ''),
    ...(t.net ? { net: t.net } : {}),
    ...(uncertain && t.arch ? { archNote: t.arch } : {}),
  };
};
const cell = (r: Row) => {
  const column = r.column_header as string;
  return {
    id: r.id,
    groupId: r.group_id,
    rowLabel: r.table_row_label,
    kind: r.kind,
    nTeachers: r.n_teachers,
    teachers: (r.teachers as Record<string, string>[]).map((t) => teacherOf(t, column)),
    student: r.student,
    columnHeader: column,
    columnMeaning: r.column_meaning,
    method: r.method,
    alpha: r.alpha,
    alphaTuple: r.alpha_tuple_GAF_PI_Sig,
    lambda: r.lambda,
    mean: r.mean_acc,
    std: r.std,
    displayed: r.displayed,
    nTrials: r.n_trials,
    nFolds: r.n_folds,
    rule: r.aggregation,
    provenance: r.provenance,
    status: r.status,
    sources: r.sources,
    notes: r.notes,
  };
};

const sources = Object.fromEntries(
  Object.entries(ref.sources).map(([k, s]) => [
    k,
    {
      noteDate: s.note_date,
      notePath: s.note_path,
      ...(s.image_path ? { imagePath: s.image_path } : {}),
      ...(s.image_path_at_commit ? { imagePathAtCommit: s.image_path_at_commit } : {}),
      ...(s.commit_added ? { commitAdded: s.commit_added } : {}),
    },
  ]),
);

const matrix = (v: unknown, where: string): number[][] => z.array(z.array(num)).parse(v, { error: () => `bad matrix at ${where}` });
const range = (a: number, n: number) => Array.from({ length: n }, (_, i) => a + i);
function blocksOf(sheet: (typeof ref.raw_trials)[number]): RawBlock[] {
  const out: RawBlock[] = [];
  const push = (arch: string, alpha: number | null, lambda: number | null, trials: number[], folds: number[], v: unknown) =>
    out.push({ arch, alpha, lambda, trials, folds, values: matrix(v, `${sheet.id}/${arch}`) });
  const d = sheet.data as Record<string, Record<string, unknown>>;
  if (/^raw_1T_GAF_lam[\d.]+_6trials$/.test(sheet.id)) {
    for (const [arch, v] of Object.entries(d)) push(arch, null, sheet.lambda!, range(1, 6), range(0, 9), v);
  } else if (sheet.id === 'raw_1T_GAF_lam0.99_partial') {
    for (const [arch, v] of Object.entries(d.trials1to3 ?? {})) push(arch, null, 0.99, [1, 2, 3], range(0, 9), v);
    for (const [arch, v] of Object.entries(d.trials4to6_folds0_1 ?? {})) push(arch, null, 0.99, [4, 5, 6], [0, 1], v);
  } else if (sheet.id === 'raw_2T_GAF_lam0.99_alpha0.7_0.9') {
    for (const [alpha, byArch] of Object.entries(d))
      for (const [arch, v] of Object.entries(byArch)) push(arch, Number(alpha), 0.99, [1, 2, 3], range(0, 9), v);
  } else if (sheet.id === 'raw_1T_GAF_lam0.1_0.3_inprogress') {
    for (const [lambda, byArch] of Object.entries(d))
      for (const [arch, v] of Object.entries(byArch)) push(arch, null, Number(lambda), [1, 2, 3], range(0, 9), v);
  } else {
    throw new Error(`raw_trials sheet "${sheet.id}" has a layout this converter does not know: ${sheet.layout}`);
  }
  return out;
}

const bestOf3 = z.object({ per_fold_best_of_3: z.array(num.nullable()), mean: num.nullable(), std_displayed: num.nullable() });
const trialsPerFold = z.array(z.object({ trials: z.array(num), mean_displayed: num, std_displayed: num }));
// per_subject holds two shapes: best-of-3 per fold (→ per-fold.json) and, for the GAF single
// network of 25.2.13, every trial per fold (→ raw-trials.json, with the per-fold mean/std shown).
const isBestOf3 = (p: (typeof ref.per_subject)[number]) => Object.values(p.data).every((v) => bestOf3.safeParse(v).success);
const perFoldTables = ref.per_subject.filter(isBestOf3);
const perSubjectTrials = ref.per_subject.filter((p) => !isBestOf3(p));
const rawFromPerSubject = perSubjectTrials.map((p) => ({
  id: p.id,
  setting: p.description,
  layout: `${p.value_type}; data[arch][fold 0-8] = trials 1-3, with the mean/std the note showed per fold`,
  sources: p.sources,
  ...(p.notes ? { notes: p.notes } : {}),
  blocks: Object.entries(p.data).map(([arch, v]): RawBlock => {
    const folds = trialsPerFold.parse(v, { error: () => `bad per-fold trials at ${p.id}/${arch}` });
    return {
      arch,
      alpha: null,
      lambda: null,
      trials: [1, 2, 3],
      folds: range(0, folds.length),
      values: folds.map((f) => f.trials),
      foldSummaries: folds.map((f) => ({ meanDisplayed: f.mean_displayed, stdDisplayed: f.std_displayed })),
    };
  }),
}));

const files: Record<string, unknown> = {
  'cells.json': {
    ...header('reference-cells', ref.title),
    kind: 'reference-cells',
    howToRead: ref.how_to_read,
    sources,
    aggregationMethods: ref.aggregation_methods,
    cells: ref.rows.map(cell),
    verification: ref.verification,
    notIncluded: ref.not_included,
  },
  'per-fold.json': {
    ...header('reference-per-fold', 'Per-fold (LOSO test subject) best-of-3 accuracies'),
    kind: 'reference-per-fold',
    tables: perFoldTables.map((p) => ({
      id: p.id,
      description: p.description,
      valueType: p.value_type,
      markdownHeading: p.markdown_heading ?? '',
      status: p.status,
      sources: p.sources,
      rule: 'best3',
      ...(p.notes ? { notes: p.notes } : {}),
      byArch: Object.fromEntries(
        Object.entries(p.data).map(([a, raw]) => {
          const v = bestOf3.parse(raw);
          return [a, { perFold: v.per_fold_best_of_3, mean: v.mean, stdDisplayed: v.std_displayed }];
        }),
      ),
    })),
  },
  'raw-trials.json': {
    ...header('reference-raw-trials', 'Raw per-fold per-trial accuracies from the sheets'),
    kind: 'reference-raw-trials',
    sheets: ref.raw_trials
      .map((s) => ({
        id: s.id,
        setting: s.setting,
        layout: s.layout,
        sources: s.sources,
        ...(s.notes ? { notes: s.notes } : {}),
        blocks: blocksOf(s),
      }))
      .concat(rawFromPerSubject),
  },
  'unlabeled.json': {
    ...header('reference-unlabeled', 'Unlabeled per-fold columns (alpha_.png)'),
    kind: 'reference-unlabeled',
    tables: ref.unlabeled,
  },
};

mkdirSync(outDir, { recursive: true });
let stale = 0;
for (const [name, data] of Object.entries(files)) {
  const path = join(outDir, name);
  parseArtifact(path, data); // throws with file + field on any mismatch
  const out = `${JSON.stringify(data, null, 1)}\n`;
  if (check) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === out;
    if (!same) stale++;
    console.log(`${same ? 'ok     ' : 'STALE  '}${path}`);
    continue;
  }
  writeFileSync(`${path}.tmp`, out);
  renameSync(`${path}.tmp`, path);
  console.log(`wrote ${path}`);
}
const cells = (files['cells.json'] as { cells: unknown[] }).cells.length;
console.log(`${cells} cells, ${perFoldTables.length} per-fold tables, ${ref.raw_trials.length + rawFromPerSubject.length} raw sheets`);
if (stale) process.exit(1);
