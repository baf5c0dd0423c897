"""A plain PyTorch definition of an incept network, timed the way `incept bench-case` times incept's.

The network is torch.nn modules (Conv2d with groups for depthwise convolutions, BatchNorm2d, GELU,
LayerNorm, ...) built from the description's JSON by runtime/src/test/fixtures/torch_reference_net.py, the reference
that TorchReferenceLayersTest checks incept's outputs and gradients against, so both sides run the
very same network. The step is the bench's: float32, gaussian inputs, cross-entropy, SGD with
momentum 0.9 (or --rmsprop), the median of timed steps after warm-up. Prints one JSON line.
"""
import argparse
import importlib.machinery
import importlib.util
import json
import os
import resource
import statistics
import time

import torch


def reference_builder():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "runtime", "src", "test", "fixtures",
                        "torch_reference_net.py")
    loader = importlib.machinery.SourceFileLoader("torch_reference_net", path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module.Builder


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--spec", required=True, help="the network's JSON (incept/1)")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--classes", type=int, required=True)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--steps", type=int, default=8)
    p.add_argument("--rmsprop", action="store_true")
    p.add_argument("--case", required=True)
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    with open(a.spec) as f:
        spec = json.load(f)
    c, h, w = spec["input"]
    torch.manual_seed(1)
    model, _ = reference_builder()().seq(spec["layers"], (c, h, w, False))
    model = model.train()
    params = sum(t.numel() for t in model.parameters() if t.requires_grad)
    if a.rmsprop:
        opt = torch.optim.RMSprop(model.parameters(), lr=0.045, alpha=0.9, eps=1.0, momentum=0.9, centered=False)
    else:
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(2)
    x = torch.randn(a.batch, c, h, w, generator=g)
    y = torch.randint(0, a.classes, (a.batch,), generator=g)
    ms = []
    for s in range(-a.warmup, a.steps):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()
        if s >= 0:
            ms.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(ms)
    print(json.dumps({
        "case": a.case, "engine": "torch " + torch.__version__ + " (Python)", "device": "cpu()",
        "model": "torch.nn " + spec.get("name", "network"), "optimizer": "rmsprop" if a.rmsprop else "sgd(momentum=0.9)",
        "precision": "float32", "batch": a.batch, "input": h, "params": params, "threads": torch.get_num_threads(),
        "ms_per_step": med, "images_per_sec": a.batch * 1000 / med,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }))


if __name__ == "__main__":
    main()
