/**
 * The fused WRN training step on WebGPU: a plan (./plan.ts) made into GPU buffers, nine
 * pipelines and one bind group per op, all created once in `create`. A step is then one batch
 * upload (queue.writeBuffer), two small uniform writes (this step's learning rate and loss slot),
 * one command buffer with one compute pass of `plan.ops.length` dispatches, and one submit.
 * Nothing is read back inside a step: each step's (loss, ce) lands in a ring of `lossSlots` slots
 * on the GPU, read with `readLosses()` once per epoch or every N steps.
 *
 * Pure (no DOM): takes a GPUDevice the caller owns; `destroy()` frees the buffers.
 */
import { grid2d, kernelSource, KERNELS, packUniform } from './kernels';
import type { BufferName, OpKind, Plan } from './plan';
import { packBatch, packParams, packState, unpackParams, unpackState } from './state';

const SHARED: readonly BufferName[] = ['params', 'grads', 'mom', 'state'];
const UNIFORM_STRIDE = 256; // bytes per op (minUniformBufferOffsetAlignment)
const F32 = 4;

interface Encoded {
  kind: OpKind;
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  grid: [number, number];
}

export interface StepLosses {
  loss: number;
  ce: number;
}

export class FusedWrnGpu {
  private readonly encoded: Encoded[];
  private readonly ioStaging: Float32Array<ArrayBuffer>;
  private readonly sgdLrByte: number;
  private readonly headSlotByte: number;
  private steps = 0; // steps since the last readLosses
  private slot = 0;
  /** CPU milliseconds spent encoding and submitting the last step (performance.now()). */
  lastEncodeMs = 0;

  private constructor(
    readonly device: GPUDevice,
    readonly plan: Plan,
    private readonly buffers: Record<BufferName, GPUBuffer>,
    private readonly uniforms: GPUBuffer,
    pipelines: Map<OpKind, GPUComputePipeline>,
    private readonly shared: ReadonlySet<BufferName>,
  ) {
    this.encoded = plan.ops.map((op, i) => {
      const spec = KERNELS[op.kind];
      const pipeline = pipelines.get(op.kind)!;
      const entries: GPUBindGroupEntry[] = spec.bindings.map((name, b) => {
        const r = op.bind[name];
        if (!r) throw new Error(`fused WRN: op ${op.label} has no region for binding ${name}`);
        return { binding: b, resource: { buffer: buffers[r.buffer], offset: r.offset * F32, size: Math.max(r.size, 1) * F32 } };
      });
      entries.push({ binding: spec.bindings.length, resource: { buffer: uniforms, offset: i * UNIFORM_STRIDE, size: UNIFORM_STRIDE } });
      const bindGroup = device.createBindGroup({ label: op.label, layout: pipeline.getBindGroupLayout(0), entries });
      const g = spec.grid(op.p);
      return { kind: op.kind, pipeline, bindGroup, grid: grid2d(g.mode === 'threads' ? Math.ceil(g.count / 64) : g.count) };
    });
    const field = (kind: OpKind, name: string): number => {
      const i = plan.ops.findIndex((o) => o.kind === kind);
      return i * UNIFORM_STRIDE + 4 * KERNELS[kind].fields.findIndex(([n]) => n === name);
    };
    this.sgdLrByte = field('sgd', 'lr');
    this.headSlotByte = field('head', 'slot');
    this.ioStaging = new Float32Array(plan.sizes.io);
  }

