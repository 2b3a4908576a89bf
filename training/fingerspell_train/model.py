"""ResNet-18 and the T-A / T-B / T-C / S-A training configurations."""
import torch
import torch.nn as nn
import torchvision

from .constants import NUM_CLASSES

CONFIGS = {
    # name: (trainable top-level modules, description)
    "T-A": (("fc",), "transfer: head only"),
    "T-B": (("layer4", "fc"), "transfer: layer4 + head"),
    "T-C": (("layer3", "layer4", "fc"), "progressive: from a T-B checkpoint, layer3 unfrozen at lr 5e-4"),
    "S-A": (None, "from scratch: all trainable"),
}


def build_model(num_classes=NUM_CLASSES):
    return torchvision.models.resnet18(weights=None, num_classes=num_classes)


def load_imagenet_weights(model, path):
    """Load a torchvision ResNet-18 state dict, strict on everything but fc."""
    sd = torch.load(path, map_location="cpu")
    if isinstance(sd, dict) and "state_dict" in sd:
        sd = sd["state_dict"]
    sd = {k: v for k, v in sd.items() if not k.startswith("fc.")}
    missing, unexpected = model.load_state_dict(sd, strict=False)
    bad_missing = [k for k in missing if not k.startswith("fc.")]
    if bad_missing or unexpected:
        raise RuntimeError("weights %s do not match resnet18: missing %s unexpected %s"
                           % (path, bad_missing, unexpected))
    return model


def trainable_modules(config):
    if config not in CONFIGS:
        raise ValueError("unknown config %r (one of %s)" % (config, ", ".join(CONFIGS)))
    return CONFIGS[config][0]


def apply_config(model, config):
    """Set requires_grad per configuration; returns the list of frozen module names."""
    mods = trainable_modules(config)
    frozen = []
    for name, child in model.named_children():
        train = mods is None or name in mods
        for p in child.parameters():
            p.requires_grad = train
        if not train and any(True for _ in child.parameters()):
            frozen.append(name)
    model._frozen_modules = frozen
    return frozen


def set_train_mode(model):
    """model.train() but frozen parts keep BatchNorm (and everything) in eval mode."""
    model.train()
    for name in getattr(model, "_frozen_modules", []):
        getattr(model, name).eval()
    return model


def trainable_share(model):
    total = sum(p.numel() for p in model.parameters())
    train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return train / total


def param_groups(model, config, lr, lr_unfrozen=5e-4, weight_decay=1e-4):
    if config == "T-C":
        l3 = [p for p in model.layer3.parameters() if p.requires_grad]
        ids = {id(p) for p in l3}
        rest = [p for p in model.parameters() if p.requires_grad and id(p) not in ids]
        return [{"params": rest, "lr": lr, "weight_decay": weight_decay},
                {"params": l3, "lr": lr_unfrozen, "weight_decay": weight_decay}]
    return [{"params": [p for p in model.parameters() if p.requires_grad], "lr": lr,
             "weight_decay": weight_decay}]


class ExportWrapper(nn.Module):
    """Returns (logits, embedding) where embedding = pooled features before fc."""

    def __init__(self, model):
        super().__init__()
        self.m = model

    def forward(self, x):
        m = self.m
        x = m.conv1(x)
        x = m.bn1(x)
        x = m.relu(x)
        x = m.maxpool(x)
        x = m.layer1(x)
        x = m.layer2(x)
        x = m.layer3(x)
        x = m.layer4(x)
        x = m.avgpool(x)
        emb = torch.flatten(x, 1)
        return m.fc(emb), emb


def _convs_and_norms(model):
    """(conv, following BatchNorm) pairs of a torchvision ResNet-18 in forward order."""
    pairs = [(model.conv1, model.bn1)]
    for layer in (model.layer1, model.layer2, model.layer3, model.layer4):
        for block in layer:
            pairs.append((block.conv1, block.bn1))
            pairs.append((block.conv2, block.bn2))
            if block.downsample is not None:
                pairs.append((block.downsample[0], block.downsample[1]))
    return pairs


