/**
 * The KD island's sentences in English: the same keys as strings.ts's Korean (typed by it), in
 * the glossary's English terms (teacher/student, two teachers, fold, held-out subject, window,
 * α only for the KD weight, T for temperature, accuracy / macro-F1 / balanced accuracy).
 * It imports nothing from strings.ts (no import cycle); strings.ts checks it against KdStrings.
 */
import { SPLIT_LABELS_EN, type SplitKind } from '@demos/kd/experiment/split';
import type { Phase } from '@demos/kd/experiment/phases';
import type { PhaseResult } from '@demos/kd/run/protocol';
import { PHASE_LABELS_EN } from '@demos/kd/run/labels';
import { ACTIVITIES } from '@demos/kd/run/activities';
import type { NumberProblem, NumberSpec } from '@demos/kd/run/config';
import { RUNTIME_STRINGS_EN } from './strings-runtime';
import { DATA_EN } from './strings-data';
import { ERRORS_EN } from './strings-errors';
import { english } from '../strings-lang';

const short = (p: Phase): string => PHASE_LABELS_EN[p].split(' ·')[0]!;
const pct = (v: number | null, d = 1): string => (v === null || !Number.isFinite(v) ? '–' : `${v.toFixed(d)}%`);
const cls = (c: number): string => ACTIVITIES[c]?.en ?? String(c);
/** Class names short enough for the chart axes (the confusion matrix, the probability bars). */
const SHORT_CLASSES = [
  'rope jump',
  'lying',
  'sitting',
  'standing',
  'walking',
  'running',
  'cycling',
  'Nordic walk',
  'stairs up',
  'stairs down',
  'vacuuming',
  'ironing',
];
const heldOut = (split: SplitKind, subject?: number | null): string =>
  split === 'window'
    ? 'test windows of the stratified split by window (not LOSO)'
    : `windows of the held-out subject${subject === undefined ? '' : ` ${subject ?? '?'}`} (LOSO)`;

