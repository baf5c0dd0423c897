"""Writes tiny.pth, TorchSaveTest's fixture, with Debian's python3-torch (scripts/setup/torch-peer):

    /usr/bin/python3 make_tiny_pth.py

A module's state dict (so the file carries torch's _metadata, pickled with BUILD) plus tensors of
each kind a state dict holds: float32, a transposed (non-contiguous) one, float64, float16, an int64
counter, a zero-dimensional one and a view at an offset into another tensor's storage.
"""
import collections

import torch

module = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 1, bias=False), torch.nn.BatchNorm2d(2))
with torch.no_grad():
    module[0].weight.copy_(torch.tensor([0.5, -1.25]).reshape(2, 1, 1, 1))
    module[1].running_var.copy_(torch.tensor([2.0, 3.0]))
sd = module.state_dict()
sd["conv.weight"] = torch.arange(24, dtype=torch.float32).reshape(2, 3, 2, 2) / 8
sd["fc.weight"] = (torch.arange(6, dtype=torch.float32).reshape(2, 3) - 2.5).t()
sd["bn.running_var"] = torch.tensor([0.5, 1.5, 2.5], dtype=torch.float64)
sd["half"] = torch.tensor([1.0, -2.0, 0.25], dtype=torch.float16)
sd["scalar"] = torch.tensor(3.5)
sd["view"] = sd["conv.weight"].reshape(-1)[5:9]
torch.save(sd, "tiny.pth")
