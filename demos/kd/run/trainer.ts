/**
 * PhaseTrainer for the mini run on the project's KD core: WRN models (../models/wrn),
 * the training loop (../train/train: SGD momentum 0.9, wd 1e-4) and the KD loss (../loss, α on the GAF teacher, batch-mean KL, T²).
 *   teacher-gaf:    2D WRN-<arch> on (N, G, G, S) GAF images, CE only
 *   teacher-signal: 1D WRN-<arch> on (N, W, S) signals, CE only
 *   student-ce:     1D WRN16-1 on signals, CE only
 *   student-kd:     1D WRN16-1 on signals, (1−λ)·CE + λ·T²·[α·KL_GAF + (1−α)·KL_Sig]
 * Learning rate: run-schedule.ts (§8's steps; a short run keeps their shape). Every evaluation
 * first re-estimates BN statistics (../train/precise-bn.ts). Models trained here clip their
 * standardised inputs to ±5 (input-clip.ts).
 * Teachers are frozen: their training-set logits are computed once per KD phase.
 * Every model is seeded from config.seed (+ a per-phase offset), so runs are reproducible.
 * Ownership: train/load return a model the caller (RunSession) owns and disposes.
 */
import type { ConvImpl } from '../conv/index';
import type { Wrn } from '../models/wrn';
import { teacherWeights } from '../loss';
import { trainModel, type KdSetup } from '../train/train';
import { evaluate, predictLogits, resultOf } from '../train/predict';
import type { TrainData } from '../train/train-data';
import { confusionMatrix } from './confusion';
import { teacherFit } from './agreement';
import type { RunConfig } from './config';
import { createPhaseModel, phaseInputs, type Phase } from '../experiment/phases';
import type { FoldInputs } from '../experiment/inputs';
import type { PhaseTrainer, SavedWeights, TrainHooks, TrainOutcome } from './session';
import { NUM_CLASSES } from './activities';
import { withInputClip } from './input-clip';
import { runLr } from './run-schedule';
import { abortError } from '../../shared/errors';

const SEED_OFFSET: Record<Phase, number> = { 'teacher-gaf': 1, 'teacher-signal': 2, 'student-ce': 3, 'student-kd': 3 };

export class WrnPhaseTrainer implements PhaseTrainer<Wrn> {
  /** convImpl 'auto' picks the fast path on cpu/wasm and tf convs elsewhere, per call (survives a backend fallback). */
  /** preciseBn false evaluates with the moving-average BN statistics (only to measure what precise BN changes). */
  constructor(
    private readonly fold: FoldInputs,
    private readonly convImpl: ConvImpl | 'auto' = 'auto',
    private readonly opts: { preciseBn?: boolean } = {},
  ) {}

  sizes(): { train: number; test: number } {
    return { train: this.fold.signal.train.n, test: this.fold.signal.test.n };
  }

  private inputs(phase: Phase): { train: TrainData; test: TrainData } {
    return phaseInputs(phase, this.fold);
  }

  /** Models trained here clip their standardised input (input-clip.ts); loaded checkpoints do not. */
  private create(phase: Phase, c: RunConfig): Wrn {
    return withInputClip(createPhaseModel(phase, c.teacherArch, c.seed + SEED_OFFSET[phase], this.convImpl));
  }

