/**
 * Node-only backend setup for the KD CLIs, unit tests and benches (`scripts/`, `bench/`,
 * `test/unit/`). The browser never imports this file: there `src/lib/runtime.ts` is the only
 * module that picks a backend. In Node there is no runtime module, so this helper is the one
 * place that calls `tf.setBackend` for Node processes.
 *
 * WASM: loads the .wasm binaries from node_modules (a filesystem path, not a URL) and keeps
 * threads off: tfjs's threaded build does not start in Node (its pthread workers load the
 * factory from a Blob URL), so Node runs tfjs on one thread (the browser threads when isolated).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createRequire } from 'node:module';
import path from 'node:path';

export type NodeBackend = 'cpu' | 'wasm';

let gradientsDone = false;
/**
 * tfjs-core's gradient registrations live in its ESM dist, which plain Node cannot load; the
 * union package's CommonJS bundle registers the same gradients into the global registry that
 * every tfjs-core copy shares (see ./gradients.ts for bundled code).
 */
export function registerGradientsNode(): void {
  if (gradientsDone || tf.getGradient('BatchMatMul')) {
    gradientsDone = true;
    return;
  }
  createRequire(import.meta.url)('@tensorflow/tfjs');
  gradientsDone = true;
}

/** Activates `name` (registering WASM on first use) and returns the active backend's name. */
export async function useNodeBackend(name: NodeBackend): Promise<string> {
  registerGradientsNode();
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    // package main is dist/tf-backend-wasm.node.js; the .wasm files sit beside it (TFJS_WASM_DIR:
    // elsewhere, for a bundle run without node_modules, e.g. bench/lanes-bundle.sh).
    const dir = process.env['TFJS_WASM_DIR'] ?? path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths(dir.endsWith(path.sep) ? dir : dir + path.sep);
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') failed`);
  await tf.ready();
  return tf.getBackend();
}
