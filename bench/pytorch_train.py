#!/usr/bin/env python3
"""PyTorch CPU reference for `npm run bench:train`: the same WRN (test/golden/wrn-checkpoint/make_golden.py,
kd-protocol §5) and the same training step (forward, CE, backward, SGD momentum 0.9 wd 1e-4).

Prints one JSON object per line: {"model", "batch", "steps", "threads", "wall_s", "cpu_s"}, where
wall_s and cpu_s are the MEDIAN time of one step (bench-train.ts reports medians for tfjs too).
Usage: pytorch_train.py --threads 1 --steps 3 --config 1:16:1:128:100 [--config ...] [--device cuda]
       (--device cuda: the GPU reference printed beside bench/gpu-node.ts; each step ends with a
       torch.cuda.synchronize so the time covers the GPU's work, not only its launch)
       (config = dims:depth:widen:batch:length)
"""
import argparse, json, os, statistics, sys, time
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "golden", "wrn-checkpoint"))
from make_golden import WRN  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--config", action="append", required=True)
    ap.add_argument("--device", default="cpu")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    for c in a.config:
        dims, depth, widen, batch, length = (int(v) for v in c.split(":"))
        dev = torch.device(a.device)
        sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
        model = WRN(dims, depth, widen).to(dev)
        model.train()
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
        shape = (batch, 40, length) if dims == 1 else (batch, 40, length, length)
        x = torch.randn(*shape).to(dev)
        y = (torch.arange(batch) % 12).to(dev)

        def step():
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            sync()

        step()  # warm-up
        walls, cpus = [], []
        for _ in range(a.steps):
            w0, c0 = time.perf_counter(), time.process_time()
            step()
            walls.append(time.perf_counter() - w0)
            cpus.append(time.process_time() - c0)
        print(json.dumps({"model": f"{dims}D WRN{depth}-{widen}", "batch": batch, "steps": a.steps, "threads": a.threads, "device": a.device,
                          "wall_s": statistics.median(walls), "cpu_s": statistics.median(cpus)}), flush=True)


if __name__ == "__main__":
    main()
