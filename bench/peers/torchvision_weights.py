"""A torchvision network's weights as safetensors, with an input and torchvision's own outputs for it.

    torchvision_weights.py MODEL SIZE CLASSES OUT_DIR     (MODEL: googlenet | inception_v3)

Writes OUT_DIR/weights.safetensors and OUT_DIR/weights.pth (torch.save's format) (the state dict of a randomly initialised network, its batch norms'
scales and shifts drawn at random and their running statistics measured on random batches),
OUT_DIR/input.f32 (a batch of 2 x 3 x SIZE x SIZE, raw little-endian float32) and OUT_DIR/logits.f32
(torchvision's main logits for it in evaluation mode). For training mode (batch norm on the batch's
own statistics, dropout off so that both sides compute the same function): OUT_DIR/labels.i32, and
for the main logits' mean cross-entropy with those labels OUT_DIR/train_loss.f32 and its gradient
with respect to the input, OUT_DIR/input_grad.f32, and both again in float64 (train_loss.f64,
input_grad.f64), with the aux heads' training-mode logits (train_aux.f64). `incept weights-check` loads the first into
the zoo's twin and compares its logits with the last. The safetensors file is written here by hand
(an 8-byte header length, a JSON header, the raw tensors), as Debian has no python3-safetensors.
"""
import json
import struct
import sys

import torch
import torchvision


def save_safetensors(state, path):
    header, blobs, offset = {}, [], 0
    for name, t in state.items():
        t = t.detach().contiguous().cpu()
        dtype = {torch.float32: "F32", torch.int64: "I64"}[t.dtype]
        data = t.numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def main():
    model, size, classes, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    torch.manual_seed(5)
    if model == "googlenet":
        net = torchvision.models.googlenet(num_classes=classes, aux_logits=True, init_weights=True, transform_input=False)
    else:
        net = torchvision.models.inception_v3(num_classes=classes, aux_logits=True, init_weights=True, transform_input=False)
    # Batch norm's scale and shift drawn at random, and its running statistics measured on random
    # batches (a cumulative average), so evaluation exercises every tensor at sane magnitudes.
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0, 0.2)
                m.reset_running_stats()
                m.momentum = None
        net.train()
        for _ in range(3):
            net(torch.randn(4, 3, size, size))
    net.eval()
    x = torch.randn(2, 3, size, size)
    with torch.no_grad():
        logits = net(x)
    save_safetensors(net.state_dict(), out + "/weights.safetensors")
    torch.save(net.state_dict(), out + "/weights.pth")
    for m in net.modules():
        if isinstance(m, torch.nn.Dropout):
            m.p = 0.0
    net.train()
    labels = torch.arange(x.shape[0]) % classes
    xg = x.clone().requires_grad_(True)
    main = net(xg)[0]
    loss = torch.nn.functional.cross_entropy(main, labels)
    loss.backward()
    labels.numpy().astype("<i4").tofile(out + "/labels.i32")
    loss.detach().numpy().astype("<f4").reshape(1).tofile(out + "/train_loss.f32")
    xg.grad.numpy().astype("<f4").tofile(out + "/input_grad.f32")
    # The same in float64: a deep network's input gradient through batch norm in training mode
    # loses digits to cancellation (inception_v3's float32 gradient is 2-3% of its scale from its
    # own float64 one), so the training path is compared where both sides can be exact.
    net.double()
    xd = x.double().clone().requires_grad_(True)
    outputs = net(xd)
    loss64 = torch.nn.functional.cross_entropy(outputs[0], labels)
    loss64.backward()
    # The aux heads' logits in incept's order (googlenet's aux1 after 4a, then aux2; inception_v3's one).
    # By position: torchvision 0.14's GoogLeNet swaps its outputs' field names (its _forward returns
    # (x, aux2, aux1) and forward unpacks them as x, aux1, aux2), so outputs.aux_logits1 holds the head
    # after 4d, while outputs[1] is the head after 4a.
    aux = [outputs[1], outputs[2]] if model == "googlenet" else [outputs.aux_logits]
    torch.cat([a.detach().flatten() for a in aux]).numpy().astype("<f8").tofile(out + "/train_aux.f64")
    loss64.detach().numpy().astype("<f8").reshape(1).tofile(out + "/train_loss.f64")
    xd.grad.numpy().astype("<f8").tofile(out + "/input_grad.f64")
    x.numpy().astype("<f4").tofile(out + "/input.f32")
    logits.numpy().astype("<f4").tofile(out + "/logits.f32")
    print(json.dumps({"model": model, "size": size, "classes": classes, "tensors": len(net.state_dict()),
                      "torch": torch.__version__, "torchvision": torchvision.__version__}))


if __name__ == "__main__":
    main()
