#!/usr/bin/env bash
# Packs bench:kd-lanes (bench/kd-run-lanes.ts and its two worker_threads scripts) into esbuild
# bundles (with tfjs-core's gradients injected: tf-node.ts would look for the union package; and
# --ignore-annotations, else esbuild drops tfjs-backend-cpu's registration as side-effect free)
# bundles under .work/lanes with tfjs-backend-wasm's .wasm files and this machine's Node 22
# (xz), for a many-core machine with no npm or Node (the lent device machine: carry .work/lanes,
# then from the repository root: bash bench/lanes-device.sh [rounds]).
set -euo pipefail
out=.work/lanes
rm -rf "$out" && mkdir -p "$out/wasm"
banner="import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
for f in kd-run-lanes kd-lane-worker kd-run-once-worker; do
  npx esbuild "bench/$f.ts" --bundle --platform=node --format=esm --target=node22 --log-level=error \
    --outfile="$out/$f.mjs" --banner:js="$banner" --inject:demos/shared/gradients.ts --ignore-annotations
done
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$out/wasm/"
node22=node_modules/node/bin/node
[ -x "$node22" ] || node22=$(command -v node)
xz -6 -T2 -c "$node22" >"$out/node.xz"
du -sh "$out"
