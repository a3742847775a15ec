#!/usr/bin/env bash
# On a machine without Node (after bench/lanes-bundle.sh here; carry .work/lanes): bench:kd-lanes
# on that machine's cores. Output also to ${OUT:-.work}/kd-lanes.log.
set -uo pipefail
{
  nproc; grep -m1 'model name' /proc/cpuinfo
  python3 -c "import lzma,shutil,sys;shutil.copyfileobj(lzma.open(sys.argv[1]),open(sys.argv[2],'wb'))" .work/lanes/node.xz /tmp/node
  chmod +x /tmp/node && /tmp/node -v
  TFJS_WASM_DIR=$PWD/.work/lanes/wasm/ timeout 300 /tmp/node .work/lanes/kd-run-lanes.mjs --rounds "${1:-5}"
} 2>&1 | tee "${OUT:-.work}/kd-lanes.log"
