#!/usr/bin/env bash
# Packs bench/gpu-node.ts (which plain Node cannot run from source: tfjs-core's ESM dist has
# directory imports) into one esbuild bundle under .work/gpu, with tfjs-backend-wasm's .wasm
# files and Dawn's Node binding (the `webgpu` package, fetched with `npm pack` into that
# folder, not a project dependency). `npm run bench:gpu` runs it here.
#   --portable: for a GPU machine with no npm, Node or internet (the lent device machine): also
#   this machine's Node 22 binary and dawn.node, xz-compressed (the device tool carries 64 MiB at
#   most), and the Vulkan loader with libglvnd (the NVIDIA ICD needs libGLX/libGLdispatch); then
#   there, from the repository root: bash bench/gpu-device.sh
set -euo pipefail
out=.work/gpu
portable=${1:-}
rm -rf "$out" && mkdir -p "$out/wasm" "$out/node_modules"
npx esbuild bench/gpu-node.ts --bundle --platform=node --format=esm --target=node22 --log-level=warning \
  --outfile="$out/gpu-node.mjs" --external:webgpu \
  --banner:js="import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$out/wasm/"
(cd "$out" && npm pack --silent webgpu@0.6.2 >/dev/null && mkdir -p node_modules/webgpu &&
  tar xzf webgpu-0.6.2.tgz -C node_modules/webgpu --strip-components=1 package/index.js package/package.json package/LICENSE.md package/dist/linux-x64 &&
  rm webgpu-0.6.2.tgz)
if [ "$portable" = --portable ]; then
  xz -6 -T2 "$out/node_modules/webgpu/dist/linux-x64/dawn.node"
  node22=node_modules/node/bin/node
  [ -x "$node22" ] || node22=$(command -v node)
  xz -6 -T2 -c "$node22" >"$out/node.xz"
  mkdir -p "$out/gl"
  (cd "$out/gl" && apt-get download -q libvulkan1 libglvnd0 libglx0 libgl1 libegl1 libopengl0 libgles2 >/dev/null 2>&1) ||
    echo "apt-get download failed: put the .debs of libvulkan1 and libglvnd (libglvnd0 libglx0 libgl1 libegl1) in $out/gl yourself"
fi
du -sh "$out"
