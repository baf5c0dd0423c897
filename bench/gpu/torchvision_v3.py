"""torchvision's inception_v3 timed the way `incept bench-case` times ours, for the GPU comparison.

Same network (no aux head: 23,834,568 parameters at 1000 classes), batch, input size, float32
(cuDNN's default TF32 convolutions in both, as libtorch sets them), gaussian inputs, cross-entropy,
SGD with momentum 0.9, and a median over timed steps that each end with a device synchronize.
Prints one JSON line.
"""
import argparse
import json
import statistics
import time

import torch
import torchvision


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--size", type=int, default=299)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=20)
    a = p.parse_args()
    dev = torch.device("cuda")
    torch.manual_seed(1)
    model = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=False).to(dev).train()
    params = sum(t.numel() for t in model.parameters() if t.requires_grad)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(2)
    x = torch.randn(a.batch, 3, a.size, a.size, generator=g).to(dev)
    y = torch.randint(0, 1000, (a.batch,), generator=g).to(dev)
    torch.cuda.reset_peak_memory_stats()
    ms = []
    for s in range(-a.warmup, a.steps):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        torch.cuda.synchronize()
        if s >= 0:
            ms.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(ms)
    print(json.dumps({
        "case": "torchvision-inception-v3", "engine": "PyTorch " + torch.__version__ + " (Python)", "device": "cuda",
        "batch": a.batch, "input": a.size, "params": params, "ms_per_step": med, "images_per_sec": a.batch * 1000 / med,
        "peak_allocated_mib": torch.cuda.max_memory_allocated() / 2**20,
        "gpu": torch.cuda.get_device_name(0),
    }))


if __name__ == "__main__":
    main()
