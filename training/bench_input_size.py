#!/usr/bin/env python3
"""ONNX Runtime CPU time of one ResNet-18 (29 classes, fresh weights: trained ones run at the same speed) at 112 and
160 px, the two taking turns in 10 rounds of 30 runs, 2 intra-op threads, spinning off as in the app.

Needs torch, torchvision and onnxruntime in one Python, e.g. a venv over /usr/bin/python3:
    /usr/bin/python3 -m venv --system-site-packages /work/venv-ort && /work/venv-ort/bin/pip install onnxruntime
    /work/venv-ort/bin/python training/bench_input_size.py
"""
import time, statistics, io
import numpy as np, torch, torchvision, onnxruntime as ort
sessions = {}
for size in (112, 160):
    m = torchvision.models.resnet18(num_classes=29).eval()
    buf = io.BytesIO()
    torch.onnx.export(m, torch.zeros(1, 3, size, size), buf, opset_version=17, input_names=["input"])
    o = ort.SessionOptions(); o.intra_op_num_threads = 2; o.add_session_config_entry("session.intra_op.allow_spinning", "0")
    sessions[size] = ort.InferenceSession(buf.getvalue(), o, providers=["CPUExecutionProvider"])
times = {112: [], 160: []}
rng = np.random.default_rng(0)
for rnd in range(10):
    for size, s in sessions.items():
        x = rng.standard_normal((1, 3, size, size), dtype=np.float32)
        for _ in range(3): s.run(None, {"input": x})
        r = []
        for _ in range(30):
            t = time.perf_counter(); s.run(None, {"input": x}); r.append((time.perf_counter() - t) * 1000)
        times[size].append(statistics.median(r))
m112, m160 = statistics.median(times[112]), statistics.median(times[160])
print(f"ORT {ort.__version__} CPU 2 threads, median of 10 round medians: 112 px {m112:.2f} ms, 160 px {m160:.2f} ms, ratio {m160/m112:.2f}")
