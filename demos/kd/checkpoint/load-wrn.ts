/**
 * Maps a lab-layout PyTorch WRN state dict (data/checkpoints/README.md) onto our WRN
 * (../models/wrn.ts uses the same key names). Layout changes, PyTorch -> tfjs:
 *   conv (O, I, k) -> (k, I, O);  conv (O, I, kh, kw) -> (kh, kw, I, O);  fc (K, F) -> (F, K).
 * `num_batches_tracked` is ignored (momentum is fixed, §5). Every problem is reported at once:
 * missing keys, unexpected keys, shape mismatches (in PyTorch layout), by file name.
 */
import { createWrn, wrnName, type Wrn, type WrnConfig } from '../models/wrn';
import type { ConvImpl } from '../conv/index';
import { CheckpointError, extractStateDict, readTorchFile, type TorchTensor } from './torch-checkpoint';

/** Our parameter (tfjs layout) -> the PyTorch shape it must come from. */
function torchShape(name: string, shape: readonly number[]): number[] {
  if (name === 'fc.weight') return [shape[1]!, shape[0]!];
  if (name.endsWith('.weight') && shape.length === 3) return [shape[2]!, shape[1]!, shape[0]!];
  if (name.endsWith('.weight') && shape.length === 4) return [shape[3]!, shape[2]!, shape[0]!, shape[1]!];
  return [...shape];
}

/** Reorders PyTorch row-major data into our layout. */
function toTfLayout(name: string, t: TorchTensor): Float32Array {
  const s = t.shape,
    d = t.data;
  const out = new Float32Array(d.length);
  if (name === 'fc.weight') {
    const [K, F] = s as [number, number];
    for (let k = 0; k < K; k++) for (let f = 0; f < F; f++) out[f * K + k] = d[k * F + f]!;
    return out;
  }
  if (s.length === 3) {
    const [O, I, k] = s as [number, number, number];
    for (let o = 0; o < O; o++) for (let i = 0; i < I; i++) for (let j = 0; j < k; j++) out[(j * I + i) * O + o] = d[(o * I + i) * k + j]!;
    return out;
  }
  if (s.length === 4) {
    const [O, I, kh, kw] = s as [number, number, number, number];
    for (let o = 0; o < O; o++)
      for (let i = 0; i < I; i++)
        for (let a = 0; a < kh; a++)
          for (let b = 0; b < kw; b++) {
            out[((a * kw + b) * I + i) * O + o] = d[((o * I + i) * kh + a) * kw + b]!;
          }
    return out;
  }
  return d;
}

/** dims/depth/widen/in/classes from the tensors' shapes (conv1.weight, fc.weight, block1 count). */
function inferWrnConfig(state: ReadonlyMap<string, TorchTensor>, file = 'checkpoint'): Omit<WrnConfig, 'seed' | 'convImpl'> {
  const c1 = state.get('conv1.weight'),
    fc = state.get('fc.weight');
  if (!c1 || !fc)
    throw new CheckpointError(
      file,
      `not a lab WRN state dict: ${!c1 ? 'conv1.weight' : 'fc.weight'} is missing (keys: ${[...state.keys()].slice(0, 6).join(', ')}…)`,
    );
  if (c1.shape.length !== 3 && c1.shape.length !== 4)
    throw new CheckpointError(file, `conv1.weight has shape [${c1.shape.join(', ')}]; expected (16, S, 3) or (16, S, 3, 3)`);
  const blocks = new Set<number>();
  for (const k of state.keys()) {
    const m = /^block1\.nblockLayer\.(\d+)\./.exec(k);
    if (m) blocks.add(Number(m[1]));
  }
  const widen = fc.shape[1]! / 64;
  if (!Number.isInteger(widen) || widen < 1)
    throw new CheckpointError(file, `fc.weight has shape [${fc.shape.join(', ')}]; expected (K, 64k)`);
  return { dims: c1.shape.length === 3 ? 1 : 2, depth: 6 * blocks.size + 4, widen, inChannels: c1.shape[1]!, numClasses: fc.shape[0]! };
}

/** Assigns every parameter and running statistic of `model` from `state`; throws listing all problems. */
export function loadStateIntoWrn(model: Wrn, state: ReadonlyMap<string, TorchTensor>, file = 'checkpoint'): void {
  const problems: string[] = [];
  const values = new Map<string, Float32Array>();
  const ours = model.params.list();
  for (const e of ours) {
    const t = state.get(e.name);
    const want = torchShape(e.name, e.variable.shape);
    if (!t) {
      problems.push(`missing key ${e.name} (expected shape [${want.join(', ')}])`);
      continue;
    }
    if (t.shape.length !== want.length || t.shape.some((v, i) => v !== want[i])) {
      problems.push(`${e.name}: shape [${t.shape.join(', ')}] in the file, the ${wrnName(model.config)} needs [${want.join(', ')}]`);
      continue;
    }
    if (t.data.some((v) => !Number.isFinite(v))) {
      problems.push(`${e.name}: contains NaN or infinite values`);
      continue;
    }
    values.set(e.name, toTfLayout(e.name, t));
  }
  const known = new Set(ours.map((e) => e.name));
  const unexpected = [...state.keys()].filter((k) => !known.has(k) && !k.endsWith('num_batches_tracked'));
  if (unexpected.length)
    problems.push(
      `unexpected keys: ${unexpected.slice(0, 8).join(', ')}${unexpected.length > 8 ? ` (+${unexpected.length - 8} more)` : ''}`,
    );
  if (problems.length) {
    const shown = problems.slice(0, 12).join('\n  ') + (problems.length > 12 ? `\n  (+${problems.length - 12} more problems)` : '');
    throw new CheckpointError(file, `does not fit ${wrnName(model.config)}:\n  ${shown}`);
  }
  model.params.restore(values);
}

export interface LoadedWrn {
  model: Wrn;
  config: Omit<WrnConfig, 'seed' | 'convImpl'>;
  epoch: number | null;
}

/** Bytes of a lab `.pth.tar` -> a new WRN of the inferred size with those weights (caller disposes). */
export function loadWrnCheckpoint(
  bytes: Uint8Array,
  opts: { file?: string; convImpl?: ConvImpl | 'auto'; expect?: Partial<Omit<WrnConfig, 'seed' | 'convImpl'>> } = {},
): LoadedWrn {
  const file = opts.file ?? 'checkpoint';
  const { state, epoch } = extractStateDict(readTorchFile(bytes, file), file);
  const config = inferWrnConfig(state, file);
  for (const [k, v] of Object.entries(opts.expect ?? {})) {
    if (config[k as keyof typeof config] !== v)
      throw new CheckpointError(
        file,
        `is a ${wrnName(config)} with ${config.inChannels} input channels and ${config.numClasses} classes; expected ${k} = ${String(v)}`,
      );
  }
  const model = createWrn({ ...config, seed: 0, convImpl: opts.convImpl ?? 'auto' });
  try {
    loadStateIntoWrn(model, state, file);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { model, config, epoch };
}
