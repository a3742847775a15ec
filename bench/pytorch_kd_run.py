#!/usr/bin/env python3
"""PyTorch CPU reference for `npm run bench:kd-run -- --full-share`: the SGD steps of the page's
default run, nothing else (no evaluation, no precise BN): the same four models (2D WRN16-1 GAF
teacher on (N, 40, G, G), 1D WRN16-1 signal teacher, 1D WRN16-1 CE student, 1D WRN16-1 KD student
with (1-λ)·CE + λ·T²·[α·KL_GAF + (1-α)·KL_Sig]), the same batch, epochs and training-window count,
SGD momentum 0.9, wd 1e-4 (kd-protocol §8). Inputs are seeded noise of the real shapes (the step's
cost does not depend on the values). Models from test/golden/wrn-checkpoint/make_golden.py.

--sample S (default 0 = every step): time S steps per model after one warm-up step and scale the
median step to epochs × steps (on a machine shared with other jobs a full PyTorch run takes minutes;
the JSON says which). Prints one JSON line:
{"total_s", "models": {name: seconds}, "steps_per_epoch", "sampled", "torch"}.
Usage: pytorch_kd_run.py --threads 2 --epochs 10 --batch 64 --train 2400 --gaf 16 [--sample 12]
"""
import argparse, json, math, os, statistics, sys, time
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "golden", "wrn-checkpoint"))
from make_golden import WRN  # noqa: E402

K = 12


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--train", type=int, required=True)
    ap.add_argument("--gaf", type=int, default=16)
    ap.add_argument("--length", type=int, default=100)
    ap.add_argument("--sample", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    n, b = a.train, a.batch
    # Like the page (train.ts): drop_last=False, but a trailing batch of 1 is skipped.
    steps = math.ceil(n / b) - (1 if n % b == 1 else 0)
    y_all = torch.arange(n) % K
    teachers = (torch.randn(n, K), torch.randn(n, K))
    alpha, lam, T = 0.7, 0.99, 4.0
    models = {
        "teacher-gaf (2D WRN16-1)": (2, torch.randn(n, 40, a.gaf, a.gaf), False),
        "teacher-signal (1D WRN16-1)": (1, torch.randn(n, 40, a.length), False),
        "student-ce (1D WRN16-1)": (1, torch.randn(n, 40, a.length), False),
        "student-kd (1D WRN16-1)": (1, torch.randn(n, 40, a.length), True),
    }
    out = {}
    for name, (dims, x_all, kd) in models.items():
        model = WRN(dims, 16, 1)
        model.train()
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
        plan = [(e, s) for e in range(a.epochs) for s in range(steps)]
        if a.sample:
            plan = plan[:a.sample + 1]
        times = []
        order = torch.randperm(n)
        t0 = time.perf_counter()
        for _epoch, s in plan:
            if s == 0:
                order = torch.randperm(n)
            ts = time.perf_counter()
            idx = order[s * b:(s + 1) * b]
            opt.zero_grad()
            logits = model(x_all[idx])
            ce = F.cross_entropy(logits, y_all[idx])
            if kd:
                logp = F.log_softmax(logits / T, dim=1)
                kl = [F.kl_div(logp, F.softmax(t[idx] / T, dim=1), reduction="batchmean") for t in teachers]
                loss = (1 - lam) * ce + lam * T * T * (alpha * kl[0] + (1 - alpha) * kl[1])
            else:
                loss = ce
            loss.backward()
            opt.step()
            loss.item()  # the page reads the loss every step too
            times.append(time.perf_counter() - ts)
        out[name] = statistics.median(times[1:]) * steps * a.epochs if a.sample else time.perf_counter() - t0
    print(json.dumps({"total_s": sum(out.values()), "models": out, "steps_per_epoch": steps, "sampled": a.sample, "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
