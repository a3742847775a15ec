/**
 * Pre-activation Wide ResNet WRN-d-k, 1D (signals) and 2D (GAF images), exactly as
 * kd-protocol §5, written with raw tfjs-core ops and a ParamStore (no tfjs-layers):
 *
 *   stem   conv k3 s1 p1, no bias: Cin -> 16
 *   stage i = 1..3, width 16k·2^(i-1), N = (d-4)/6 blocks, stride [1, 2, 2][i-1]
 *     block: BN -> ReLU -> conv3(stride) -> BN -> ReLU -> conv3; + shortcut
 *     shortcut: 1×1 conv (stride) on the first block of stages 2, 3 (and 1 when k > 1),
 *               applied to the block's pre-activated input (as the reference WRN code does:
 *               `x = relu(bn1(x))` when in != out); identity otherwise.
 *   head   BN -> ReLU -> global average pool -> Linear(64k -> K)
 *
 * Parameter names are the lab's state-dict keys (`conv1.weight`,
 * `block{1,2,3}.nblockLayer.{j}.{batch_norm1,conv1,batch_norm2,conv2,conv_inp}`, `batch_norm`,
 * `fc`), so PyTorch checkpoints load key by key. Weights are stored in tfjs layout:
 * conv (k[, k], Cin, Cout), fc (64k, K).
 *
 * Shapes: 1D input (B, W, S) = (B, 100, 40) channels-last; stages 100 -> 100 -> 50 -> 25.
 *         2D input (B, H, W, S) = (B, 64, 64, 40) NHWC; stages 64 -> 64 -> 32 -> 16.
 * `apply` returns logits (B, K) and the three stage outputs (for SP feature KD, §7).
 *
 * Lifecycle: `createWrn` allocates variables; the caller owns the model and calls dispose().
 * `apply` allocates intermediates: call it inside tf.tidy (or dispose what it returns).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/rng';
import { conv1d, conv2d, defaultConvImpl, type ConvImpl } from '../conv/index';
import { ParamStore } from './param-store';
import { addBatchNorm, batchNorm } from './batch-norm';
import { bnReluJs } from './bn-relu-js';

export interface WrnConfig {
  dims: 1 | 2;
  depth: number; // d: 16 or 28 (N = (d-4)/6 blocks per stage)
  widen: number; // k
  inChannels: number; // S = 40 for PAMAP2
  numClasses: number; // K = 12 for PAMAP2
  seed: number; // weight init seed (demos/shared/rng.ts)
  convImpl?: ConvImpl | 'auto'; // default 'auto' = defaultConvImpl(backend active at apply time)
}

interface WrnOutput {
  logits: tf.Tensor2D; // (B, K)
  features: [tf.Tensor, tf.Tensor, tf.Tensor]; // stage outputs (B, W_i, C_i) or (B, H_i, W_i, C_i)
}

export interface Wrn {
  readonly config: Readonly<WrnConfig>;
  readonly params: ParamStore;
  /** Forward pass. training=true uses batch statistics and updates BN running stats. */
  apply(x: tf.Tensor, opts: { training: boolean }): WrnOutput;
  /** Which conv implementation apply() uses; may be switched at any time. */
  convImpl: ConvImpl | 'auto';
  dispose(): void;
}

interface BlockSpec {
  prefix: string;
  cin: number;
  cout: number;
  stride: number;
  shortcut: boolean;
}

export function wrnBlocks(depth: number, widen: number): BlockSpec[] {
  if ((depth - 4) % 6 !== 0 || depth < 10) throw new Error(`WRN depth must be 6N+4 (e.g. 16, 28), got ${depth}`);
  if (!Number.isInteger(widen) || widen < 1) throw new Error(`WRN widen factor must be a positive integer, got ${widen}`);
  const n = (depth - 4) / 6;
  const widths = [16, 16 * widen, 32 * widen, 64 * widen];
  const strides = [1, 2, 2];
  const blocks: BlockSpec[] = [];
  for (let s = 0; s < 3; s++) {
    for (let j = 0; j < n; j++) {
      const cin = j === 0 ? widths[s]! : widths[s + 1]!;
      const cout = widths[s + 1]!;
      blocks.push({ prefix: `block${s + 1}.nblockLayer.${j}`, cin, cout, stride: j === 0 ? strides[s]! : 1, shortcut: cin !== cout });
    }
  }
  return blocks;
}

export function wrnName(c: Pick<WrnConfig, 'dims' | 'depth' | 'widen'>): string {
  return `${c.dims}D WRN${c.depth}-${c.widen}`;
}

