/**
 * SGD with momentum and weight decay, PyTorch semantics (kd-protocol §8: momentum 0.9,
 * weight decay 1e-4, applied to every parameter as `optim.SGD(model.parameters(), ...)` does):
 *   g ← g + wd·p;   v ← μ·v + g   (v starts at 0, so the first v = g as in PyTorch);   p ← p − lr·v
 *
 * Two equivalent implementations: 'tensor' (tfjs ops; any backend) and 'js' (typed-array loop,
 * one read and one write per parameter; for cpu/wasm, where the ~6 tiny kernels per parameter
 * of the tensor version cost more in dispatch than the arithmetic). Default: 'js' on cpu/wasm.
 * Lifecycle: owns the velocity buffers; dispose() frees them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readNow, tensorFilled } from '../conv/scratch';

export interface SgdOptions {
  momentum: number;
  weightDecay: number;
  impl?: 'tensor' | 'js';
}

export class Sgd {
  readonly impl: 'tensor' | 'js';
  private velocity: tf.Variable[] | null = null;
  private velocityJs: Float32Array[] | null = null;

  constructor(
    private readonly params: readonly tf.Variable[],
    private readonly opts: SgdOptions,
  ) {
    const be = tf.getBackend();
    this.impl = opts.impl ?? (be === 'cpu' || be === 'wasm' ? 'js' : 'tensor');
    if (this.impl === 'js') this.velocityJs = params.map((p) => new Float32Array(p.size));
    // tf.variable shares the initial tensor's data; dispose the initial tensor itself.
    else
      this.velocity = params.map((p) => {
        const z = tf.zerosLike(p);
        const v = tf.variable(z, false);
        z.dispose();
        return v;
      });
  }

  /** grads are keyed by variable name, as tf.variableGrads returns them. */
  step(grads: tf.NamedTensorMap, lr: number): void {
    const { momentum, weightDecay } = this.opts;
    const gradOf = (p: tf.Variable): tf.Tensor => {
      const g = grads[p.name];
      if (!g) throw new Error(`no gradient for parameter ${p.name}`);
      return g;
    };
    if (this.velocityJs) {
      this.params.forEach((p, i) => {
        const gt = gradOf(p),
          v = this.velocityJs![i]!;
        // On WASM: g and w are read in place and the new values written straight into the new
        // tensor's heap memory (views taken inside the fill, after that allocation).
        const t = tensorFilled([...p.shape], (next) => {
          const g = readNow(gt),
            w = readNow(p);
          for (let j = 0; j < w.length; j++) {
            const vj = momentum * v[j]! + g[j]! + weightDecay * w[j]!;
            v[j] = vj;
            next[j] = w[j]! - lr * vj;
          }
        });
        p.assign(t);
        t.dispose();
      });
      return;
    }
    tf.tidy(() => {
      this.params.forEach((p, i) => {
        let g = gradOf(p);
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p, weightDecay));
        const v = this.velocity![i]!;
        v.assign(momentum !== 0 ? tf.add(tf.mul(v, momentum), g) : g);
        p.assign(tf.sub(p, tf.mul(v, lr)));
      });
    });
  }

  dispose(): void {
    if (this.velocity) tf.dispose(this.velocity);
    this.velocity = null;
    this.velocityJs = null;
  }
}
