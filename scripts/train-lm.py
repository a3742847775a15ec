"""Tiny causal language model for the attention demo (see demos/attention/README.md).

Run:  npx tsx scripts/train-lm-data.ts && /usr/bin/python3 scripts/train-lm.py
Input .work/lm/data.json (ids made by the page's own tokeniser); output
public/models/attention/lm/{lm.json,lm.bin} and test/fixtures/attention-lm/golden.json.

Model (shapes: B batch, T tokens, D model dim, H heads, Dh = D/H, V vocabulary, NB buckets):
  x_t   = (E[word_t] + sum_b G[b]) / (1 + #b) + P[t]          (B, T, D)   fastText-style input
  layer = x += Attn(LN1(x)); x += W2 relu(W1 LN2(x) + b1) + b2   pre-LN, causal, no q/k/v bias
  Attn  : q,k,v = LN1(x) Wq|Wk|Wv -> (B, H, T, Dh); softmax(q k^T / sqrt(Dh) + causal) v; Wo
  logits = LN_f(x) E^T + c                                      (B, T, V)   tied output
Deterministic: seed 0, one CPU thread. Weights are rounded to float16 for the file, and every
number reported (losses, head finding, golden) is computed with the ROUNDED weights, i.e.
the model the page loads.
"""
import json, math, os, struct, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)
D, H, L, P = 64, 4, 2, 64
# Small on purpose: Debian's torch has a generic BLAS and the machine is shared (~1 s a step).
STEPS, BATCH, LR = int(os.environ.get("LM_STEPS", "800")), int(os.environ.get("LM_BATCH", "16")), 3e-3
OUT = "public/models/attention/lm"
GOLD = "test/fixtures/attention-lm/golden.json"

data = json.load(open(".work/lm/data.json"))
V, NB = len(data["vocab"]), data["buckets"]
MAXB = max(len(t["buckets"]) for t in data["types"])
type_word = torch.tensor([t["word"] for t in data["types"]])
type_b = torch.zeros(len(data["types"]), MAXB, dtype=torch.long)
type_m = torch.zeros(len(data["types"]), MAXB)
for i, t in enumerate(data["types"]):
    type_b[i, : len(t["buckets"])] = torch.tensor(t["buckets"], dtype=torch.long)
    type_m[i, : len(t["buckets"])] = 1
streams = {k: torch.tensor(data[k]) for k in ("train", "val", "test")}


def lin(x, w, b=None):
    """x (B, T, in) · w (out, in)ᵀ + b as a 1x1 conv: Debian's torch 1.13 has a generic
    (slow) BLAS, but its convolutions go through oneDNN — ~15x faster here, same maths."""
    return F.conv1d(x.transpose(1, 2), w[:, :, None], b).transpose(1, 2)


class Lin(nn.Linear):
    def forward(s, x):
        return lin(x, s.weight, s.bias)


