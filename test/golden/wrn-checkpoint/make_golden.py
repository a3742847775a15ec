#!/usr/bin/env python3
"""Golden logits for the WRN checkpoint-parity test (test/unit/checkpoint.test.ts).

Re-implements the lab's pre-activation WRN in PyTorch exactly as kd-protocol.md §5 (with the
lab's state-dict key names), loads the two lab checkpoints in data/checkpoints/ with
strict=True (so the key set and every shape must match the lab's layout), runs fixed inputs
in eval mode and writes the logits to test/golden/wrn-checkpoint/logits.json.

Inputs are a closed-form formula (no RNG) so the TypeScript test rebuilds them exactly:
  x[b, c, i(, j)] = sin(0.05*(b+1)*(i+1) + 0.31*c) + 0.5*cos(0.07*(j+1)*(c+1) + 0.2*b)   (j = 0 in 1D)
in PyTorch layout (B, C, W) / (B, C, H, W); the test transposes to channels-last.

Run: /usr/bin/python3 test/golden/wrn-checkpoint/make_golden.py   (Debian python3-torch)
"""
import json, math, os, sys
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


class Block(nn.Module):
    def __init__(self, dims, cin, cout, stride):
        super().__init__()
        Conv, BN = (nn.Conv1d, nn.BatchNorm1d) if dims == 1 else (nn.Conv2d, nn.BatchNorm2d)
        self.batch_norm1 = BN(cin)
        self.conv1 = Conv(cin, cout, 3, stride, 1, bias=False)
        self.batch_norm2 = BN(cout)
        self.conv2 = Conv(cout, cout, 3, 1, 1, bias=False)
        self.equal = cin == cout
        self.conv_inp = None if self.equal else Conv(cin, cout, 1, stride, 0, bias=False)

    def forward(self, x):
        pre = F.relu(self.batch_norm1(x))
        out = self.conv2(F.relu(self.batch_norm2(self.conv1(pre))))
        return (x if self.equal else self.conv_inp(pre)) + out


class Stage(nn.Module):
    def __init__(self, dims, n, cin, cout, stride):
        super().__init__()
        self.nblockLayer = nn.Sequential(*[Block(dims, cin if i == 0 else cout, cout, stride if i == 0 else 1) for i in range(n)])

    def forward(self, x):
        return self.nblockLayer(x)


class WRN(nn.Module):
    """kd-protocol §5: stem conv3 -> 3 stages [16k, 32k, 64k], strides [1, 2, 2] -> BN-ReLU-GAP-FC."""

    def __init__(self, dims, depth, widen, in_ch=40, classes=12):
        super().__init__()
        n = (depth - 4) // 6
        w = [16, 16 * widen, 32 * widen, 64 * widen]
        Conv, BN = (nn.Conv1d, nn.BatchNorm1d) if dims == 1 else (nn.Conv2d, nn.BatchNorm2d)
        self.conv1 = Conv(in_ch, 16, 3, 1, 1, bias=False)
        self.block1 = Stage(dims, n, w[0], w[1], 1)
        self.block2 = Stage(dims, n, w[1], w[2], 2)
        self.block3 = Stage(dims, n, w[2], w[3], 2)
        self.batch_norm = BN(w[3])
        self.fc = nn.Linear(w[3], classes)
        self.dims = dims

    def forward(self, x):
        h = self.block3(self.block2(self.block1(self.conv1(x))))
        h = F.relu(self.batch_norm(h))
        h = h.mean(dim=2) if self.dims == 1 else h.mean(dim=(2, 3))
        return self.fc(h)


def inputs(dims, B, C, L):
    if dims == 1:
        x = [[[math.sin(0.05 * (b + 1) * (i + 1) + 0.31 * c) + 0.5 * math.cos(0.07 * 1 * (c + 1) + 0.2 * b)
               for i in range(L)] for c in range(C)] for b in range(B)]
    else:
        x = [[[[math.sin(0.05 * (b + 1) * (i + 1) + 0.31 * c) + 0.5 * math.cos(0.07 * (j + 1) * (c + 1) + 0.2 * b)
                for j in range(L)] for i in range(L)] for c in range(C)] for b in range(B)]
    return torch.tensor(x, dtype=torch.float32)


def main():
    out = {"generator": "test/golden/wrn-checkpoint/make_golden.py", "torch": torch.__version__,
           "formula": "x[b,c,i(,j)] = sin(0.05*(b+1)*(i+1) + 0.31*c) + 0.5*cos(0.07*(j+1)*(c+1) + 0.2*b), j=0 in 1D; PyTorch layout",
           "cases": []}
    for name, dims, B, L in [("wrn161_0_signal.pth.tar", 1, 4, 100), ("wrn161_0_image.pth.tar", 2, 2, 64)]:
        ck = torch.load(os.path.join(ROOT, "data/checkpoints", name), map_location="cpu")
        model = WRN(dims, 16, 1)
        model.load_state_dict(ck["model_state_dict"], strict=True)
        model.eval()
        with torch.no_grad():
            logits = model(inputs(dims, B, 40, L))
        params = sum(p.numel() for p in model.parameters())
        out["cases"].append({"file": name, "dims": dims, "batch": B, "length": L, "epoch": ck["epoch"],
                             "parameters": params, "logits": [[float(v) for v in row] for row in logits]})
        print(name, "params", params, "logits[0][:4]", logits[0][:4].tolist(), file=sys.stderr)
    with open(os.path.join(ROOT, "test/golden/wrn-checkpoint/logits.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
