/**
 * The Vite plugin that keeps tfjs's threaded WASM build working once minified
 * (scripts/vite-tfjs-threaded.mjs): the installed tfjs factory still has the one `_scriptDir`
 * guard the plugin removes, the rewrite removes only that, and a changed tfjs fails loudly.
 * (The e2e test kd-threads.spec.ts shows the built site's threads start; without the plugin
 * they do not.)
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dropScriptDirGuard, SCRIPT_DIR_GUARD, tfjsThreadedWasm } from '../../scripts/vite-tfjs-threaded.mjs';

const file = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'wasm-out/tfjs-backend-wasm-threaded-simd.js',
);

describe('tfjs threaded-build plugin', () => {
  it('removes exactly the guard from the installed factory, nothing else', () => {
    const code = readFileSync(file, 'utf8');
    expect(code.split(SCRIPT_DIR_GUARD)).toHaveLength(2); // present once
    const out = dropScriptDirGuard(code);
    expect(out).not.toContain(SCRIPT_DIR_GUARD);
    expect(out.length).toBe(code.length - SCRIPT_DIR_GUARD.length);
    // The closure's own definition stays (the main thread still has it).
    expect(out).toContain("var _scriptDir = typeof document !== 'undefined'");
  });
  it('applies only to that file, and throws when the guard is gone', () => {
    const plugin = tfjsThreadedWasm();
    expect(plugin.transform('x', '/a/b/other.js')).toBeNull();
    expect(() =>
      plugin.transform('no guard here', '/n/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?v=1'),
    ).toThrow(/guard was not found/);
  });
});
