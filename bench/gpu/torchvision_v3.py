"""torchvision's inception_v3 timed the way `incept bench-case` times ours, for the GPU comparison.

Same network (no aux head: 23,834,568 parameters at 1000 classes), batch, input size, float32
(cuDNN's default TF32 convolutions in both, as libtorch sets them), gaussian inputs, cross-entropy,
SGD with momentum 0.9, and a median over timed steps that each end with a device synchronize.
Prints one JSON line. --channels-last and --cudnn-benchmark time torchvision's own fast paths;
--profile FILE writes torch.profiler's table of three more steps (the operators by device time).
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
    p.add_argument("--channels-last", action="store_true")
    p.add_argument("--cudnn-benchmark", action="store_true")
    p.add_argument("--profile")
    a = p.parse_args()
    dev = torch.device("cuda")
    torch.backends.cudnn.benchmark = a.cudnn_benchmark
    memory_format = torch.channels_last if a.channels_last else torch.contiguous_format
    torch.manual_seed(1)
    model = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=False).to(dev, memory_format=memory_format).train()
    params = sum(t.numel() for t in model.parameters() if t.requires_grad)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(2)
    x = torch.randn(a.batch, 3, a.size, a.size, generator=g).to(dev, memory_format=memory_format)
    y = torch.randint(0, 1000, (a.batch,), generator=g).to(dev)
    torch.cuda.reset_peak_memory_stats()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    ms = []
    for s in range(-a.warmup, a.steps):
        t0 = time.perf_counter()
        step()
        torch.cuda.synchronize()
        if s >= 0:
            ms.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(ms)
    if a.profile:
        from torch.profiler import ProfilerActivity, profile
        with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
            for _ in range(3):
                step()
            torch.cuda.synchronize()
        with open(a.profile, "w") as f:
            try:
                f.write(prof.key_averages().table(sort_by="self_device_time_total", row_limit=25))
            except Exception:  # torch releases before the "device" names
                f.write(prof.key_averages().table(sort_by="self_cuda_time_total", row_limit=25))
    name = "torchvision-inception-v3" + ("-cl" if a.channels_last else "") + ("-cudnn-benchmark" if a.cudnn_benchmark else "")
    print(json.dumps({
        "case": name, "engine": "PyTorch " + torch.__version__ + " (Python)", "device": "cuda",
        "batch": a.batch, "input": a.size, "params": params, "ms_per_step": med, "images_per_sec": a.batch * 1000 / med,
        "peak_allocated_mib": torch.cuda.max_memory_allocated() / 2**20,
        "gpu": torch.cuda.get_device_name(0),
    }))


if __name__ == "__main__":
    main()
