#!/usr/bin/env bash
# On a lent GPU machine (no npm, no Node, no internet), from the repository root, after
# `bash bench/gpu-bundle.sh --portable` here (bundle, Dawn, Node 22, Vulkan loader under .work/gpu;
# device tool: carry .work/gpu):
# runs bench/gpu-node.ts on WebGPU (Dawn → Vulkan → the NVIDIA driver) and wasm, then PyTorch
# on CUDA and on one CPU thread for the same training steps. Output to ${OUT:-.work}/gpu-node.log.
set -uo pipefail
log=${OUT:-.work}/gpu-node.log
for f in .work/gpu/gl/*.deb; do dpkg -x "$f" /; done
ldconfig
icd=$(ls /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json 2>/dev/null | head -1)
[ -n "$icd" ] && export VK_DRIVER_FILES=$icd
{
  echo "vulkan ICD: ${icd:-none found}"; nvidia-smi -L; nproc
  unxz() { python3 -c "import lzma,shutil,sys;shutil.copyfileobj(lzma.open(sys.argv[1]),open(sys.argv[2],'wb'))" "$1" "$2"; }
  unxz .work/gpu/node.xz /tmp/node && chmod +x /tmp/node && /tmp/node -v
  d=.work/gpu/node_modules/webgpu/dist/linux-x64; unxz $d/dawn.node.xz $d/dawn.node
  TFJS_WASM_DIR=.work/gpu/wasm timeout 420 /tmp/node .work/gpu/gpu-node.mjs
  echo "## PyTorch (same steps), median step"
  for d in cuda cpu; do
    timeout 120 python3 bench/pytorch_train.py --device $d --threads 1 --steps 5 \
      --config 1:16:1:128:100 --config 1:16:3:128:100 --config 2:16:1:16:64 $([ $d = cuda ] && echo --config 2:16:1:128:64)
  done
} 2>&1 | tee "$log"