export function createWrn(config: WrnConfig): Wrn {
  const { dims, depth, widen, inChannels, numClasses } = config;
  const rng = createRng(config.seed);
  const store = new ParamStore();
  const blocks = wrnBlocks(depth, widen);
  // §5 init: conv weights N(0, √(2/n)), n = (kernel elements)·out_channels.
  const convWeight = (name: string, k: number, cin: number, cout: number): void => {
    const shape = dims === 1 ? [k, cin, cout] : [k, k, cin, cout];
    const fan = (dims === 1 ? k : k * k) * cout;
    const std = Math.sqrt(2 / fan);
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = rng.normal() * std;
    store.add(name, tf.tensor(data, shape), true);
  };
  convWeight('conv1.weight', 3, inChannels, 16);
  for (const b of blocks) {
    addBatchNorm(store, `${b.prefix}.batch_norm1`, b.cin);
    convWeight(`${b.prefix}.conv1.weight`, 3, b.cin, b.cout);
    addBatchNorm(store, `${b.prefix}.batch_norm2`, b.cout);
    convWeight(`${b.prefix}.conv2.weight`, 3, b.cout, b.cout);
    if (b.shortcut) convWeight(`${b.prefix}.conv_inp.weight`, 1, b.cin, b.cout);
  }
  const cLast = 64 * widen;
  addBatchNorm(store, 'batch_norm', cLast);
  // Linear: PyTorch's default weight init U(±1/√fan_in); bias 0 (§5).
  const bound = 1 / Math.sqrt(cLast);
  const fcw = new Float32Array(cLast * numClasses);
  for (let i = 0; i < fcw.length; i++) fcw[i] = (2 * rng.next() - 1) * bound;
  store.add('fc.weight', tf.tensor2d(fcw, [cLast, numClasses]), true);
  store.add('fc.bias', tf.zeros([numClasses]), true);

  const model: Wrn = {
    config,
    params: store,
    convImpl: config.convImpl ?? 'auto',
    apply(x, { training }) {
      const want = dims + 2;
      if (x.rank !== want) throw new Error(`${wrnName(config)} expects a rank-${want} input, got shape [${x.shape.join(', ')}]`);
      if (x.shape[x.rank - 1] !== inChannels)
        throw new Error(`${wrnName(config)} expects ${inChannels} input channels (last axis), got shape [${x.shape.join(', ')}]`);
      const impl = model.convImpl === 'auto' ? defaultConvImpl(tf.getBackend()) : model.convImpl;
      const conv = (t: tf.Tensor, name: string, stride: number, pad: number, inputGrad = true): tf.Tensor =>
        dims === 1
          ? conv1d(t as tf.Tensor3D, store.get(name) as tf.Variable<tf.Rank.R3>, stride, pad, impl, inputGrad)
          : conv2d(t as tf.Tensor4D, store.get(name) as tf.Variable<tf.Rank.R4>, stride, pad, impl, inputGrad);
      // 'fast' (cpu/wasm) also fuses BN+ReLU into one JS op (./bn-relu-js.ts); same math.
      const bnRelu = (t: tf.Tensor, name: string): tf.Tensor =>
        impl === 'fast' ? bnReluJs(store, name, t, training) : tf.relu(batchNorm(store, name, t, training));
      let h = conv(x, 'conv1.weight', 1, 1, false); // x is data: no input gradient needed
      const features: tf.Tensor[] = [];
      const perStage = blocks.length / 3;
      blocks.forEach((b, i) => {
        const pre = bnRelu(h, `${b.prefix}.batch_norm1`);
        let out = conv(pre, `${b.prefix}.conv1.weight`, b.stride, 1);
        out = conv(bnRelu(out, `${b.prefix}.batch_norm2`), `${b.prefix}.conv2.weight`, 1, 1);
        const skip = b.shortcut ? conv(pre, `${b.prefix}.conv_inp.weight`, b.stride, 0) : h;
        h = tf.add(skip, out);
        if ((i + 1) % perStage === 0) features.push(h);
      });
      const pooled = tf.mean(bnRelu(h, 'batch_norm'), dims === 1 ? [1] : [1, 2]); // (B, 64k)
      const logits = tf.add(
        tf.matMul(pooled as tf.Tensor2D, store.get('fc.weight') as tf.Variable<tf.Rank.R2>),
        store.get('fc.bias'),
      ) as tf.Tensor2D;
      return { logits, features: [features[0]!, features[1]!, features[2]!] };
    },
    dispose() {
      store.dispose();
    },
  };
  return model;
}
