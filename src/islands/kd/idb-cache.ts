/**
 * Trained models cached in IndexedDB (idb-keyval, own database so clearing it touches nothing
 * else). Keys come from demos/kd/run/config.ts phaseCacheKey: data + fold + arch + epochs +
 * GAF size (+ batch, lr, seed), so changing α/λ/T never invalidates a teacher.
 * Values are structured-cloned (Float32Arrays stay binary). Works in the worker.
 */
import { clear, createStore, get, set } from 'idb-keyval';
import type { ModelCache, SavedWeights } from '@demos/kd/run/session';
import type { PhaseResult } from '@demos/kd/run/protocol';
import { PhaseResultSchema } from '@demos/kd/run/protocol';

const store = typeof indexedDB === 'undefined' ? null : createStore('kd-run-cache', 'models');

interface Entry {
  weights: SavedWeights;
  result: PhaseResult;
}

function valid(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<Entry>;
  return !!e.weights && Array.isArray(e.weights.names) && Array.isArray(e.weights.data) && PhaseResultSchema.safeParse(e.result).success;
}

export const idbModelCache: ModelCache | null = store && {
  async get(key) {
    const v: unknown = await get(key, store);
    return valid(v) ? v : undefined; // an entry from an older build is ignored, not trusted
  },
  async set(key, value) {
    await set(key, value, store);
  },
};

export async function clearModelCache(): Promise<void> {
  if (store) await clear(store);
}
