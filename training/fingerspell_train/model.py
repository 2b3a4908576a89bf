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
