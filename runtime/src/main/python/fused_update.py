"""The whole optimizer update of a training step as one TorchScript call (dev.incept.optim.FusedUpdate).

Run by scripts/setup/fused-update with Debian's python3-torch, which writes the scripted module into
runtime/src/main/resources/dev/incept/optim/fused-update.pt. The saved file holds this code as
TorchScript source that libtorch compiles again when it loads it, so the one file serves every
libtorch DJL runs on (the CPU's 2.7, a GPU machine's 2.11).

The maths is that of Sgd, RmsProp, Adam, GradientClipping and MovingAverage in Java, expressed as
libtorch's multi-tensor (_foreach_*) operations: each is one call over every weight, and on a GPU a
few kernel launches in all, where the per-weight path issues several calls per weight. Numbers
reach libtorch as plain scalars, so nothing is uploaded for them.
"""
import math
from typing import List, Tuple

import torch
from torch import Tensor


class FusedUpdate(torch.nn.Module):
    def gradients(self, weights: List[Tensor]) -> List[Tensor]:
        """Each weight's gradient, zeros where it has none."""
        raw: List[Tensor] = []
        for w in weights:
            g = w.grad
            if g is None:
                g = torch.zeros_like(w)
            raw.append(g)
        return raw

    @torch.jit.export
    def step(self, weights: List[Tensor], slots_a: List[Tensor], slots_b: List[Tensor], n_decayed: int,
             rule: int, hyper: List[float], lr: float, weight_decay: float, clip: float,
             averaged: List[Tensor], shadows: List[Tensor], average_decay: float) -> Tuple[float, List[Tensor]]:
        """Updates `weights` in place from their gradients, then zeroes the gradients.

        The first `n_decayed` weights take weight decay (the caller puts them first). `hyper`:
        SGD [momentum]; RMSProp [decay, epsilon, momentum]; Adam [beta1, beta2, epsilon,
        bias correction 1, bias correction 2]. `slots_a`/`slots_b`: the optimizer's state per
        weight (SGD: velocity; RMSProp: mean square, momentum; Adam: m, v), empty where unused.
        `shadows`: the moving average of `averaged`, empty for none. Returns the global gradient
        norm when clipping (0 otherwise).
        """
        with torch.no_grad():
            # TorchScript takes `w.grad` for a new value, not part of `weights`: an in-place change
            # of a gradient (or of a list sliced from them) that nothing reads afterwards is dropped
            # as dead code. So the gradients are only read here, every intermediate is a new list,
            # and the zeroed gradients are returned, which keeps their zeroing.
            raw = self.gradients(weights)
            grads = raw
            norm = 0.0
            if clip > 0.0:
                norm = float(torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads))).item())
                if norm > clip:
                    grads = torch._foreach_mul(grads, clip / norm)
            if weight_decay != 0.0 and n_decayed > 0:
                grads = torch._foreach_add(grads[:n_decayed], weights[:n_decayed], alpha=weight_decay) + grads[n_decayed:]
            if rule == 0:  # SGD (OptimizerKind.SGD)
                momentum = hyper[0]
                if momentum == 0.0:
                    torch._foreach_add_(weights, grads, alpha=-lr)
                else:
                    torch._foreach_mul_(slots_a, momentum)
                    torch._foreach_add_(slots_a, grads)
                    torch._foreach_add_(weights, slots_a, alpha=-lr)
            elif rule == 1:  # RMSProp
                decay = hyper[0]
                epsilon = hyper[1]
                momentum = hyper[2]
                torch._foreach_mul_(slots_a, decay)
                torch._foreach_addcmul_(slots_a, grads, grads, value=1.0 - decay)
                denom = torch._foreach_sqrt(torch._foreach_add(slots_a, epsilon))
                if momentum == 0.0:
                    torch._foreach_addcdiv_(weights, grads, denom, value=-lr)
                else:
                    torch._foreach_mul_(slots_b, momentum)
                    torch._foreach_addcdiv_(slots_b, grads, denom, value=lr)
                    torch._foreach_sub_(weights, slots_b)
            elif rule == 2:  # Adam
                beta1 = hyper[0]
                beta2 = hyper[1]
                epsilon = hyper[2]
                correction1 = hyper[3]
                correction2 = hyper[4]
                torch._foreach_mul_(slots_a, beta1)
                torch._foreach_add_(slots_a, grads, alpha=1.0 - beta1)
                torch._foreach_mul_(slots_b, beta2)
                torch._foreach_addcmul_(slots_b, grads, grads, value=1.0 - beta2)
                denom = torch._foreach_add(torch._foreach_sqrt(torch._foreach_div(slots_b, correction2)), epsilon)
                torch._foreach_addcdiv_(weights, slots_a, denom, value=-lr / correction1)
            else:
                raise RuntimeError("fused update: unknown rule " + str(rule))
            if len(shadows) > 0:
                torch._foreach_mul_(shadows, average_decay)
                torch._foreach_add_(shadows, averaged, alpha=1.0 - average_decay)
            torch._foreach_zero_(raw)
            return norm, raw

    @torch.jit.export
    def unscale(self, weights: List[Tensor], inverse: float) -> Tuple[float, List[Tensor]]:
        """A float16 step's gradients divided by its loss scale (multiplied by `inverse`), in place.
        Returns their global norm; where it is not finite (an overflow), the gradients are zeroed
        instead, for the caller to skip the step. The gradients are returned, as in `step`, so that
        TorchScript keeps their in-place changes."""
        with torch.no_grad():
            raw = self.gradients(weights)
            torch._foreach_mul_(raw, inverse)
            norm = float(torch.linalg.vector_norm(torch.stack(torch._foreach_norm(raw))).item())
            if math.isinf(norm) or math.isnan(norm):
                torch._foreach_zero_(raw)
            return norm, raw

    @torch.jit.export
    def cast(self, weights: List[Tensor], half: bool) -> List[Tensor]:
        """16-bit working copies of `weights` (float16 if `half`, else bfloat16) for a step that computes
        as autocast does. Called with autograd on, so the backward pass carries each copy's gradient
        back to its float32 weight: one call for all weights, where DJL's own cast detaches."""
        dtype = torch.float16 if half else torch.bfloat16
        return [w.to(dtype) for w in weights]

    def forward(self) -> int:
        return 0
