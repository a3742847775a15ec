/**
 * Registers tfjs's gradient functions. `@tensorflow/tfjs-core` alone registers none (the
 * union package does), and training needs them. Import this module for its side effect in
 * bundled code (the page, the Web Worker, Vitest): `import 'demos/shared/gradients'` (shared by the attention and KD demos).
 *
 * Plain Node (tsx CLIs, benches) cannot load tfjs-core's ESM dist (extension-less imports),
 * so Node processes call `useNodeBackend()` from demos/kd/node/tf-node instead, which registers the same
 * gradients through the union package's CommonJS build. `assertGradients()` gives a clear
 * error if neither happened.
 */
// tfjs-core's entry first: it registers the environment flags (DEBUG, …) that gradient
// registration reads. Vite's dev pre-bundle otherwise may evaluate register_all_gradients before
// the entry (error: "Cannot evaluate flag 'DEBUG': no evaluation function found").
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