class Block(nn.Module):
    def __init__(s):
        super().__init__()
        s.ln1, s.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        s.wq, s.wk, s.wv, s.wo = (Lin(D, D, bias=False) for _ in range(4))
        s.fc1, s.fc2 = Lin(D, 4 * D), Lin(4 * D, D)
        s.drop = nn.Dropout(0.1)

    def attn(s, x):
        b, t, _ = x.shape
        sp = lambda w: w(x).view(b, t, H, D // H).transpose(1, 2)  # (B, H, T, Dh)
        q, k, v = sp(s.wq), sp(s.wk), sp(s.wv)
        sc = q @ k.transpose(-1, -2) / math.sqrt(D // H)  # (B, H, T, T)
        causal = torch.ones(t, t, dtype=torch.bool).tril()
        a = sc.masked_fill(~causal, float("-inf")).softmax(-1)
        z = (a @ v).transpose(1, 2).reshape(b, t, D)  # (B, T, D)
        return s.wo(z), a

    def forward(s, x):
        o, a = s.attn(s.ln1(x))
        x = x + s.drop(o)
        x = x + s.drop(s.fc2(F.relu(s.fc1(s.ln2(x)))))
        return x, a


class LM(nn.Module):
    def __init__(s):
        super().__init__()
        s.E, s.G, s.P = nn.Embedding(V, D), nn.Embedding(NB, D), nn.Embedding(P, D)
        for e in (s.E, s.G, s.P):
            nn.init.normal_(e.weight, std=0.1)
        s.blocks = nn.ModuleList(Block() for _ in range(L))
        s.lnf = nn.LayerNorm(D)
        s.c = nn.Parameter(torch.zeros(V))

    def embed(s, types):  # (B, T) type indices -> (B, T, D)
        m = type_m[types]
        g = (s.G(type_b[types]) * m[..., None]).sum(-2)
        x = (s.E(type_word[types]) + g) / (1 + m.sum(-1, keepdim=True))
        return x + s.P(torch.arange(types.shape[1]))

    def forward(s, types):
        x, maps = s.embed(types), []
        for blk in s.blocks:
            x, a = blk(x)
            maps.append(a)
        return lin(s.lnf(x), s.E.weight, s.c), maps


def chunks(stream):  # non-overlapping windows of P+1 tokens (input P, targets shifted by 1)
    n = (len(stream) - 1) // P
    return torch.stack([stream[i * P : i * P + P + 1] for i in range(n)])


def evaluate(model, stream):
    model.eval()
    with torch.no_grad():
        c = chunks(stream)
        logits, maps = model(c[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, V), type_word[c[:, 1:]].reshape(-1)).item()
    return loss, maps


model = LM()
opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
train = streams["train"]
best, best_state, t0, c0 = float("inf"), None, time.time(), time.process_time()
for step in range(1, STEPS + 1):
    lr = LR * min(1, step / 100) * 0.5 * (1 + math.cos(math.pi * step / STEPS))
    for g in opt.param_groups:
        g["lr"] = lr
    model.train()
    starts = torch.randint(0, len(train) - P - 1, (BATCH,))
    win = torch.stack([train[s : s + P + 1] for s in starts])
    logits, _ = model(win[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, V), type_word[win[:, 1:]].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 100 == 0 or step == STEPS:
        vl, _ = evaluate(model, streams["val"])
        if vl < best:
            best, best_step = vl, step
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        print(f"step {step} train {loss.item():.3f} val {vl:.3f} ({time.time() - t0:.0f}s)", flush=True)
train_s, train_cpu = time.time() - t0, time.process_time() - c0
model.load_state_dict(best_state)

# ---- export: float16, row-major; Linear weights transposed to (in, out) so JS computes x·W ----
tensors = [("E", model.E.weight), ("G", model.G.weight), ("P", model.P.weight)]
for i, b in enumerate(model.blocks):
    tensors += [(f"l{i}.ln1.g", b.ln1.weight), (f"l{i}.ln1.b", b.ln1.bias)]
    tensors += [(f"l{i}.{n}", getattr(b, n).weight.T) for n in ("wq", "wk", "wv", "wo")]
    tensors += [(f"l{i}.ln2.g", b.ln2.weight), (f"l{i}.ln2.b", b.ln2.bias)]
    tensors += [(f"l{i}.fc1.w", b.fc1.weight.T), (f"l{i}.fc1.b", b.fc1.bias), (f"l{i}.fc2.w", b.fc2.weight.T), (f"l{i}.fc2.b", b.fc2.bias)]
tensors += [("lnf.g", model.lnf.weight), ("lnf.b", model.lnf.bias), ("c", model.c)]
blob, layout, off = bytearray(), [], 0
with torch.no_grad():
    for name, t in tensors:
        a16 = t.detach().contiguous().numpy().astype("<f2")
        layout.append({"name": name, "shape": list(t.shape), "offset": off})
        blob += a16.tobytes()
        off += a16.size
        t.copy_(torch.from_numpy(a16.astype(np.float32)))  # t may be a transposed view: writes through

# ---- measurements with the rounded weights ----
test_loss, maps = evaluate(model, streams["test"])
counts = torch.bincount(type_word[streams["train"]], minlength=V).double() + 1  # add-one unigram
uni = -(counts / counts.sum()).log()
unigram_loss = uni[type_word[chunks(streams["test"])[:, 1:]]].mean().item()
n_test = chunks(streams["test"]).shape[0] * P
heads = []
for li, a in enumerate(maps):  # a: (B, H, T, T); positions i >= 1 (position 0 has one key)
    i = torch.arange(1, P)
    for h in range(H):
        ah = a[:, h]
        heads.append({
            "layer": li, "head": h,
            "prev": ah[:, i, i - 1].mean().item(),
            "first": ah[:, i, 0].mean().item(),
            "self": ah[:, i, i].mean().item(),
        })
uniform_prev = (1 / (torch.arange(1, P) + 1).double()).mean().item()
best_prev = max(heads, key=lambda r: r["prev"])
meta = {
    "format": "tiny-lm-f16-v1", "seed": 0, "d": D, "heads": H, "layers": L, "maxPos": P, "buckets": NB,
    "ngram": {"min": 2, "max": 4, "maxPerToken": 24},
    "vocab": data["vocab"], "tensors": layout,
    "training": {"steps": STEPS, "bestStep": best_step, "batch": BATCH, "seqLen": P, "lr": LR, "seconds": round(train_s, 1), "cpuSeconds": round(train_cpu, 1),
                 "torch": torch.__version__, "trainTokens": len(data["train"]), "valTokens": len(data["val"]), "testTokens": len(data["test"])},
    "heldOut": {"tokens": n_test, "loss": test_loss, "unigramLoss": unigram_loss,
                "oovShare": (type_word[streams["test"]] == 0).double().mean().item()},
    "headStats": heads, "uniformPrev": uniform_prev,
    "finding": {"layer": best_prev["layer"], "head": best_prev["head"], "prev": best_prev["prev"]},
}
os.makedirs(OUT, exist_ok=True)
open(f"{OUT}/lm.bin", "wb").write(bytes(blob))
json.dump(meta, open(f"{OUT}/lm.json", "w"), ensure_ascii=False, separators=(",", ":"))

gold = []
model.eval()
with torch.no_grad():
    for g in data["golden"]:
        logits, ms = model(torch.tensor([g["types"]]))
        gold.append({"text": g["text"], "tokens": g["tokens"], "words": [int(type_word[t]) for t in g["types"]],
                     "weights": [m[0].reshape(-1).tolist() for m in ms],  # per layer (H, T, T)
                     "nextTop": logits[0, -1].topk(5).indices.tolist()})
os.makedirs(os.path.dirname(GOLD), exist_ok=True)
json.dump({"tolerance": 1e-4, "sentences": gold}, open(GOLD, "w"), ensure_ascii=False)

print(f"held-out test: {n_test} tokens, loss {test_loss:.3f} nats/token vs unigram {unigram_loss:.3f} "
      f"(perplexity {math.exp(test_loss):.1f} vs {math.exp(unigram_loss):.1f}); OOV {100 * meta['heldOut']['oovShare']:.1f}%")
for r in heads:
    print(f"  layer {r['layer'] + 1} head {r['head'] + 1}: prev {r['prev']:.3f}  first {r['first']:.3f}  self {r['self']:.3f}")
print(f"finding: layer {best_prev['layer'] + 1} head {best_prev['head'] + 1} puts {best_prev['prev']:.3f} of its attention on the "
      f"previous token (uniform causal attention: {uniform_prev:.3f})")
print(f"best val at step {best_step}; training {train_s:.0f}s wall, {train_cpu:.0f}s CPU (1 thread); checkpoint {len(blob) + os.path.getsize(f'{OUT}/lm.json')} bytes")
