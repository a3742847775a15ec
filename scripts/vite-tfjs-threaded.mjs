/**
 * Vite plugin that lets tfjs-backend-wasm's threaded build survive minification.
 *
 * Why it broke: tfjs starts its pthread workers from a Blob holding
 * `var WasmBackendModuleThreadedSimd = ` + factory.toString(), i.e. the Emscripten factory
 * function's own text, evaluated again in each worker without the closure around it. That
 * function reads the closure's `_scriptDir` behind a guard, `typeof _scriptDir !== "undefined"
 * && _scriptDir`. A minifier sees that `_scriptDir` is declared in the enclosing scope, drops
 * the typeof (`e!==void 0&&e`) and renames it (`e`); in the worker the name is unbound and every
 * pthread worker throws "ReferenceError: e is not defined" (Chromium 156, Vite 8/rolldown,
 * observed on the built site), so the backend never starts.
 *
 * The fix removes that one statement from the factory before bundling: in a worker it only
 * set the directory used to resolve files, and tfjs resolves the .wasm through setWasmPaths
 * (src/lib/wasm-urls.ts) and the worker script through a Blob, so nothing reads it.
 * If tfjs changes the text, the build fails here rather than shipping a broken threaded path.
 */
const FILE = 'tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
export const SCRIPT_DIR_GUARD = 'if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}';

/** Rewrites the factory source (exported for the unit test). */
export function dropScriptDirGuard(code) {
  if (!code.includes(SCRIPT_DIR_GUARD))
    throw new Error(
      `${FILE}: the _scriptDir guard was not found; the threaded tfjs build would break once minified (see scripts/vite-tfjs-threaded.mjs)`,
    );
  return code.replace(SCRIPT_DIR_GUARD, '');
}

export function tfjsThreadedWasm() {
  return {
    name: 'tfjs-threaded-wasm-minify-safe',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').split('?')[0].endsWith(FILE)) return null;
      return { code: dropScriptDirGuard(code), map: null };
    },
  };
}
