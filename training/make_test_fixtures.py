#!/usr/bin/python3
"""Writes the tiny ONNX models the Java tests load (kilobytes, committed under src/test/resources/models).

Run: /usr/bin/python3 training/make_test_fixtures.py
"""
import os
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "models")


class Tiny(nn.Module):
    """A small CNN with the production signature: input [N,3,S,S] -> logits [N,classes], embedding [N,dim]."""

    def __init__(self, in_channels=3, classes=29, dim=8):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(in_channels, dim, 3, padding=1), nn.ReLU(),
                                      nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(dim, classes)

    def forward(self, x):
        e = self.features(x)
        return self.fc(e), e


def export(model, name, in_channels=3, size=16):
    torch.manual_seed(0)
    model.eval()
    dummy = torch.randn(1, in_channels, size, size)
    torch.onnx.export(model, dummy, os.path.join(OUT, name), input_names=["input"],
                      output_names=["logits", "embedding"],
                      dynamic_axes={"input": {0: "n"}, "logits": {0: "n"}, "embedding": {0: "n"}},
                      opset_version=17)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    export(Tiny(), "tiny.onnx")
    export(Tiny(in_channels=1), "tiny-one-channel.onnx", in_channels=1)
    export(Tiny(classes=10), "tiny-ten-classes.onnx")
