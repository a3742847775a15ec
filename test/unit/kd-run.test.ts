/**
 * The mini KD run's orchestration on the real excerpt with the real WRN trainer (Node, tfjs
 * CPU backend): four phases with finite numbers, resume after cancel, α change re-runs only
 * the KD student, the model cache, no leaked tensors, and the exported artifact validates.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { readExcerptTexts } from '@demos/kd/pamap2/node/excerpt';
import { excerptData, makePreview, type LoadedData } from '@demos/kd/run/data-summary';
import { foldInputs, runInputs, windowSplitInputs } from '@demos/kd/experiment/inputs';
import {
  prepareWindowSplit,
  stratifiedWindowSplit,
  testCountFor,
  windowSplitCounts,
  defaultSplitFor,
  classLimit,
  thinnedCounts,
  evenlySpaced,
} from '@demos/kd/experiment/split';
import { signalStats, standardize } from '@demos/kd/pamap2/folds';
import { countWindowsPerClass } from '@demos/kd/pamap2/windows';
import { CHANNELS, WINDOW } from '@demos/kd/pamap2/format';
import { RunSession, type ModelCache, type RunEvent } from '@demos/kd/run/session';
import { WrnPhaseTrainer } from '@demos/kd/run/trainer';
import { DEFAULT_CONFIG, phaseCacheKey, type RunConfig } from '@demos/kd/run/config';
import { phaseArtifact } from '@demos/kd/run/export';
import { chanceLevel, metricsOf } from '@demos/kd/run/metrics';
import { usableFolds } from '@src/islands/kd/split-problem';
import type { TrainData } from '@demos/kd/train/train-data';
import { parseArtifact } from '@demos/kd/artifact';
import type { Wrn } from '@demos/kd/models/wrn';

const CONFIG: RunConfig = { ...DEFAULT_CONFIG, epochs: 1, gafSize: 8, batchSize: 16 };

function memoryCache(): ModelCache & { size: () => number } {
  const m = new Map<string, Parameters<ModelCache['set']>[1]>();
  return {
    get: async (k) => m.get(k),
    set: async (k, v) => {
      m.set(k, v);
    },
    size: () => m.size,
  };
}

let data: LoadedData;
beforeAll(async () => {
  await useNodeBackend('wasm'); // the CPU backend's 2D convolutions are far too slow for a unit test
  data = await excerptData(await readExcerptTexts());
});

function session(cache: ModelCache | null): RunSession<Wrn> {
  return new RunSession<Wrn>(
    new WrnPhaseTrainer(foldInputs(data.windows, CONFIG.testSubject, CONFIG.gafSize), 'im2col'),
    data.summary.dataId,
    cache,
  );
}

describe('kd run on the real excerpt', () => {
  it('summarises the data it trains on (computed from the windows)', () => {
    const s = data.summary;
    expect(s.windows).toBe(data.windows.n);
    expect(s.subjects.map((x) => x.id)).toEqual([101, 102, 103, 105, 107, 108]);
    expect(s.subjects.reduce((n, x) => n + x.windows, 0)).toBe(s.windows);
    // Each activity of the excerpt comes from one subject: no class is shared, so no LOSO fold can be evaluated.
    const classes = s.subjects.flatMap((x) => x.classes);
    expect(new Set(classes).size).toBe(classes.length);
    expect(usableFolds(s)).toEqual([]);
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
    await expect(
      s.run(CONFIG, ctl.signal, (e) => {
        if (e.type === 'phase-start') {
          started.push(e.phase);
          if (e.phase === 'teacher-signal') ctl.abort();
        }
      }),
    ).rejects.toThrow();
    expect(started).toEqual(['teacher-gaf', 'teacher-signal']);

    const events: RunEvent[] = [];
    const results = await s.run(CONFIG, new AbortController().signal, (e) => events.push(e));
    expect(events.filter((e) => e.type === 'phase-start').map((e) => (e as { phase: string }).phase)).toEqual([
      'teacher-signal',
      'student-ce',
      'student-kd',
    ]);
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
    const r2 = await s.run({ ...CONFIG, alpha: 0.3 }, new AbortController().signal, (e) => {
      if (e.type === 'phase-start') again.push(e.phase);
    });
    expect(again).toEqual(['student-kd']);
    expect(r2[0]).toBe(results[0]);
    expect(s.trained).toEqual({ 'teacher-gaf': 1, 'teacher-signal': 1, 'student-ce': 1, 'student-kd': 2 });

    // The α comparison re-trains only the KD student (the counter of phases actually trained says so).
    const points = await s.compareAlphas({ ...CONFIG, alpha: 0.3 }, [0, 1], new AbortController().signal, () => {});
    expect(points.map((p) => p.alpha)).toEqual([0, 1]);
    for (const p of points) expect(p.fit.agreeGaf).toBeGreaterThanOrEqual(0);
    expect(s.trained).toEqual({ 'teacher-gaf': 1, 'teacher-signal': 1, 'student-ce': 1, 'student-kd': 4 });
    // Teachers of another configuration are not there: it refuses rather than train them.
    await expect(s.compareAlphas({ ...CONFIG, epochs: 2 }, [0], new AbortController().signal, () => {})).rejects.toMatchObject({
      code: 'no-teachers',
    });

    // A fresh session (page reload) takes the teachers and the CE student from the cache.
    s.dispose();
    const s2 = session(cache);
    const r3 = await s2.run(CONFIG, new AbortController().signal, () => {});
    expect(r3.map((r) => r.origin)).toEqual(['cache', 'cache', 'cache', 'trained']);
    s2.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const unseen = foldInputs(data.windows, CONFIG.testSubject, CONFIG.gafSize).unseenTest;
    const a = phaseArtifact(results[3]!, {
      config: CONFIG,
      data: data.summary,
      sha256: data.summary.sha256,
      backend: 'cpu',
      codeVersion: 'test',
      createdAt: '2026-11-26T23:00:00.000Z',
      unseenTestWindows: unseen,
    });
    expect(parseArtifact('x.json', JSON.parse(JSON.stringify(a))).kind).toBe('run');
    // LOSO on the excerpt: every test window of the fold is a class absent from training, and the artifact says so.
    expect(a.config.split).toBe('loso');
    expect(a.metrics.unseenTestWindows).toBe(a.metrics.testWindows);
    expect(a.config.method).toBe('base');
    expect(a.config.alpha).toBe(CONFIG.alpha);
    expect(a.config.teachers.map((t) => t.modality)).toEqual(['GAF', 'signal']);
  }, 300_000);
});

/** All samples of a TrainData, (N, …sampleShape) flattened. */
function samples(d: TrainData): Float32Array {
  const size = d.sampleShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(d.n * size);
  d.fill(
    Int32Array.from({ length: d.n }, (_, i) => i),
    out,
  );
  return out;
}

