/**
 * Moving a WRN's named tensors (ParamStore names, tfjs layout) in and out of a plan's flat
 * buffers, and writing one batch into the io buffer. Pure: Float32Arrays only, so the WebGPU
 * runner and the CPU reference share it.
 */
import type { Plan } from './plan';

/** Trainable parameters by name → the params buffer (padding stays 0). Throws on a missing or mis-sized tensor. */
export function packParams(
  plan: Plan,
  values: ReadonlyMap<string, Float32Array>,
  out: Float32Array<ArrayBuffer> = new Float32Array(plan.sizes.params),
): Float32Array<ArrayBuffer> {
  for (const s of plan.params) {
    const v = values.get(s.name);
    if (!v) throw new Error(`fused WRN: no value for parameter ${s.name}`);
    if (v.length !== s.size) throw new Error(`fused WRN: ${s.name} has ${v.length} values, expected ${s.size}`);
    out.set(v, s.offset);
  }
  return out;
}

export function unpackParams(plan: Plan, buf: Float32Array): Map<string, Float32Array> {
  return new Map(plan.params.map((s) => [s.name, buf.slice(s.offset, s.offset + s.size)]));
}

/** BN running statistics by name (`<prefix>.running_mean` / `.running_var`) → the state buffer. */
export function packState(
  plan: Plan,
  values: ReadonlyMap<string, Float32Array>,
  out: Float32Array<ArrayBuffer> = new Float32Array(plan.sizes.state),
): Float32Array<ArrayBuffer> {
  for (const b of plan.bns) {
    for (const [i, key] of (['running_mean', 'running_var'] as const).entries()) {
      const v = values.get(`${b.prefix}.${key}`);
      if (!v || v.length !== b.channels) throw new Error(`fused WRN: ${b.prefix}.${key} missing or not ${b.channels} values`);
      out.set(v, b.state.offset + i * b.channels);
    }
  }
  return out;
}

export function unpackState(plan: Plan, buf: Float32Array): Map<string, Float32Array> {
  const m = new Map<string, Float32Array>();
  for (const b of plan.bns) {
    const o = b.state.offset,
      c = b.channels;
    m.set(`${b.prefix}.running_mean`, buf.slice(o, o + c));
    m.set(`${b.prefix}.running_var`, buf.slice(o + c, o + 2 * c));
  }
  return m;
}

/** One batch → the io buffer's contents: x (B, …, S), labels (B) as floats, teacher logits (nT, B, K). */
export function packBatch(
  plan: Plan,
  x: Float32Array,
  labels: Int32Array,
  teachers: readonly Float32Array[],
  out: Float32Array<ArrayBuffer> = new Float32Array(plan.sizes.io),
): Float32Array<ArrayBuffer> {
  const { batch: B, numClasses: K } = plan.shape;
  if (x.length !== plan.input.size) throw new Error(`fused WRN: batch x has ${x.length} values, expected ${plan.input.size}`);
  if (labels.length !== B) throw new Error(`fused WRN: ${labels.length} labels, expected ${B}`);
  if (teachers.length !== plan.shape.teachers)
    throw new Error(`fused WRN: ${teachers.length} teacher logit arrays, expected ${plan.shape.teachers}`);
  out.set(x, plan.input.offset);
  for (let i = 0; i < B; i++) out[plan.labels.offset + i] = labels[i]!;
  teachers.forEach((t, i) => {
    if (t.length !== B * K) throw new Error(`fused WRN: teacher ${i} has ${t.length} logits, expected ${B * K}`);
    out.set(t, plan.teacherLogits.offset + i * B * K);
  });
  return out;
}
