"""Fingerspell training pipeline (PyTorch side of the Java/ONNX contract)."""