describe('window split (윈도우 단위 층화 분할, not LOSO)', () => {
  it('thins a class far above the median evenly in time (the excerpt: 105 lying windows → 6)', () => {
    const counts = countWindowsPerClass(data.windows);
    expect(counts[1]).toBe(105);
    expect(classLimit(counts)).toBe(6); // 2 × the median (3)
    expect(thinnedCounts(counts)).toEqual(counts.map((n) => Math.min(n, 6)));
    expect(evenlySpaced([10, 11, 12, 13, 14, 15, 16], 3)).toEqual([10, 13, 16]);
    expect(evenlySpaced([1, 2], 5)).toEqual([1, 2]);
    // Balanced data is left whole.
    expect(thinnedCounts([5, 6, 7, 0])).toEqual([5, 6, 7, 0]);
  });

  it('is stratified, deterministic for a seed, disjoint and covers every window thinning keeps', () => {
    const y = data.windows.y;
    const a = stratifiedWindowSplit(y, 1234);
    const b = stratifiedWindowSplit(y, 1234);
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    const other = stratifiedWindowSplit(y, 99);
    expect(Array.from(other.test)).not.toEqual(Array.from(a.test)); // the seed picks the windows
    // Disjoint, covering exactly the windows thinning keeps (every non-lying window, 6 lying ones spread over the recording).
    const all = [...a.train, ...a.test].sort((p, q) => p - q);
    expect(new Set(all).size).toBe(all.length);
    const lyingIdx = Array.from({ length: data.windows.n }, (_, i) => i).filter((i) => y[i] === 1);
    expect(all).toEqual(
      Array.from({ length: data.windows.n }, (_, i) => i).filter((i) => y[i] !== 1 || evenlySpaced(lyingIdx, 6).includes(i)),
    );
    // Stratified: per class about a third held out, ≥ 1 when the class has ≥ 2 windows, none when it has 1.
    const counts = thinnedCounts(countWindowsPerClass(data.windows));
    const testCounts = countWindowsPerClass({ y: Int32Array.from(a.test, (i) => y[i]!) });
    counts.forEach((n, c) => {
      expect(testCounts[c], `class ${c}`).toBe(testCountFor(n));
      if (n >= 2) {
        expect(testCounts[c]).toBeGreaterThanOrEqual(1);
        expect(testCounts[c]).toBeLessThan(n);
      } else expect(testCounts[c]).toBe(0);
      if (n >= 3) expect(Math.abs(testCounts[c]! - n / 3)).toBeLessThanOrEqual(0.5);
    });
    expect(testCountFor(1)).toBe(0);
    expect(testCountFor(2)).toBe(1);
    expect(windowSplitCounts(countWindowsPerClass(data.windows))).toEqual({
      train: a.train.length,
      test: a.test.length,
      dropped: data.windows.n - all.length,
    });
    // On the excerpt every test class is also a training class (unlike every LOSO fold).
    expect(windowSplitInputs(data.windows, 1234, 8).unseenTest).toBe(0);
    expect(foldInputs(data.windows, 101, 8).unseenTest).toBeGreaterThan(0);
    expect(defaultSplitFor('excerpt')).toBe('window');
    expect(defaultSplitFor('full')).toBe('loso');
    expect(defaultSplitFor('upload')).toBe('loso');
  });

  it('standardises with statistics of the training windows only, as the LOSO path does', () => {
    const f = prepareWindowSplit(data.windows, 1234);
    const trainOnly = signalStats(data.windows.select(f.trainIdx));
    expect(Array.from(f.stats.mean)).toEqual(Array.from(trainOnly.mean));
    expect(Array.from(f.stats.std)).toEqual(Array.from(trainOnly.std));
    // Falsifiable: stats over all windows (train + test) differ.
    const everything = signalStats(data.windows.select(Array.from({ length: data.windows.n }, (_, i) => i)));
    expect(Array.from(everything.mean)).not.toEqual(Array.from(trainOnly.mean));
    // The run's inputs are exactly these standardised windows, test included.
    const inp = runInputs(data.windows, { ...DEFAULT_CONFIG, split: 'window', gafSize: 8 });
    expect(inp.split).toBe('window');
    expect(inp.testSubject).toBeNull();
    expect(inp.signal.train.sampleShape).toEqual([WINDOW, CHANNELS]);
    expect(inp.gaf.test.sampleShape).toEqual([8, 8, CHANNELS]);
    expect(Array.from(samples(inp.signal.test))).toEqual(Array.from(standardize(f.test.x, trainOnly, CHANNELS)));
    expect(Array.from(samples(inp.signal.train))).toEqual(Array.from(standardize(f.train.x, trainOnly, CHANNELS)));
    expect(inp.gaf.train.n + inp.gaf.test.n).toBe(data.windows.n - windowSplitCounts(data.summary.classCounts).dropped);
    // The split is part of the cache key; the fold is not, for the window split.
    const w = { ...DEFAULT_CONFIG, split: 'window' as const };
    expect(phaseCacheKey('teacher-gaf', 'excerpt:1', w)).not.toBe(phaseCacheKey('teacher-gaf', 'excerpt:1', DEFAULT_CONFIG));
    expect(phaseCacheKey('teacher-gaf', 'excerpt:1', { ...w, testSubject: 102 })).toBe(phaseCacheKey('teacher-gaf', 'excerpt:1', w));
    expect(phaseCacheKey('teacher-gaf', 'excerpt:1', { ...w, seed: 7 })).not.toBe(phaseCacheKey('teacher-gaf', 'excerpt:1', w));
  });

  it('the default run with the window split: every model above chance and none answers a single class; the export names the split', async () => {
    const before = tf.memory().numTensors;
    const config: RunConfig = { ...DEFAULT_CONFIG, split: 'window' }; // the page's default on the excerpt
    const s = new RunSession<Wrn>(new WrnPhaseTrainer(runInputs(data.windows, config), 'auto'), data.summary.dataId, null);
    const results = await s.run(config, new AbortController().signal, () => {});
    const by = Object.fromEntries(results.map((r) => [r.phase, r]));
    console.log(
      `window split, default config: ${results.map((r) => `${r.phase} best ${r.bestAcc.toFixed(1)}% last ${r.lastAcc.toFixed(1)}% (train ${r.trainWindows} / test ${r.testWindows})`).join('; ')}`,
    );
    expect(by['student-ce']!.testWindows).toBe(windowSplitCounts(data.summary.classCounts).test);
    // What the page must never show on its default run: a model at or below chance, or one that
    // answers a single class for every test window (what evaluating with stale BN statistics and
    // training on the unthinned excerpt produced). Falsifiable: `--no-precise-bn`-style evaluation or
    // the 2-epoch config fails it (docs/measurements.md § KD page runs has the numbers).
    for (const r of results) {
      const m = metricsOf(r.confusion);
      expect(m.accuracy, r.phase).toBeGreaterThan(chanceLevel(12));
      expect(m.predictedClasses, r.phase).toBeGreaterThan(1);
    }
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const a = phaseArtifact(by['student-kd']!, {
      config,
      data: data.summary,
      sha256: data.summary.sha256,
      backend: 'cpu',
      codeVersion: 'test',
      createdAt: '2026-11-27T00:00:00.000Z',
      unseenTestWindows: 0,
    });
    const parsed = parseArtifact('x.json', JSON.parse(JSON.stringify(a)));
    expect(parsed.kind).toBe('run');
    expect(a.config.data.source).toContain('split=window-stratified');
    expect(a.config.data.source).toContain('not LOSO');
    expect(a.config.heldOutSubject).toBeUndefined();
    expect(a.id).toContain('-win1234-');
    const l = phaseArtifact(by['student-kd']!, {
      config: DEFAULT_CONFIG,
      data: data.summary,
      sha256: data.summary.sha256,
      backend: 'cpu',
      codeVersion: 'test',
      createdAt: '2026-11-27T00:00:00.000Z',
      unseenTestWindows: 0,
    });
    expect(l.config.data.source).toContain('split=loso');
    expect(l.config.heldOutSubject).toBe('101');
  }, 300_000);
});
