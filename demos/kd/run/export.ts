/**
 * Export a finished in-browser run as sweep artifacts (demos/kd/artifact, kind 'run'): one
 * artifact per phase, so each file can be dropped into content/results/ on its own (the
 * collection holds one artifact per file). Validated with the artifact schema before the
 * page offers the download, so what the reader gets always loads.
 *
 * The split is `config.split`, also spelled out in `config.data.source` ("browser:excerpt;
 * split=window-stratified …; not LOSO"), the id and the sweep group key; a window-split run has
 * no `heldOutSubject`. The fold's test windows and those of classes absent from its training
 * windows (`unseenTestWindows`, from the worker's fold info) let the results page tell whether the
 * accuracy can mean anything.
 */
import { runArtifactSchema, ARTIFACT_SCHEMA_VERSION, type RunArtifact } from '../artifact';
import { INPUT_CLIP, type RunConfig } from './config';
import type { Phase } from '../experiment/phases';
import type { DataSummary, PhaseResult } from './protocol';
import { CLASS_THIN_FACTOR, TEST_FRACTION } from '../experiment/split';
import { SHORT_RUN_EPOCHS, SHORT_RUN_HIGH } from './run-schedule';
import { formatZodError } from '../../shared/zod-error';

export interface ExportContext {
  config: RunConfig;
  data: DataSummary;
  /** SHA-256 (hex) of the data the run trained on. */
  sha256: string;
  backend: string;
  codeVersion: string;
  createdAt: string;
  /** Test windows of the run's split whose class is absent from its training windows (fold-info `unseenTest`). */
  unseenTestWindows: number;
}

/** "wrn16-3" → "WRN16-3" (the artifact's spelling). */
function arch(a: string): string {
  return a.toUpperCase();
}

function networks(
  phase: Phase,
  c: RunConfig,
): Pick<RunArtifact['config'], 'method' | 'teachers' | 'student' | 'alpha' | 'lambda' | 'temperature'> {
  const student = { modality: 'signal' as const, arch: 'WRN16-1', net: '1D WRN' };
  switch (phase) {
    case 'teacher-gaf':
      return {
        method: 'single',
        teachers: [],
        student: { modality: 'GAF', arch: arch(c.teacherArch), net: `2D WRN, ${c.gafSize}x${c.gafSize} GAF input` },
        alpha: null,
        lambda: null,
        temperature: null,
      };
    case 'teacher-signal':
      return {
        method: 'single',
        teachers: [],
        student: { modality: 'signal', arch: arch(c.teacherArch), net: '1D WRN' },
        alpha: null,
        lambda: null,
        temperature: null,
      };
    case 'student-ce':
      return { method: 'single', teachers: [], student, alpha: null, lambda: null, temperature: null };
    case 'student-kd':
      return {
        method: 'base',
        teachers: [
          { role: 'T1', modality: 'GAF', arch: arch(c.teacherArch), net: `2D WRN, ${c.gafSize}x${c.gafSize} GAF input` },
          { role: 'T2', modality: 'signal', arch: arch(c.teacherArch), net: '1D WRN' },
        ],
        student,
        alpha: c.alpha,
        lambda: c.lambda,
        temperature: c.temperature,
      };
  }
}

/** How the page's models differ from the lab's protocol (input-clip.ts, precise-bn.ts, run-schedule.ts). */
const TRAINING_NOTE = `inputs clipped to ±${INPUT_CLIP} after standardisation; BN statistics re-estimated over the training windows before evaluation; runs under ${SHORT_RUN_EPOCHS} epochs use the base lr for ${SHORT_RUN_HIGH * 100}% of epochs, then a tenth`;

/** What `config.data.source` says about the split (the schema's only free-text data field). */
function splitDescription(c: Pick<RunConfig, 'split' | 'testSubject' | 'seed'>): string {
  return c.split === 'window'
    ? `split=window-stratified (classes above ${CLASS_THIN_FACTOR}x the median count thinned evenly in time; seed ${c.seed}, ~${Math.round(TEST_FRACTION * 100)}% of each class's windows held out; not LOSO, not the paper's protocol)`
    : `split=loso (held-out subject ${c.testSubject}, protocol §2)`;
}

const clampPct = (v: number): number => Math.min(100, Math.max(0, v));

/** Builds and validates the artifact of one phase; throws a message naming the bad field. */
export function phaseArtifact(r: PhaseResult, ctx: ExportContext): RunArtifact {
  const { config: c, data } = ctx;
  const subjects = data.subjects.map((s) => String(s.id));
  const loso = c.split === 'loso';
  const fold = loso ? subjects.indexOf(String(c.testSubject)) : 0;
  const stamp = ctx.createdAt.replace(/[^0-9]/g, '').slice(0, 14);
  const candidate = {
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    kind: 'run',
    id: `browser-${r.phase}-${c.teacherArch}-${loso ? `s${c.testSubject}` : `win${c.seed}`}-a${c.alpha}-${stamp}`.replace(
      /[^A-Za-z0-9._=+-]/g,
      '_',
    ),
    config: {
      ...networks(r.phase, c),
      epochs: c.epochs,
      batchSize: c.batchSize,
      learningRate: c.learningRate,
      data: {
        dataset: 'PAMAP2',
        source: `browser:${data.source}; ${splitDescription(c)}; ${TRAINING_NOTE}`,
        sha256: ctx.sha256,
        subjects,
        windows: data.windows,
      },
      split: c.split,
      fold: Math.max(0, fold),
      ...(loso ? { heldOutSubject: String(c.testSubject) } : {}),
      trial: 0,
      seed: c.seed,
    },
    metrics: {
      bestTestAcc: clampPct(r.bestAcc),
      bestEpoch: r.bestEpoch,
      lastTestAcc: clampPct(r.lastAcc),
      curve: r.curve.map((p) => ({ epoch: p.epoch, trainLoss: p.trainLoss, testAcc: clampPct(p.testAcc) })),
      testWindows: r.testWindows,
      unseenTestWindows: ctx.unseenTestWindows,
    },
    env: {
      backend: ctx.backend,
      runtime: 'browser',
      codeVersion: ctx.codeVersion,
      createdAt: ctx.createdAt,
      durationMs: Math.max(0, r.ms),
    },
    sweep: {
      name: 'browser-mini-run',
      preset: 'browser',
      groupKey: `browser|${c.split}|${r.phase}|${c.teacherArch}|a${c.alpha}|l${c.lambda}|T${c.temperature}|e${c.epochs}|g${c.gafSize}`,
    },
  };
  const parsed = runArtifactSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`artifact invalid: ${formatZodError(parsed.error)}`);
  return parsed.data;
}