/** Checked against the Korean (KdStrings) where strings.ts picks: a missing key is a type error there. */
export const S_EN = english({
  en: {
    ...RUNTIME_STRINGS_EN,
    preparing: 'Preparing the backend and the data…',
    reading: (what: string) => `Reading ${what}…`,
    readingBytes: (file: string, done: number, total: number) =>
      `Reading ${file}… ${(done / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB`,
    dataReady: 'Data ready. Press "Run distillation".',
    dataReadyBut: (why: string) => `The data was read, but ${why}`,
    dataErrorKeep: (label: string) => `The file could not be read. The previous data (${label}) stays in use.`,
    dataErrorNone: 'The file could not be read.',
    checkpointsReady: (names: readonly string[]) => `Checkpoint teachers loaded: ${names.join(', ')}`,
    checkpointsQueued: (names: readonly string[]) => `Checkpoints ${names.join(', ')}: read when the run starts.`,
    needCheckpoints: 'First pick the two teacher checkpoint files (image 2D, signal 1D)',
    starting: 'Starting the run…',
    phaseStart: (p: Phase, train: number, test: number) => `${PHASE_LABELS_EN[p]}: ${train} training windows, ${test} test windows`,
    epoch: (p: Phase, e: number, n: number, loss: number, acc: number) =>
      `${PHASE_LABELS_EN[p]}: epoch ${e}/${n} — loss ${loss.toFixed(3)}, test accuracy ${acc.toFixed(1)}%`,
    runDone: (rs: readonly PhaseResult[]) =>
      `Done: 2 teachers and 2 students — ${rs.map((r) => `${short(r.phase)} ${r.lastAcc.toFixed(1)}%`).join(', ')} (accuracy at the last epoch)`,
    compareStart: 'α comparison: retraining only the KD student at α = 0, 0.5, 1 with the cached teachers…',
    compareProgress: (a: number, e: number, n: number) => `α comparison: student at α = ${a}, epoch ${e}/${n}`,
    compareDone: 'α comparison done (the teachers were not retrained).',
    cancelled: (p: Phase | null) =>
      `Cancelled${p ? ` (during ${PHASE_LABELS_EN[p]})` : ''}. Running again resumes from the finished stages.`,
    error: (m: string) => `Error: ${m}`,
    exportFailed: (m: string) => `Export failed: ${m}`,
    busyData: 'The data cannot change during a run. Cancel it first.',
    busyRun: 'A run is already in progress',
    cacheCleared: 'IndexedDB cache cleared.',
    ownFiles: (names: readonly string[]) => `My files (${names.join(', ')})`,
    windowSplitImpossible: 'No class has 2 or more windows, so a split by window is impossible.',
    losoImpossible: (n: number) =>
      `Only ${n} subject(s) have windows, so evaluation by subject (LOSO) is impossible. Choose "Stratified split by window" or upload other subjects’ files too.`,
    foldNoWindows: (subject: number) => `Subject ${subject} has no windows, so this fold cannot be evaluated.`,
    foldUnseen: (subject: number, classes: readonly number[]) =>
      `Holding out subject ${subject} leaves the test windows’ classes (${classes.map(cls).join(', ')}) with no training windows at all. No model can get a class it never learned, so accuracy would be 0% by construction; the run does not start.`,
    losoNoFold:
      'This data has no subject fold that can be evaluated (the excerpt has one subject per activity). Choose "Stratified split by window".',
    foldOption: (id: number, windows: number, ok: boolean) => `${id} (${windows} windows)${ok ? '' : ' — not evaluable'}`,
    losoOption: (label: string, ok: boolean) => (ok ? label : `${label} — not evaluable on this data`),
    fieldProblem: (problem: NumberProblem, spec: NumberSpec) => {
      const range = `${spec.int ? 'a whole number' : 'a number'} from ${spec.min.toLocaleString('en-US')} to ${spec.max.toLocaleString('en-US')}`;
      const head = { empty: 'The value is empty.', nan: 'Not a number.', int: 'Must be a whole number.', range: 'Out of range.' }[problem];
      return `${head} Enter ${range}.`;
    },
    fieldsInvalid: 'Some settings are invalid, so the run cannot start. Fix the fields marked in red.',
    oneWindow: (n: number) => `There are ${n} test windows, so one window is ${(100 / n).toFixed(1)} pp of accuracy.`,
    memory: (n: number, held: number, base: number, leaked: number) => `${n} (models ${held} + baseline ${base}, leaked ${leaked})`,
    counts: (c: Record<Phase, number>) =>
      `Times actually trained: GAF teacher ${c['teacher-gaf']}, signal teacher ${c['teacher-signal']}, student alone ${c['student-ce']}, KD student ${c['student-kd']}`,
    urlCheckpoint: 'Checkpoint files are not shared through the address: pick the two teacher files again.',
    urlNoFull: 'This build has no full data shards, so the bundled excerpt is used.',
    pct,
    cls,
    clsShort: (c: number) => SHORT_CLASSES[c] ?? cls(c),
    phase: (p: Phase) => PHASE_LABELS_EN[p],
    splitLabel: SPLIT_LABELS_EN,
    short,
    summary: DATA_EN.summary,
    foldNote: DATA_EN.foldNote,
    preview: (subject: number, label: number, channel: string, steps: number) =>
      `One real window: subject ${subject}, ${cls(label)}, channel ${channel} (${steps} steps, 33.3 Hz)`,
    gafPreview: (size: number) => `GASF ${size}×${size} of the same window and channel (blue −1 … red +1)`,
    tableCaption: (split: SplitKind, n: number) => `Results on ${n} ${heldOut(split)} (last epoch, %)`,
    legendAcc: (split: SplitKind) =>
      `${split === 'window' ? 'Test-window (split by window)' : 'Held-out subject'} accuracy (per epoch, right axis)`,
    baselineRow: (c: number) => `Baseline: always answer '${cls(c)}' (the most common class in the training windows)`,
    topClass: (c: number, share: number, n: number) => `${cls(c)} ${share.toFixed(0)}% (answers ${n} class${n === 1 ? '' : 'es'})`,
    origin: { trained: 'just trained', cache: 'cache (IndexedDB)', checkpoint: 'checkpoint' },
    exportTitle: 'Download this run as a result artifact (JSON) — it can go into content/results/',
    tableNote: (chance: number, classes: number, base: number, single: readonly Phase[]) =>
      `Chance level (guessing evenly among the ${classes} classes of the training windows): accuracy ${chance.toFixed(1)}%. The baseline’s accuracy ${base.toFixed(1)}% is that class’s share of the test windows. ` +
      (single.length > 0
        ? `Note: ${single.map(short).join(', ')} ${single.length === 1 ? 'answers' : 'answer'} one class for every test window.`
        : 'No model answers only one class.') +
      ' Macro-F1 is the plain mean of the per-class F1; balanced accuracy is the mean of the per-class recall.',
    kdNote,
    cmCaption: (p: Phase, split: SplitKind, subject: number | null) =>
      `${PHASE_LABELS_EN[p]} — ${split === 'window' ? 'test windows of the stratified split by window (not LOSO)' : `held-out subject ${subject ?? '?'}`}, last epoch (rows: truth, columns: prediction)`,
    windowOption: (i: number, truth: number, split: boolean) => `#${i + 1} · ${cls(truth)}${split ? ' · teachers disagree' : ''}`,
    barsCaption: (i: number, truth: number, T: number, tops: string) =>
      `Test window #${i + 1} (truth: ${cls(truth)}). Dark bars T = 1, light bars T = ${T} (the distribution the KD loss matches). Top classes: ${tops}.`,
    barRow: {
      'teacher-gaf': 'GAF teacher',
      'teacher-signal': 'Signal teacher',
      'student-ce': 'Student alone',
      'student-kd': 'KD student',
    },
    fitAxis: { agree: 'top-1 agreement (%)', kl: (T: number) => `KL(teacher‖student), T = ${T}` },
    fitEmpty: 'After a run, the KD student’s per-epoch values are drawn here.',
    alphaHead: [
      'α',
      'Accuracy',
      'Macro-F1',
      'Agreement with GAF teacher',
      'Agreement with signal teacher',
      'KL(GAF‖student)',
      'KL(signal‖student)',
      'GAF side on split windows',
      'Signal side on split windows',
    ],
    alphaNote,
    ...ERRORS_EN,
  },
});

