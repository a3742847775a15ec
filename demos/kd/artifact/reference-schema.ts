/**
 * Reference artifacts: the researcher's own PAMAP2 numbers (shared/reference/reference-results.json),
 * converted without changing a digit by scripts/convert-reference.ts into four files:
 *
 *  - reference-cells      the 266 table cells (rows): mean, std, the DISPLAYED string as the
 *                         sheet/markdown showed it (sheets truncate, e.g. "85.80"), the
 *                         aggregation rule, provenance (source ids → note date, sheet image).
 *  - reference-per-fold   per-fold (LOSO test subject) best-of-3 values (per_subject).
 *  - reference-raw-trials per-fold per-trial accuracies from raw sheets (raw_trials).
 *  - reference-unlabeled  the unlabeled per-fold columns of alpha_.png.
 *
 * Columns of every KD table are the TEACHER architecture; the student is always WRN16-1
 * (see `howToRead.column_header`).
 */
import { z } from 'zod';
import { schemaVersionSchema, aggregationRuleSchema, archSchema, methodSchema, networkSchema, teacherSchema } from './schema';

/** One source = one note (and, for sheets, the screenshot in it). */
const referenceSourceSchema = z.object({
  noteDate: z.iso.date(),
  notePath: z.string().min(1),
  imagePath: z.string().optional(),
  imagePathAtCommit: z.string().optional(),
  commitAdded: z.string().optional(),
});
export type ReferenceSource = z.infer<typeof referenceSourceSchema>;

/** Where the converted file came from (so a re-conversion can be checked byte for byte). */
const conversionSchema = z.object({
  from: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  notesRepository: z.string().min(1),
  script: z.string().min(1),
});

const referenceHeader = {
  schemaVersion: schemaVersionSchema,
  id: z.string().min(1),
  title: z.string().min(1),
  conversion: conversionSchema,
};

/** "85.4535(2.55)", "82.99±2.50", "85.80", "84.12193333", "88" */
const displayedSchema = z.string().regex(/^\d+(\.\d+)?(\(\d+(\.\d+)?\)|±\d+(\.\d+)?)?$/, 'expected "mean", "mean(std)" or "mean±std"');

const referenceCellSchema = z
  .object({
    id: z.string().min(1),
    groupId: z.string().min(1),
    rowLabel: z.string().min(1),
    kind: z.enum(['kd', 'single']),
    nTeachers: z.number().int().min(0).max(3),
    teachers: z.array(teacherSchema),
    student: networkSchema,
    columnHeader: archSchema,
    columnMeaning: z.string().min(1),
    method: methodSchema,
    alpha: z.number().min(0).max(1).nullable(),
    /** 3-teacher weights (GAF, PI, Sig) */
    alphaTuple: z.tuple([z.number(), z.number(), z.number()]).nullable(),
    lambda: z.number().min(0).max(1).nullable(),
    mean: z.number().min(0).max(100),
    std: z.number().nonnegative().nullable(),
    displayed: displayedSchema,
    nTrials: z.number().int().positive().nullable(),
    nFolds: z.number().int().positive(),
    rule: aggregationRuleSchema,
    provenance: z.string().min(1),
    status: z.enum(['final', 'superseded']),
    sources: z.array(z.string().min(1)).min(1),
    notes: z.string().nullable(),
  })
  .superRefine((c, ctx) => {
    // The displayed string is the ground truth: the number must be the same value.
    const m = /^(\d+(?:\.\d+)?)/.exec(c.displayed);
    if (!m || Number(m[1]) !== c.mean) {
      ctx.addIssue({ code: 'custom', path: ['mean'], message: `mean ${c.mean} differs from displayed "${c.displayed}"` });
    }
  });
export type ReferenceCell = z.infer<typeof referenceCellSchema>;

export const referenceCellsArtifactSchema = z
  .object({
    ...referenceHeader,
    kind: z.literal('reference-cells'),
    howToRead: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])),
    sources: z.record(z.string(), referenceSourceSchema),
    aggregationMethods: z.partialRecord(aggregationRuleSchema, z.string()),
    cells: z.array(referenceCellSchema).min(1),
    verification: z.array(z.record(z.string(), z.unknown())),
    notIncluded: z.array(z.string()),
  })
  .superRefine((a, ctx) => {
    a.cells.forEach((c, i) => {
      c.sources.forEach((s, j) => {
        if (!(s in a.sources)) {
          ctx.addIssue({ code: 'custom', path: ['cells', i, 'sources', j], message: `unknown source id "${s}"` });
        }
      });
    });
  });
export type ReferenceCellsArtifact = z.infer<typeof referenceCellsArtifactSchema>;

const foldValues = z.array(z.number().min(0).max(200)); // 200: the sheet's "199" typo is kept verbatim

export const referencePerFoldArtifactSchema = z.object({
  ...referenceHeader,
  kind: z.literal('reference-per-fold'),
  tables: z.array(
    z.object({
      id: z.string().min(1),
      description: z.string(),
      valueType: z.string(),
      markdownHeading: z.string(),
      status: z.enum(['final', 'superseded']),
      sources: z.array(z.string()).min(1),
      rule: aggregationRuleSchema,
      notes: z.string().optional(),
      byArch: z.record(
        archSchema,
        // null = the cell was empty in an in-progress table
        z.object({ perFold: z.array(z.number().nullable()).length(9), mean: z.number().nullable(), stdDisplayed: z.number().nullable() }),
      ),
    }),
  ),
});
export type ReferencePerFoldArtifact = z.infer<typeof referencePerFoldArtifactSchema>;

/** One block of a raw sheet: per fold (LOSO order) the per-trial accuracies. */
const rawBlockSchema = z.object({
  arch: archSchema,
  alpha: z.number().nullable(),
  /** null for single networks (no KD term) */
  lambda: z.number().nullable(),
  /** trial numbers (1-based) that the columns hold, e.g. [1,2,3,4,5,6] */
  trials: z.array(z.number().int().positive()).min(1),
  /** fold indices (0-based test_id) of the rows */
  folds: z.array(z.number().int().nonnegative()).min(1),
  /** values[f][t]: fold folds[f], trial trials[t]; a missing cell of the sheet is a shorter row */
  values: z.array(foldValues.min(1)),
  /** per fold, the mean/std the note itself printed next to the trials (25.2.13 only) */
  foldSummaries: z.array(z.object({ meanDisplayed: z.number(), stdDisplayed: z.number() })).optional(),
});
export type RawBlock = z.infer<typeof rawBlockSchema>;

export const referenceRawTrialsArtifactSchema = z.object({
  ...referenceHeader,
  kind: z.literal('reference-raw-trials'),
  sheets: z.array(
    z.object({
      id: z.string().min(1),
      setting: z.string(),
      layout: z.string(),
      sources: z.array(z.string()).min(1),
      notes: z.string().optional(),
      blocks: z.array(rawBlockSchema).min(1),
    }),
  ),
});
export type ReferenceRawTrialsArtifact = z.infer<typeof referenceRawTrialsArtifactSchema>;

export const referenceUnlabeledArtifactSchema = z.object({
  ...referenceHeader,
  kind: z.literal('reference-unlabeled'),
  tables: z.array(
    z.object({
      id: z.string().min(1),
      description: z.string(),
      sources: z.array(z.string()).min(1),
      columns: z.array(foldValues.length(9)),
    }),
  ),
});
