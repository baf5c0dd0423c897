"""torchvision's networks timed the way `incept bench-case` times incept's, as the bench's peer.

The same training step: the same network (inception_v3 without its aux head: 23,834,568 parameters
at 1000 classes; googlenet without aux heads, as incept's googlenet-3x3), batch, input size, float32,
gaussian inputs, cross-entropy, SGD with momentum 0.9 (or --rmsprop), and a median over timed steps
that each end when the device is done. Prints one JSON line.

On the GPU (the default device, gpu-check): --channels-last and --cudnn-benchmark time torchvision's
own fast paths; --profile FILE writes torch.profiler's table of three more steps; --phases times the
forward pass, the backward pass and the update apart, waiting for the device after each;
--precision bf16|fp16 runs the step under torch.autocast (fp16 with torch's GradScaler), as incept's
precision= option does; --host-batch copies the batch from host memory to the device in every step
(incept's host-batch), where by default it stays on the device.
On the CPU (`incept bench`, with Debian's python3-torch and python3-torchvision): --device cpu and
--threads N, the thread count incept's engines use.
"""
import argparse
import json
import resource
import statistics
import time

import torch
import torchvision


def build(model, classes):
    if model == "inception_v3":
        return torchvision.models.inception_v3(num_classes=classes, aux_logits=False, init_weights=False)
    if model == "googlenet":
        return torchvision.models.googlenet(num_classes=classes, aux_logits=False, init_weights=False, transform_input=False)
    raise SystemExit("unknown model " + model)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="inception_v3", choices=["inception_v3", "googlenet"])
    p.add_argument("--device", default="cuda", choices=["cuda", "cpu"])
    p.add_argument("--threads", type=int, default=0, help="CPU threads (torch.set_num_threads); 0 leaves torch's default")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--size", type=int, default=299)
    p.add_argument("--classes", type=int, default=1000)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--channels-last", action="store_true")
    p.add_argument("--cudnn-benchmark", action="store_true")
    p.add_argument("--profile")
    # The paper's RMSProp as torch has it (epsilon outside the square root, so not the same maths
    # as incept's TF-style rule; the same work per weight).
    p.add_argument("--rmsprop", action="store_true")
    p.add_argument("--precision", default="float32", choices=["float32", "bf16", "fp16"])
    p.add_argument("--host-batch", action="store_true")
    p.add_argument("--phases", action="store_true")
    p.add_argument("--case", help="the case name to report (default: derived from the options)")
    a = p.parse_args()
    dev = torch.device(a.device)
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    gpu = dev.type == "cuda"
    if gpu:
        torch.backends.cudnn.benchmark = a.cudnn_benchmark
    memory_format = torch.channels_last if a.channels_last else torch.contiguous_format
    torch.manual_seed(1)
    model = build(a.model, a.classes).to(dev, memory_format=memory_format).train()
    params = sum(t.numel() for t in model.parameters() if t.requires_grad)
    if a.rmsprop:
        opt = torch.optim.RMSprop(model.parameters(), lr=0.045, alpha=0.9, eps=1.0, momentum=0.9, centered=False)
    else:
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(2)
    host_x = torch.randn(a.batch, 3, a.size, a.size, generator=g)
    x = host_x.to(dev, memory_format=memory_format)
    y = torch.randint(0, a.classes, (a.batch,), generator=g).to(dev)
    if gpu:
        torch.cuda.reset_peak_memory_stats()
    low = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(a.precision)
    scaler = torch.cuda.amp.GradScaler() if a.precision == "fp16" else None

    def done():
        if gpu:
            torch.cuda.synchronize()

    def step(mark=lambda phase: None):
        opt.zero_grad(set_to_none=True)
        batch = host_x.to(dev, memory_format=memory_format) if a.host_batch else x
        with torch.autocast(dev.type, dtype=low, enabled=low is not None):
            loss = loss_fn(model(batch), y)
        mark("forward")
        if scaler is None:
            loss.backward()
            mark("backward")
            opt.step()
        else:
            scaler.scale(loss).backward()
            mark("backward")
            scaler.step(opt)
            scaler.update()
        mark("update")

    ms = []
    for s in range(-a.warmup, a.steps):
        t0 = time.perf_counter()
        step()
        done()
        if s >= 0:
            ms.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(ms)
    phase_ms = {}
    if a.phases:
        times = {}
        for _ in range(a.steps):
            last = [time.perf_counter()]

            def mark(phase):
                done()
                now = time.perf_counter()
                times.setdefault(phase, []).append((now - last[0]) * 1000)
                last[0] = now
            step(mark)
        phase_ms = {"phase_" + k + "_ms": statistics.median(v) for k, v in times.items()}
    if a.profile:
        from torch.profiler import ProfilerActivity, profile
        with profile(activities=[ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if gpu else [])) as prof:
            for _ in range(3):
                step()
            done()
        with open(a.profile, "w") as f:
            try:
                f.write(prof.key_averages().table(sort_by="self_device_time_total" if gpu else "self_cpu_time_total", row_limit=25))
            except Exception:  # torch releases before the "device" names
                f.write(prof.key_averages().table(sort_by="self_cuda_time_total" if gpu else "self_cpu_time_total", row_limit=25))
    name = a.case or ("torchvision-" + a.model.replace("_", "-") + ("-cl" if a.channels_last else "")
                      + ("-cudnn-benchmark" if a.cudnn_benchmark else "") + ("-rmsprop" if a.rmsprop else "")
                      + ("-" + a.precision if low is not None else "") + ("-host-batch" if a.host_batch else "")
                      + ("-phases" if a.phases else ""))
    out = {
        "case": name, "engine": "torchvision " + torchvision.__version__ + " (Python)", "device": "cuda" if gpu else "cpu()",
        "model": "torchvision " + a.model, "optimizer": "rmsprop" if a.rmsprop else "sgd(momentum=0.9)",
        "precision": a.precision, "batch_on": "host" if a.host_batch else "device",
        "batch": a.batch, "input": a.size, "params": params, "threads": torch.get_num_threads(),
        "ms_per_step": med, "images_per_sec": a.batch * 1000 / med,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    out.update(phase_ms)
    if gpu:
        out["peak_allocated_mib"] = torch.cuda.max_memory_allocated() / 2**20
        out["gpu"] = torch.cuda.get_device_name(0)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