def load_fused_onnx(model, onnx_path):
    """Load the weights of an exported Fingerspell ONNX model (ours, BatchNorm folded into Conv at export).

    Each Conv's folded weight goes into the conv and its bias into the BatchNorm after it, with that
    BatchNorm an identity (mean 0, variance 1 - eps, scale 1): in eval mode the network then computes
    exactly what the ONNX model computes. Call calibrate_batchnorm() next so that training mode, which
    normalises by batch statistics, starts from the same function.
    """
    import onnx
    from onnx import numpy_helper
    graph = onnx.load(onnx_path).graph
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    convs = [n for n in graph.node if n.op_type == "Conv"]
    gemms = [n for n in graph.node if n.op_type == "Gemm"]
    pairs = _convs_and_norms(model)
    if len(convs) != len(pairs) or len(gemms) != 1:
        raise ValueError("%s: %d Conv / %d Gemm nodes, a ResNet-18 has %d / 1"
                         % (onnx_path, len(convs), len(gemms), len(pairs)))
    with torch.no_grad():
        for node, (conv, bn) in zip(convs, pairs):
            w = torch.from_numpy(weights[node.input[1]].copy())
            b = torch.from_numpy(weights[node.input[2]].copy()) if len(node.input) > 2 else torch.zeros(w.shape[0])
            if tuple(w.shape) != tuple(conv.weight.shape):
                raise ValueError("%s: Conv %s has shape %s, expected %s"
                                 % (onnx_path, node.name, tuple(w.shape), tuple(conv.weight.shape)))
            conv.weight.copy_(w)
            bn.running_mean.zero_()
            bn.running_var.fill_(1.0 - bn.eps)
            bn.weight.fill_(1.0)
            bn.bias.copy_(b)
        fc_w = torch.from_numpy(weights[gemms[0].input[1]].copy())
        fc_b = torch.from_numpy(weights[gemms[0].input[2]].copy())
        if tuple(fc_w.shape) != tuple(model.fc.weight.shape):
            raise ValueError("%s: head has shape %s, expected %s" % (onnx_path, tuple(fc_w.shape),
                                                                   tuple(model.fc.weight.shape)))
        model.fc.weight.copy_(fc_w)
        model.fc.bias.copy_(fc_b)
    return model


def calibrate_batchnorm(model, batches):
    """Re-express each identity BatchNorm left by load_fused_onnx with the statistics of its input.

    With mean m and variance v of a conv's output over the given batches, scale sqrt(v + eps), shift
    m + bias, running mean m and running variance v: eval mode still computes x + bias exactly, and
    training mode (batch statistics close to m, v) computes nearly the same, so fine-tuning starts where
    the loaded model stands instead of from a function that batch statistics have scrambled.
    """
    pairs = _convs_and_norms(model)
    sums = [None] * len(pairs)
    counts = [0] * len(pairs)
    hooks = []
    for i, (conv, _) in enumerate(pairs):
        def hook(_module, _inputs, output, i=i):
            flat = output.detach().transpose(0, 1).reshape(output.shape[1], -1).double()
            s = torch.stack([flat.sum(1), (flat * flat).sum(1)])
            sums[i] = s if sums[i] is None else sums[i] + s
            counts[i] += flat.shape[1]
        hooks.append(conv.register_forward_hook(hook))
    model.eval()
    with torch.no_grad():
        for x in batches:
            model(x)
    for h in hooks:
        h.remove()
    with torch.no_grad():
        for i, (_, bn) in enumerate(pairs):
            mean = sums[i][0] / counts[i]
            var = (sums[i][1] / counts[i] - mean * mean).clamp_min(1e-12)
            bias = bn.bias.double().clone()
            bn.running_mean.copy_(mean.float())
            bn.running_var.copy_(var.float())
            bn.weight.copy_(torch.sqrt(var + bn.eps).float())
            bn.bias.copy_((mean + bias).float())
    return model
