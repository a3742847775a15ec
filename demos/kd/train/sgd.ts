/**
 * SGD with momentum and weight decay, PyTorch semantics (kd-protocol §8: momentum 0.9,
 * weight decay 1e-4, applied to every parameter as `optim.SGD(model.parameters(), ...)` does):
 *   g ← g + wd·p;   v ← μ·v + g   (v starts at 0, so the first v = g as in PyTorch);   p ← p − lr·v
 * Lifecycle: owns one velocity variable per parameter; dispose() frees them.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface SgdOptions { momentum: number; weightDecay: number }

export class Sgd {
  private readonly velocity: tf.Variable[];
  constructor(private readonly params: readonly tf.Variable[], private readonly opts: SgdOptions) {
    // tf.variable shares the initial tensor's data; dispose the initial tensor itself.
    this.velocity = params.map((p) => { const z = tf.zerosLike(p); const v = tf.variable(z, false); z.dispose(); return v; });
  }

  /** grads are keyed by variable name, as tf.variableGrads returns them. */
  step(grads: tf.NamedTensorMap, lr: number): void {
    const { momentum, weightDecay } = this.opts;
    tf.tidy(() => {
      this.params.forEach((p, i) => {
        let g = grads[p.name];
        if (!g) throw new Error(`no gradient for parameter ${p.name}`);
        if (weightDecay !== 0) g = tf.add(g, tf.mul(p, weightDecay));
        const v = this.velocity[i]!;
        v.assign(momentum !== 0 ? tf.add(tf.mul(v, momentum), g) : g);
        p.assign(tf.sub(p, tf.mul(v, lr)));
      });
    });
  }

  dispose(): void { tf.dispose(this.velocity); }
}
