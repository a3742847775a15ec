import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync, unzipSync } from 'fflate';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { loadWrnCheckpoint, loadStateIntoWrn } from '@demos/kd/checkpoint/load-wrn';
import { extractStateDict, readTorchFile } from '@demos/kd/checkpoint/torch-checkpoint';
import { createWrn } from '@demos/kd/models/wrn';
import type { ConvImpl } from '@demos/kd/conv/index';

interface GoldenCase {
  file: string;
  dims: 1 | 2;
  batch: number;
  length: number;
  epoch: number;
  parameters: number;
  logits: number[][];
}
const golden = JSON.parse(readFileSync('test/golden/wrn-checkpoint/logits.json', 'utf8')) as { cases: GoldenCase[] };
const bytes = (f: string) => new Uint8Array(readFileSync(`data/checkpoints/${f}`));

// The formula of make_golden.py, written channels-last: 1D (B, W, S), 2D (B, H, W, S).
function input(c: GoldenCase): tf.Tensor {
  const S = 40,
    L = c.length,
    B = c.batch;
  const v = (b: number, ch: number, i: number, j: number) =>
    Math.sin(0.05 * (b + 1) * (i + 1) + 0.31 * ch) + 0.5 * Math.cos(0.07 * (j + 1) * (ch + 1) + 0.2 * b);
  if (c.dims === 1) {
    const x = new Float32Array(B * L * S);
    for (let b = 0; b < B; b++) for (let i = 0; i < L; i++) for (let ch = 0; ch < S; ch++) x[(b * L + i) * S + ch] = v(b, ch, i, 0);
    return tf.tensor3d(x, [B, L, S]);
  }
  const x = new Float32Array(B * L * L * S);
  for (let b = 0; b < B; b++)
    for (let i = 0; i < L; i++)
      for (let j = 0; j < L; j++) for (let ch = 0; ch < S; ch++) x[((b * L + i) * L + j) * S + ch] = v(b, ch, i, j);
  return tf.tensor4d(x, [B, L, L, S]);
}

beforeAll(async () => {
  await useNodeBackend('cpu');
});

describe('PyTorch checkpoint parity (lab checkpoints vs PyTorch golden logits)', () => {
  for (const c of golden.cases) {
    for (const impl of ['fast', 'tf'] as ConvImpl[]) {
      it(`${c.file} (${impl} conv): logits equal PyTorch within 1e-4`, () => {
        const { model, config, epoch } = loadWrnCheckpoint(bytes(c.file), { file: c.file, convImpl: impl });
        expect(config).toEqual({ dims: c.dims, depth: 16, widen: 1, inChannels: 40, numClasses: 12 });
        expect(epoch).toBe(c.epoch);
        expect(model.params.countTrainable()).toBe(c.parameters);
        const got = tf.tidy(() => model.apply(input(c), { training: false }).logits.arraySync());
        let worst = 0;
        got.forEach((row, b) =>
          row.forEach((v, k) => {
            worst = Math.max(worst, Math.abs(v - c.logits[b]![k]!));
          }),
        );
        expect(worst).toBeLessThan(1e-4);
        model.dispose();
      });
    }
  }
});

describe('bad checkpoints get clear errors', () => {
  const sig = bytes('wrn161_0_signal.pth.tar');
  it('empty file, not a zip, truncated zip', () => {
    expect(() => loadWrnCheckpoint(new Uint8Array(0), { file: 'e.pth' })).toThrow(/e\.pth: the file is empty/);
    expect(() => loadWrnCheckpoint(new TextEncoder().encode('hello world'), { file: 'x.txt' })).toThrow(
      /x\.txt: not a PyTorch zip checkpoint/,
    );
    expect(() => loadWrnCheckpoint(sig.slice(0, sig.length / 2), { file: 'half.pth.tar' })).toThrow(/half\.pth\.tar: /);
  });
  it('a storage file missing from the zip is named', () => {
    const files = unzipSync(sig);
    const victim = Object.keys(files).find((k) => k.includes('/data/'))!;
    delete files[victim];
    expect(() => loadWrnCheckpoint(zipSync(files), { file: 'cut.pth.tar' })).toThrow(
      new RegExp(`storage file ${victim.replace(/[/.]/g, '\\$&')} is missing`),
    );
  });
  it('the wrong architecture names missing keys and shape mismatches', () => {
    const { state } = extractStateDict(readTorchFile(sig, 's.pth.tar'));
    const m3 = createWrn({ dims: 1, depth: 16, widen: 3, inChannels: 40, numClasses: 12, seed: 0 });
    expect(() => loadStateIntoWrn(m3, state, 's.pth.tar')).toThrow(
      /s\.pth\.tar: does not fit 1D WRN16-3:[\s\S]*block1\.nblockLayer\.0\.conv1\.weight: shape \[16, 16, 3\] in the file, the 1D WRN16-3 needs \[48, 16, 3\][\s\S]*missing key block1\.nblockLayer\.0\.conv_inp\.weight/,
    );
    m3.dispose();
    const m2d = createWrn({ dims: 2, depth: 16, widen: 1, inChannels: 40, numClasses: 12, seed: 0 });
    expect(() => loadStateIntoWrn(m2d, state, 's.pth.tar')).toThrow(
      /conv1\.weight: shape \[16, 40, 3\] in the file, the 2D WRN16-1 needs \[16, 40, 3, 3\]/,
    );
    m2d.dispose();
    expect(() => loadWrnCheckpoint(sig, { file: 's.pth.tar', expect: { dims: 2 } })).toThrow(/expected dims = 2/);
  });
});
