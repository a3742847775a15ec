/**
 * Reads a PyTorch `torch.save` file (the zip format of torch ≥ 1.6: `<name>/data.pkl` plus one
 * raw little-endian file per storage under `<name>/data/<key>`), as the lab's `.pth.tar`
 * checkpoints are (data/checkpoints/README.md). fflate unzips, ./unpickle.ts parses, and
 * `_rebuild_tensor_v2(storage, offset, size, stride, ...)` becomes a dense row-major
 * TorchTensor (strides honoured, so views and non-contiguous tensors load correctly).
 * Pure TypeScript; in the browser it reads a File's bytes.
 */
import { unzipSync } from 'fflate';
import { PyGlobal, PyTuple, unpickle, type PyValue } from './unpickle';
import { errorMessage } from '../../shared/errors';

export type TorchDType = 'float32' | 'float64' | 'float16' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';
export class TorchTensor {
  /** Values as float64-safe numbers in a Float32Array (int64 counters fit for our uses). */
  constructor(
    readonly dtype: TorchDType,
    readonly shape: number[],
    readonly data: Float32Array,
  ) {}
}

export class CheckpointError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'CheckpointError';
  }
}

const STORAGE_TYPES: Record<string, [TorchDType, number]> = {
  FloatStorage: ['float32', 4],
  DoubleStorage: ['float64', 8],
  HalfStorage: ['float16', 2],
  LongStorage: ['int64', 8],
  IntStorage: ['int32', 4],
  ShortStorage: ['int16', 2],
  CharStorage: ['int8', 1],
  ByteStorage: ['uint8', 1],
  BoolStorage: ['bool', 1],
};

interface Storage {
  dtype: TorchDType;
  values: Float32Array;
}

function half(h: number): number {
  const s = h & 0x8000 ? -1 : 1,
    e = (h >> 10) & 0x1f,
    f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? Number.NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

function decodeStorage(bytes: Uint8Array, dtype: TorchDType, size: number): Float32Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / size);
  for (let i = 0; i < out.length; i++) {
    const o = i * size;
    switch (dtype) {
      case 'float32':
        out[i] = dv.getFloat32(o, true);
        break;
      case 'float64':
        out[i] = dv.getFloat64(o, true);
        break;
      case 'float16':
        out[i] = half(dv.getUint16(o, true));
        break;
      case 'int64':
        out[i] = Number(dv.getBigInt64(o, true));
        break;
      case 'int32':
        out[i] = dv.getInt32(o, true);
        break;
      case 'int16':
        out[i] = dv.getInt16(o, true);
        break;
      case 'int8':
        out[i] = dv.getInt8(o);
        break;
      default:
        out[i] = dv.getUint8(o);
    }
  }
  return out;
}

const asInts = (v: PyValue, what: string, file: string): number[] => {
  const items = v instanceof PyTuple ? v.items : Array.isArray(v) ? v : null;
  if (!items?.every((x) => typeof x === 'number')) throw new CheckpointError(file, `${what} is not a tuple of ints`);
  return items as number[];
};

/** Parses the bytes of a torch.save zip into its top-level Python value (tensors as TorchTensor). */
export function readTorchFile(bytes: Uint8Array, file = 'checkpoint'): PyValue {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new CheckpointError(
      file,
      bytes.length === 0
        ? 'the file is empty'
        : 'not a PyTorch zip checkpoint (expected a torch.save file from torch ≥ 1.6; re-save older ones with torch.save(obj, f))',
    );
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new CheckpointError(file, `corrupt zip (${errorMessage(e)})`);
  }
  const pkl = Object.keys(entries).find((k) => k.endsWith('data.pkl') && k.split('/').length === 2);
  if (!pkl) throw new CheckpointError(file, 'zip has no <name>/data.pkl: not a torch.save file');
  const prefix = pkl.slice(0, -'data.pkl'.length);
  const storages = new Map<string, Storage>();
  const hooks = {
    persistentLoad(pid: PyValue): PyValue {
      const t = pid instanceof PyTuple ? pid.items : [];
      const [kind, type, key] = t;
      if (kind !== 'storage' || !(type instanceof PyGlobal) || typeof key !== 'string')
        throw new CheckpointError(file, 'unsupported persistent id in data.pkl');
      const st = STORAGE_TYPES[type.name];
      if (!st) throw new CheckpointError(file, `unsupported storage type ${type.qualified}`);
      let s = storages.get(key);
      if (!s) {
        const raw = entries[`${prefix}data/${key}`];
        if (!raw) throw new CheckpointError(file, `storage file ${prefix}data/${key} is missing from the zip`);
        if (raw.byteLength % st[1] !== 0)
          throw new CheckpointError(file, `storage ${key} has ${raw.byteLength} bytes, not a multiple of ${st[1]}`);
        s = { dtype: st[0], values: decodeStorage(raw, st[0], st[1]) };
        storages.set(key, s);
      }
      return s;
    },
    reduce(fn: PyGlobal, args: PyValue[]): PyValue | undefined {
      if (fn.qualified === 'torch._utils._rebuild_tensor_v2' || fn.qualified === 'torch._utils._rebuild_tensor') {
        const s = args[0] as Storage;
        const offset = args[1] as number;
        const shape = asInts(args[2] ?? null, 'tensor size', file),
          stride = asInts(args[3] ?? null, 'tensor stride', file);
        const n = shape.reduce((a, b) => a * b, 1);
        const out = new Float32Array(n);
        const idx = new Array<number>(shape.length).fill(0);
        for (let i = 0; i < n; i++) {
          let src = offset;
          for (let d = 0; d < shape.length; d++) src += idx[d]! * stride[d]!;
          if (src >= s.values.length)
            throw new CheckpointError(file, `tensor of shape [${shape.join(', ')}] reads past its storage (${s.values.length} elements)`);
          out[i] = s.values[src]!;
          for (let d = shape.length - 1; d >= 0; d--) {
            if (++idx[d]! < shape[d]!) break;
            idx[d] = 0;
          }
        }
        return new TorchTensor(s.dtype, shape, out);
      }
      if (fn.qualified === 'torch._utils._rebuild_parameter') return args[0] ?? null; // (tensor, requires_grad, hooks)
      return undefined;
    },
  };
  try {
    return unpickle(entries[pkl]!, hooks);
  } catch (e) {
    if (e instanceof CheckpointError) throw e;
    throw new CheckpointError(file, `cannot parse ${pkl}: ${errorMessage(e)}`);
  }
}

/**
 * The state dict inside a checkpoint: the object itself if it maps names to tensors, else its
 * `model_state_dict` / `state_dict` / `model` entry. A DataParallel `module.` prefix is removed.
 */
export function extractStateDict(top: PyValue, file = 'checkpoint'): { state: Map<string, TorchTensor>; epoch: number | null } {
  if (!(top instanceof Map)) throw new CheckpointError(file, 'top-level object is not a dict');
  let d: PyValue = top;
  for (const k of ['model_state_dict', 'state_dict', 'model'])
    if (top.has(k) && top.get(k) instanceof Map) {
      d = top.get(k)!;
      break;
    }
  const state = new Map<string, TorchTensor>();
  for (const [k, v] of d as Map<PyValue, PyValue>) {
    if (typeof k === 'string' && v instanceof TorchTensor) state.set(k.startsWith('module.') ? k.slice(7) : k, v);
  }
  if (state.size === 0) throw new CheckpointError(file, `no tensors found (top-level keys: ${[...top.keys()].map(String).join(', ')})`);
  const ep = top.get('epoch');
  return { state, epoch: typeof ep === 'number' ? ep : null };
}