  async train(
    phase: Phase,
    c: RunConfig,
    hooks: TrainHooks,
    teachers: readonly [Wrn, Wrn] | null,
  ): Promise<{ model: Wrn; outcome: TrainOutcome }> {
    const { train, test } = this.inputs(phase);
    const model = this.create(phase, c);
    try {
      let kd: KdSetup | undefined;
      let teacherTest: [Float32Array, Float32Array] | null = null;
      if (phase === 'student-kd') {
        if (!teachers) throw new Error('student-kd needs the two teachers');
        const opts = { signal: hooks.signal };
        // Frozen teachers: logits on the student's training windows, in the same order.
        const gafLogits = await predictLogits(teachers[0], this.fold.gaf.train, opts);
        const sigLogits = await predictLogits(teachers[1], this.fold.signal.train, opts);
        kd = { teacherLogits: [gafLogits, sigLogits], weights: teacherWeights(2, c.alpha), lambda: c.lambda, T: c.temperature };
        // On the test windows, for what the student takes from each teacher per epoch.
        teacherTest = [
          await predictLogits(teachers[0], this.fold.gaf.test, opts),
          await predictLogits(teachers[1], this.fold.signal.test, opts),
        ];
      }
      const curve: TrainOutcome['curve'] = [];
      const fit: TrainOutcome['fit'] = [];
      const r = await trainModel({
        model,
        train,
        test,
        epochs: c.epochs,
        batchSize: c.batchSize,
        seed: c.seed + SEED_OFFSET[phase],
        schedule: (e, n) => runLr(e, n, c.learningRate),
        ...(kd ? { kd } : {}),
        preciseBn: this.opts.preciseBn ?? true,
        signal: hooks.signal,
        onStep: (s) => hooks.onStep({ epoch: s.epoch + 1, step: s.step + 1, steps: s.stepsPerEpoch, loss: s.loss }),
        onEpoch: (e) => {
          const rep = { epoch: e.epoch + 1, trainLoss: e.trainLoss, testAcc: 100 * e.testAccuracy };
          curve.push(rep);
          // From the logits the evaluation already computed: no extra forward pass per epoch.
          const t0 = performance.now();
          const f = teacherTest
            ? { epoch: rep.epoch, ...teacherFit(e.testLogits, teacherTest[0], teacherTest[1], NUM_CLASSES, c.temperature) }
            : null;
          if (f) fit.push(f);
          const ms = { train: 1000 * e.seconds, bn: 1000 * e.bnSeconds, eval: 1000 * e.evalSeconds, fit: performance.now() - t0 };
          hooks.onEpoch(rep, f, ms);
        },
      });
      if (r.aborted) throw abortError();
      // The last epoch's evaluation already ran the final weights over the test windows: reuse its logits.
      const final = await this.outcome(phase, model, hooks.signal, r.epochs.at(-1)?.testLogits);
      return {
        model,
        outcome: { ...final, curve, fit, bestAcc: 100 * r.bestAccuracy, bestEpoch: r.bestEpoch + 1, lastAcc: 100 * r.lastAccuracy },
      };
    } catch (e) {
      model.dispose();
      throw e;
    }
  }

  /** Final model: confusion and logits on the test windows, accuracy on the training windows. */
  private async outcome(
    phase: Phase,
    model: Wrn,
    signal?: AbortSignal,
    testLogits?: Float32Array,
  ): Promise<Pick<TrainOutcome, 'confusion' | 'trainAcc' | 'lastAcc' | 'testLogits'>> {
    const { train, test } = this.inputs(phase);
    const opts = signal ? { signal } : {};
    const te = testLogits ? resultOf(testLogits, test.y, NUM_CLASSES) : await evaluate(model, test, opts);
    const tr = await evaluate(model, train, opts);
    return {
      confusion: confusionMatrix(test.y, te.predictions, NUM_CLASSES),
      trainAcc: 100 * tr.accuracy,
      lastAcc: 100 * te.accuracy,
      testLogits: Array.from(te.logits),
    };
  }

  async evaluate(phase: Phase, model: Wrn): Promise<TrainOutcome> {
    const o = await this.outcome(phase, model);
    return { ...o, curve: [], fit: [], bestAcc: o.lastAcc, bestEpoch: 0 }; // a checkpoint has no curve here
  }

  async save(model: Wrn): Promise<SavedWeights> {
    const list = model.params.list();
    const data = await Promise.all(list.map(async (e) => new Float32Array((await e.variable.data()) as Float32Array)));
    return { names: list.map((e) => e.name), shapes: list.map((e) => [...e.variable.shape]), data };
  }

  load(phase: Phase, c: RunConfig, w: SavedWeights): Wrn {
    const model = this.create(phase, c);
    try {
      model.params.restore(new Map(w.names.map((n, i) => [n, w.data[i]!])));
      return model;
    } catch (e) {
      model.dispose();
      throw e;
    }
  }

  tensorCount(model: Wrn): number {
    return model.params.list().length;
  }

  dispose(model: Wrn): void {
    model.dispose();
  }
}
