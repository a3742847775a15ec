/**
 * The mini KD run's orchestration on the real excerpt with the real WRN trainer (Node, tfjs
 * CPU backend): four phases with finite numbers, resume after cancel, α change re-runs only
 * the KD student, the model cache, no leaked tensors, and the exported artifact validates.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../../demos/kd/tf-node';
import { readExcerptTexts } from '../../demos/kd/pamap2/node/excerpt';
import { excerptData, foldInputs, makePreview, type LoadedData } from '../../demos/kd/run/data';
import { RunSession, type ModelCache, type RunEvent } from '../../demos/kd/run/phases';
import { WrnPhaseTrainer } from '../../demos/kd/run/trainer';
import { DEFAULT_CONFIG, type RunConfig } from '../../demos/kd/run/config';
import { phaseArtifact } from '../../demos/kd/run/export';
import { parseArtifact } from '../../demos/kd/artifact';
import type { Wrn } from '../../demos/kd/models/wrn';

const CONFIG: RunConfig = { ...DEFAULT_CONFIG, epochs: 1, gafSize: 8, batchSize: 16 };

function memoryCache(): ModelCache & { size: () => number } {
  const m = new Map<string, Parameters<ModelCache['set']>[1]>();
  return { get: async (k) => m.get(k), set: async (k, v) => { m.set(k, v); }, size: () => m.size };
}

let data: LoadedData;
beforeAll(async () => {
  await useNodeBackend('wasm'); // the CPU backend's 2D convolutions are far too slow for a unit test
  data = await excerptData(await readExcerptTexts());
});

function session(cache: ModelCache | null): RunSession<Wrn> {
  return new RunSession<Wrn>(new WrnPhaseTrainer(foldInputs(data.windows, CONFIG.testSubject, CONFIG.gafSize), 'im2col'), data.summary.dataId, cache);
}

describe('kd run on the real excerpt', () => {
  it('summarises the data it trains on (computed from the windows)', () => {
    const s = data.summary;
    expect(s.windows).toBe(data.windows.n);
    expect(s.subjects.map((x) => x.id)).toEqual([101, 102, 103, 105, 107, 108]);
    expect(s.subjects.reduce((n, x) => n + x.windows, 0)).toBe(s.windows);
    expect(s.classCounts.reduce((a, b) => a + b, 0)).toBe(s.windows);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const p = makePreview(data.windows, 16)!;
    expect(p.gaf).toHaveLength(256);
    expect(p.signal).toHaveLength(100);
    expect(Math.max(...p.gaf.map(Math.abs))).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('runs four phases, resumes after cancel, re-runs only the KD student when α changes, leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const cache = memoryCache();
    const s = session(cache);
    // Cancel during the second phase.
    const ctl = new AbortController();
    const started: string[] = [];
    await expect(s.run(CONFIG, ctl.signal, (e) => {
      if (e.type === 'phase-start') { started.push(e.phase); if (e.phase === 'teacher-signal') ctl.abort(); }
    })).rejects.toThrow();
    expect(started).toEqual(['teacher-gaf', 'teacher-signal']);

    const events: RunEvent[] = [];
    const results = await s.run(CONFIG, new AbortController().signal, (e) => events.push(e));
    expect(events.filter((e) => e.type === 'phase-start').map((e) => (e as { phase: string }).phase)).toEqual(['teacher-signal', 'student-ce', 'student-kd']);
    expect(results.map((r) => r.phase)).toEqual(['teacher-gaf', 'teacher-signal', 'student-ce', 'student-kd']);
    for (const r of results) {
      for (const v of [r.bestAcc, r.lastAcc, r.trainAcc, r.ms]) expect(Number.isFinite(v)).toBe(true);
      expect(r.confusion).toHaveLength(12);
      expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(r.testWindows);
      expect(r.curve).toHaveLength(CONFIG.epochs);
    }
    expect(events.some((e) => e.type === 'step')).toBe(true);
    expect(cache.size()).toBe(3); // two teachers + the CE student

    const again: string[] = [];
    const r2 = await s.run({ ...CONFIG, alpha: 0.3 }, new AbortController().signal, (e) => { if (e.type === 'phase-start') again.push(e.phase); });
    expect(again).toEqual(['student-kd']);
    expect(r2[0]).toBe(results[0]);

    // A fresh session (page reload) takes the teachers and the CE student from the cache.
    s.dispose();
    const s2 = session(cache);
    const r3 = await s2.run(CONFIG, new AbortController().signal, () => {});
    expect(r3.map((r) => r.origin)).toEqual(['cache', 'cache', 'cache', 'trained']);
    s2.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const a = phaseArtifact(results[3]!, { config: CONFIG, data: data.summary, sha256: data.summary.sha256, backend: 'cpu', codeVersion: 'test', createdAt: '2026-11-26T23:00:00.000Z' });
    expect(parseArtifact('x.json', JSON.parse(JSON.stringify(a))).kind).toBe('run');
    expect(a.config.method).toBe('base');
    expect(a.config.alpha).toBe(CONFIG.alpha);
    expect(a.config.teachers.map((t) => t.modality)).toEqual(['GAF', 'signal']);
  }, 300_000);
});
