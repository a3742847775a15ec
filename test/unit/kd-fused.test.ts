import { describe, it, expect, beforeAll } from 'vitest';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { ALIGN, compilePlan, opCounts, type FusedShape, type StepHyper } from '@demos/kd/fused/plan';
import { allocBuffers, runStepCpu } from '@demos/kd/fused/reference';
import { packBatch, packParams, packState, unpackParams, unpackState } from '@demos/kd/fused/state';
import { compareLosses, compareTensors, createWrnFor, makeBatches, readModel, tfjsSteps } from '@demos/kd/fused/parity';

beforeAll(async () => {
  await useNodeBackend('cpu');
});

const hyper: StepHyper = { momentum: 0.9, weightDecay: 1e-4, lambda: 0.7, T: 4, teacherWeights: [0.3, 0.7] };
const shape1: FusedShape = { dims: 1, depth: 16, widen: 1, inChannels: 6, numClasses: 12, batch: 4, spatial: [20], teachers: 2 };
const shape2: FusedShape = { dims: 2, depth: 16, widen: 1, inChannels: 3, numClasses: 12, batch: 2, spatial: [8, 8], teachers: 2 };

describe('fused WRN plan', () => {
  it('lays out every trainable parameter of the model once, aligned, in state-dict order', () => {
    for (const [shape, widen] of [
      [shape1, 1],
      [shape2, 3],
    ] as const) {
      const plan = compilePlan({ ...shape, widen }, hyper);
      const m = createWrnFor({ ...shape, widen }, 1);
      const names = m.params
        .list()
        .filter((e) => e.trainable)
        .map((e) => e.name);
      expect(plan.params.map((p) => p.name)).toEqual(names);
      for (const p of plan.params) expect(p.size).toBe(m.params.get(p.name).size);
      expect(plan.params.reduce((s, p) => s + p.size, 0)).toBe(m.params.countTrainable());
      // No two parameters overlap; every bound region starts on a 256-byte boundary.
      const sorted = [...plan.params].sort((a, b) => a.offset - b.offset);
      sorted.slice(1).forEach((p, i) => expect(p.offset).toBeGreaterThanOrEqual(sorted[i]!.offset + sorted[i]!.size));
      for (const op of plan.ops) for (const r of Object.values(op.bind)) expect(r.offset % ALIGN).toBe(0);
      m.dispose();
    }
  });

  it('is one dispatch per op, well under 120 per step for WRN16-1 (1D and 2D) and WRN16-3', () => {
    const c = opCounts(compilePlan(shape1, hyper));
    expect(c).toEqual({ convFwd: 15, convDx: 14, convDw: 15, bnFwd: 13, bnBwd: 13, pool: 1, poolBwd: 1, head: 1, sgd: 1 });
    expect(compilePlan(shape2, hyper).ops.length).toBe(74);
    expect(compilePlan({ ...shape1, widen: 3 }, hyper).ops.length).toBe(77); // + stage-1 shortcut
  });

  it('never binds overlapping regions of one buffer in one op (WebGPU rejects aliasing writable bindings)', () => {
    for (const op of compilePlan(shape2, hyper).ops) {
      const rs = Object.values(op.bind);
      for (let i = 0; i < rs.length; i++)
        for (let j = i + 1; j < rs.length; j++) {
          const a = rs[i]!,
            b = rs[j]!;
          const overlap = a.buffer === b.buffer && a.offset < b.offset + b.size && b.offset < a.offset + a.size;
          expect(overlap, `${op.label}: bindings ${i} and ${j}`).toBe(false);
        }
    }
  });
});

/** 5 steps on tfjs (cpu) and on the plan's CPU reference, from the same weights and batches. */
async function parity(shape: FusedShape, h: StepHyper = hyper) {
  const steps = 5,
    lr = 0.05;
  const batches = makeBatches(shape, steps, 11);
  const model = createWrnFor(shape, 5);
  const plan = compilePlan(shape, h);
  const bufs = allocBuffers(plan);
  const init = await readModel(model);
  packParams(plan, init, bufs.params);
  packState(plan, init, bufs.state);
  const want = await tfjsSteps(model, shape, h, batches, lr);
  model.dispose();
  batches.forEach((b, i) => {
    packBatch(plan, b.x, b.labels, b.teachers, bufs.io);
    runStepCpu(plan, bufs, lr, i);
  });
  const losses = batches.map((_, i) => bufs.losses[2 * i]!);
  const got = new Map([...unpackParams(plan, bufs.params), ...unpackState(plan, bufs.state)]);
  return { loss: compareLosses(losses, want.losses), tensors: compareTensors(got, want.tensors) };
}

describe('fused WRN step, CPU reference vs tfjs (5 SGD steps; KD with two teachers unless said)', () => {
  it('1D WRN16-1: loss of every step and every weight and BN statistic within 1e-4 relative', async () => {
    const r = await parity(shape1);
    expect(r.loss).toBeLessThan(1e-4);
    expect(r.tensors[0]!.rel, r.tensors[0]!.name).toBeLessThan(1e-4);
    expect(r.tensors.length).toBe(43 + 2 * 13); // WRN16-1: 43 trainable tensors, 13 BNs' running mean and variance
  });
  it('2D WRN16-1: the same', async () => {
    const r = await parity(shape2);
    expect(r.loss).toBeLessThan(1e-4);
    expect(r.tensors[0]!.rel, r.tensors[0]!.name).toBeLessThan(1e-4);
  });
  it('1D WRN16-2 trained with CE only (no teachers, λ 0; a shortcut in stage 1 too): the same', async () => {
    const r = await parity({ ...shape1, widen: 2, teachers: 0 }, { ...hyper, lambda: 0, teacherWeights: [] });
    expect(r.loss).toBeLessThan(1e-4);
    expect(r.tensors[0]!.rel, r.tensors[0]!.name).toBeLessThan(1e-4);
  });
  it('1D WRN16-1 with one teacher: the same', async () => {
    const r = await parity({ ...shape1, teachers: 1 }, { ...hyper, teacherWeights: [1] });
    expect(r.loss).toBeLessThan(1e-4);
    expect(r.tensors[0]!.rel, r.tensors[0]!.name).toBeLessThan(1e-4);
  });
});