function alphaNote(
  p: { alpha: number; agreeGaf: number; agreeSig: number; klGaf: number; klSig: number; disagree: number; tests: number }[],
): string {
  const first = p[0],
    last = p[p.length - 1];
  if (!first || !last) return '';
  const d = first.disagree;
  const agreeHead = `The two teachers give the same class on ${first.tests - d} of ${first.tests} test windows (${((100 * (first.tests - d)) / first.tests).toFixed(0)}%). `;
  const few = d <= 2 ? `Only ${d} window(s) split them, so agreement barely shows α’s effect; KL is more sensitive. ` : '';
  const gaf = last.agreeGaf > first.agreeGaf ? 'rises' : last.agreeGaf === first.agreeGaf ? 'stays' : 'falls (against expectation)';
  const sig = last.agreeSig < first.agreeSig ? 'falls' : last.agreeSig === first.agreeSig ? 'stays' : 'rises (against expectation)';
  // Top-1 agreement can miss what KL shows: the student may approach a flat teacher distribution without its top class.
  const klAsExpected = last.klGaf < first.klGaf && last.klSig > first.klSig;
  const agreeAsExpected = last.agreeGaf > first.agreeGaf && last.agreeSig < first.agreeSig;
  const klVsTop1 =
    klAsExpected && !agreeAsExpected
      ? ' Over the whole distribution (KL) the student moves toward the GAF teacher and away from the signal teacher as expected, but it does not follow their top class (agreement) all the way.'
      : '';
  return (
    agreeHead +
    few +
    `Raising α from ${first.alpha} to ${last.alpha}, agreement with the GAF teacher ${gaf} (${first.agreeGaf.toFixed(0)}% → ${last.agreeGaf.toFixed(0)}%), agreement with the signal teacher ${sig} (${first.agreeSig.toFixed(0)}% → ${last.agreeSig.toFixed(0)}%). ` +
    `KL(GAF‖student) ${first.klGaf.toFixed(3)} → ${last.klGaf.toFixed(3)}, KL(signal‖student) ${first.klSig.toFixed(3)} → ${last.klSig.toFixed(3)}.` +
    klVsTop1
  );
}

function kdNote(acc: Partial<Record<Phase, number>>, alpha: number): string {
  const [g, q, ce, kd] = [acc['teacher-gaf'], acc['teacher-signal'], acc['student-ce'], acc['student-kd']];
  if (g === undefined || q === undefined || ce === undefined || kd === undefined) return '';
  const head = `KD student ${kd.toFixed(1)}% vs student alone ${ce.toFixed(1)}% (accuracy). `;
  const favoured = alpha > 0.5 ? 'GAF' : alpha < 0.5 ? 'signal' : null;
  const weaker = g < q ? 'GAF' : q < g ? 'signal' : null;
  const mix = `With α = ${alpha}, ${Math.round(alpha * 100)}% of the KD term matches the GAF teacher (${g.toFixed(1)}%) and ${Math.round((1 - alpha) * 100)}% the signal teacher (${q.toFixed(1)}%)`;
  return (
    head +
    mix +
    (favoured && favoured === weaker
      ? ` — a setting that leans on the weaker ${favoured} teacher. Change α in 'α comparison' below to see what changes.`
      : '.')
  );
}
