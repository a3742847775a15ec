/**
 * A named store of tf.Variables: trainable parameters plus BatchNorm running statistics
 * (non-trainable). Names follow the lab's PyTorch state-dict keys (kd-protocol §5; lab
 * checkpoints README) so a checkpoint maps onto a model key by key.
 *
 * Lifecycle: created by the model constructor, owned by the model; `dispose()` frees all.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface ParamEntry {
  name: string;
  variable: tf.Variable;
  trainable: boolean;
}

export class ParamStore {
  private readonly entries = new Map<string, ParamEntry>();

  add(name: string, value: tf.Tensor, trainable: boolean): tf.Variable {
    if (this.entries.has(name)) throw new Error(`duplicate parameter name: ${name}`);
    const variable = tf.variable(value, trainable, `${name}#${Math.random().toString(36).slice(2)}`);
    value.dispose();
    this.entries.set(name, { name, variable, trainable });
    return variable;
  }

  get(name: string): tf.Variable {
    const e = this.entries.get(name);
    if (!e) throw new Error(`unknown parameter: ${name}`);
    return e.variable;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** All entries in creation order (the lab's state-dict order). */
  list(): ParamEntry[] {
    return [...this.entries.values()];
  }

  trainable(): tf.Variable[] {
    return this.list()
      .filter((e) => e.trainable)
      .map((e) => e.variable);
  }

  /** Number of trainable scalars (what PyTorch's sum(p.numel() for p in parameters()) counts). */
  countTrainable(): number {
    return this.trainable().reduce((s, v) => s + v.size, 0);
  }

  /** Copies of every value, e.g. to save a best-epoch snapshot. */
  snapshot(): Map<string, Float32Array> {
    return new Map(this.list().map((e) => [e.name, e.variable.dataSync() as Float32Array]));
  }

  /** Assigns values by name; shapes must match (checked by the caller that parsed them). */
  restore(values: ReadonlyMap<string, Float32Array>): void {
    for (const [name, data] of values) {
      const v = this.get(name);
      if (data.length !== v.size) throw new Error(`${name}: ${data.length} values, expected ${v.size} (shape [${v.shape.join(', ')}])`);
      tf.tidy(() => v.assign(tf.tensor(data, v.shape)));
    }
  }

  dispose(): void {
    for (const e of this.entries.values()) e.variable.dispose();
    this.entries.clear();
  }
}