  /**
   * Compiles the nine kernels and makes every buffer and bind group. Weights start at 0: call
   * setTensors. `share`: another runner of the same WRN (another batch size, e.g. an epoch's
   * shorter last batch) whose weights, gradients, momenta and BN statistics this one uses.
   */
  static async create(device: GPUDevice, plan: Plan, share?: FusedWrnGpu): Promise<FusedWrnGpu> {
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    const buffers = {} as Record<BufferName, GPUBuffer>;
    const shared = new Set<BufferName>(share ? SHARED : []);
    if (share) {
      const a = share.plan.params.map((p) => `${p.name}@${p.offset}`).join();
      if (a !== plan.params.map((p) => `${p.name}@${p.offset}`).join() || share.plan.sizes.state !== plan.sizes.state)
        throw new Error('fused WRN: a shared runner must be the same WRN (same parameter layout)');
      for (const name of SHARED) buffers[name] = share.buffers[name];
    }
    for (const [name, floats] of Object.entries(plan.sizes) as [BufferName, number][]) {
      if (shared.has(name)) continue;
      // Whole buffers are bound only for the SGD (params, grads, mom); the activation arena is
      // bound region by region, so it is limited by maxBufferSize (256 MiB by default: a 2D
      // WRN16-1 on 32×32 GAF images at batch 64 needs 117 MiB, a 2D WRN16-3 331 MiB; request
      // higher limits on the device, or a smaller batch, for those).
      const limit = SHARED.includes(name) ? device.limits.maxStorageBufferBindingSize : device.limits.maxBufferSize;
      if (floats * F32 > limit)
        throw new Error(
          `fused WRN: the ${name} buffer needs ${floats * F32} bytes, over this device's limit of ${limit} (request higher limits or use a smaller batch)`,
        );
      buffers[name] = device.createBuffer({ label: `fused ${name}`, size: Math.max(floats, 64) * F32, usage });
    }
    const uniformBytes = plan.ops.length * UNIFORM_STRIDE;
    const uniforms = device.createBuffer({
      label: 'fused uniforms',
      size: uniformBytes,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    const data = new DataView(new ArrayBuffer(uniformBytes));
    plan.ops.forEach((op, i) => packUniform(op.kind, op.p, data, i * UNIFORM_STRIDE));
    device.queue.writeBuffer(uniforms, 0, data.buffer);
    const kinds = [...new Set(plan.ops.map((o) => o.kind))];
    device.pushErrorScope('validation');
    const pipelines = new Map(
      await Promise.all(
        kinds.map(
          async (kind) =>
            [
              kind,
              await device.createComputePipelineAsync({
                label: `fused ${kind}`,
                layout: 'auto',
                compute: { module: device.createShaderModule({ label: `fused ${kind}`, code: kernelSource(kind) }), entryPoint: 'main' },
              }),
            ] as const,
        ),
      ),
    );
    const runner = new FusedWrnGpu(device, plan, buffers, uniforms, pipelines, shared);
    const err = await device.popErrorScope();
    if (err) throw new Error(`fused WRN: WebGPU validation error while building the step: ${err.message}`);
    return runner;
  }

  /** Weights and BN running statistics by ParamStore name; resets the SGD momentum to 0. */
  setTensors(values: ReadonlyMap<string, Float32Array>): void {
    const q = this.device.queue;
    q.writeBuffer(this.buffers.params, 0, packParams(this.plan, values));
    q.writeBuffer(this.buffers.state, 0, packState(this.plan, values));
    q.writeBuffer(this.buffers.mom, 0, new Float32Array(this.plan.sizes.mom));
  }

  /**
   * One SGD step on one batch (x (B, …, S), labels (B), teacher logits each (B, K)). Uploads the
   * batch, encodes the whole step into one command buffer, submits it once; returns at once.
   */
  step(x: Float32Array, labels: Int32Array, teachers: readonly Float32Array[], lr: number): void {
    const t0 = performance.now();
    const q = this.device.queue;
    packBatch(this.plan, x, labels, teachers, this.ioStaging);
    q.writeBuffer(this.buffers.io, 0, this.ioStaging);
    q.writeBuffer(this.uniforms, this.sgdLrByte, new Float32Array([lr]));
    q.writeBuffer(this.uniforms, this.headSlotByte, new Uint32Array([this.slot]));
    const enc = this.device.createCommandEncoder({ label: 'fused step' });
    const pass = enc.beginComputePass();
    let last: GPUComputePipeline | null = null;
    for (const e of this.encoded) {
      if (e.pipeline !== last) pass.setPipeline(e.pipeline);
      last = e.pipeline;
      pass.setBindGroup(0, e.bindGroup);
      pass.dispatchWorkgroups(e.grid[0], e.grid[1]);
    }
    pass.end();
    q.submit([enc.finish()]);
    this.slot = (this.slot + 1) % this.plan.lossSlots;
    this.steps++;
    this.lastEncodeMs = performance.now() - t0;
  }

  /** The (loss, ce) of every step since the last call, oldest first (at most lossSlots). One GPU→CPU read. */
  async readLosses(): Promise<StepLosses[]> {
    const n = Math.min(this.steps, this.plan.lossSlots);
    const all = await this.read('losses', 0, 2 * this.plan.lossSlots);
    const out: StepLosses[] = [];
    for (let k = n; k > 0; k--) {
      const s = (this.slot - k + this.plan.lossSlots) % this.plan.lossSlots;
      out.push({ loss: all[2 * s]!, ce: all[2 * s + 1]! });
    }
    this.steps = 0;
    return out;
  }

  /** Every trainable weight and BN running statistic by ParamStore name (two reads). */
  async readTensors(): Promise<Map<string, Float32Array>> {
    const params = await this.read('params', 0, this.plan.sizes.params);
    const state = await this.read('state', 0, this.plan.sizes.state);
    return new Map([...unpackParams(this.plan, params), ...unpackState(this.plan, state)]);
  }

  private async read(name: BufferName, offset: number, floats: number): Promise<Float32Array> {
    const staging = this.device.createBuffer({ size: floats * F32, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const enc = this.device.createCommandEncoder();
    enc.copyBufferToBuffer(this.buffers[name], offset * F32, staging, 0, floats * F32);
    this.device.queue.submit([enc.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const out = new Float32Array(staging.getMappedRange().slice(0));
    staging.destroy();
    return out;
  }

  destroy(): void {
    for (const [name, b] of Object.entries(this.buffers) as [BufferName, GPUBuffer][]) if (!this.shared.has(name)) b.destroy();
    this.uniforms.destroy();
  }
}
