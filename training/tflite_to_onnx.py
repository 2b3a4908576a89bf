#!/usr/bin/python3
"""Converts MediaPipe's hand-landmark model (hand_landmark_full.tflite) to ONNX for ONNX Runtime.

OpenCV 4.9 cannot run the tflite file (no MEAN operator) and no tflite converter is installed here, so this reads the
flatbuffer itself (fingerspell_train.tflite_reader) and writes the same network as ONNX (opset 13), NCHW inside:
    input  "input"      float [N, 224, 224, 3]  RGB in [0, 1], the hand square turned upright
    output "landmarks"  float [N, 63]  21 points x (x, y, z) in pixels of the 224 input
           "presence"   float [N, 1]   probability that a hand is present
           "handedness" float [N, 1]
           "world_landmarks" float [N, 63]
The tflite stores its weights as float16 (DEQUANTIZE operators): the ONNX keeps them float16 with Cast nodes, so the
file is half the size and the numbers are the same.

    /usr/bin/python3 training/tflite_to_onnx.py ~/.cache/fingerspell/hand_landmark_full.tflite models/hand_landmark_full.onnx
(scripts/fetch-detector.sh puts the tflite file in ~/.cache/fingerspell; it comes from @mediapipe/hands@0.4.1675469240.)
"""
import argparse
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fingerspell_train import tflite_reader as tfl  # noqa: E402

OUTPUT_NAMES = ["landmarks", "presence", "handedness", "world_landmarks"]
RELU, RELU6 = 1, 3  # ActivationFunctionType
SAME = 0  # Padding


def same_pads(spatial, kernel, strides):
    """TensorFlow's SAME padding (the extra pixel at the end) as ONNX pads [top, left, bottom, right]."""
    begin, end = [], []
    for n, k, s in zip(spatial, kernel, strides):
        total = max((-(-n // s) - 1) * s + k - n, 0)
        begin.append(total // 2)
        end.append(total - total // 2)
    return begin + end


class Converter:
    def __init__(self, model):
        self.model = model
        self.nodes = []
        self.initializers = []
        self.constants = {i: t["data"] for i, t in enumerate(model.tensors) if t["data"] is not None}

    @staticmethod
    def name(index):
        return "t%d" % index

    def weight(self, name, array):
        """A float16 initializer and the Cast that turns it into the float tensor `name`."""
        array = np.ascontiguousarray(array)
        if array.dtype == np.float16:
            self.initializers.append(numpy_helper.from_array(array, name + "_fp16"))
            self.nodes.append(helper.make_node("Cast", [name + "_fp16"], [name], to=TensorProto.FLOAT))
        else:
            self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def activation(self, x, code, base):
        if code == 0:
            return x
        y = base + "_act"
        if code == RELU:
            self.nodes.append(helper.make_node("Relu", [x], [y]))
        elif code == RELU6:
            low = self.weight(base + "_lo", np.array(0, np.float32))
            high = self.weight(base + "_hi", np.array(6, np.float32))
            self.nodes.append(helper.make_node("Clip", [x, low, high], [y]))
        else:
            raise ValueError("unsupported fused activation %d" % code)
        return y

    def conv(self, op, base, depthwise):
        shape_in = self.model.tensors[op.inputs[0]]["shape"]
        w = self.constants[op.inputs[1]]
        if depthwise:  # [1, kh, kw, C] -> [C, 1, kh, kw]
            if op.options.scalar(3, "i", 1) != 1:
                raise ValueError("depth multiplier other than 1")
            w, group, activation = w.transpose(3, 0, 1, 2), w.shape[3], op.options.scalar(4, "b")
        else:  # [O, kh, kw, I] -> [O, I, kh, kw]
            w, group, activation = w.transpose(0, 3, 1, 2), 1, op.options.scalar(3, "b")
        stride_w, stride_h = op.options.scalar(1, "i"), op.options.scalar(2, "i")
        pads = (same_pads(shape_in[1:3], w.shape[2:], (stride_h, stride_w))
                if op.options.scalar(0, "b") == SAME else [0, 0, 0, 0])
        z = base + "_conv"
        self.nodes.append(helper.make_node(
            "Conv", [self.name(op.inputs[0]), self.weight(base + "_w", w), self.weight(base + "_b", self.constants[op.inputs[2]])],
            [z], strides=[stride_h, stride_w], pads=pads, group=group))
        return self.activation(z, activation, base)

    def convert_operator(self, k, op):
        base = "n%d" % k
        if op.code == tfl.DEQUANTIZE:  # float16 constant -> float: kept float16, cast where used
            self.constants[op.outputs[0]] = self.constants[op.inputs[0]]
            return
        if op.code in (tfl.CONV_2D, tfl.DEPTHWISE_CONV_2D):
            y = self.conv(op, base, op.code == tfl.DEPTHWISE_CONV_2D)
        elif op.code == tfl.ADD:
            y = self.activation_add(op, base)
        elif op.code == tfl.MEAN:
            y = self.mean(op, base)
        elif op.code == tfl.FULLY_CONNECTED:
            y = self.fully_connected(op, base)
        elif op.code == tfl.LOGISTIC:
            y = base + "_sigmoid"
            self.nodes.append(helper.make_node("Sigmoid", [self.name(op.inputs[0])], [y]))
        else:
            raise ValueError("operator %s is not supported by this converter" % op.name)
        self.nodes.append(helper.make_node("Identity", [y], [self.name(op.outputs[0])]))

    def activation_add(self, op, base):
        z = base + "_add"
        self.nodes.append(helper.make_node("Add", [self.name(op.inputs[0]), self.name(op.inputs[1])], [z]))
        return self.activation(z, op.options.scalar(0, "b") if op.options else 0, base)

    def mean(self, op, base):
        """MEAN over NHWC axes (1, 2) without keep_dims: a spatial mean of the NCHW tensor, then [N, C]."""
        axes = sorted(int(a) for a in np.ravel(self.constants[op.inputs[1]]))
        keep_dims = op.options.scalar(0, "?") if op.options else False
        if axes != [1, 2] or keep_dims or len(self.model.tensors[op.inputs[0]]["shape"]) != 4:
            raise ValueError("only a spatial MEAN without keep_dims is supported")
        z = base + "_mean"
        self.nodes.append(helper.make_node("ReduceMean", [self.name(op.inputs[0])], [z], axes=[2, 3], keepdims=0))
        return z

    def fully_connected(self, op, base):
        x = self.name(op.inputs[0])
        if len(self.model.tensors[op.inputs[0]]["shape"]) == 4:  # flatten in TFLite's NHWC order
            nhwc, flat = base + "_nhwc", base + "_flat"
            self.nodes.append(helper.make_node("Transpose", [x], [nhwc], perm=[0, 2, 3, 1]))
            self.nodes.append(helper.make_node("Flatten", [nhwc], [flat], axis=1))
            x = flat
        w = self.constants[op.inputs[1]]
        b = self.constants[op.inputs[2]] if len(op.inputs) > 2 and op.inputs[2] >= 0 else np.zeros(w.shape[0], w.dtype)
        z = base + "_fc"
        self.nodes.append(helper.make_node("Gemm", [x, self.weight(base + "_w", w), self.weight(base + "_b", b)], [z],
                                           transB=1))
        return self.activation(z, op.options.scalar(0, "b") if op.options else 0, base)

    def convert(self, graph_name):
        m = self.model
        if len(m.inputs) != 1 or len(m.outputs) != len(OUTPUT_NAMES):
            raise ValueError("expected 1 input and %d outputs, got %d and %d" % (len(OUTPUT_NAMES), len(m.inputs), len(m.outputs)))
        in_shape = m.tensors[m.inputs[0]]["shape"]
        self.nodes.append(helper.make_node("Transpose", ["input"], [self.name(m.inputs[0])], perm=[0, 3, 1, 2]))
        for k, op in enumerate(m.operators):
            self.convert_operator(k, op)
        outputs = []
        for index, out_name in zip(m.outputs, OUTPUT_NAMES):
            self.nodes.append(helper.make_node("Identity", [self.name(index)], [out_name]))
            outputs.append(helper.make_tensor_value_info(out_name, TensorProto.FLOAT, ["N", m.tensors[index]["shape"][1]]))
        graph = helper.make_graph(
            self.nodes, graph_name,
            [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N"] + list(in_shape[1:]))],
            outputs, self.initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                                  producer_name="fingerspell training/tflite_to_onnx.py")
        model.ir_version = 8  # ONNX Runtime 1.21 reads IR 8 / opset 13
        onnx.checker.check_model(model)
        return model


def convert(tflite_path):
    return Converter(tfl.load(tflite_path)).convert(os.path.splitext(os.path.basename(tflite_path))[0])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("tflite")
    p.add_argument("onnx_out")
    args = p.parse_args(argv)
    model = convert(args.tflite)
    onnx.save(model, args.onnx_out)
    print("wrote %s: %d nodes, %d initializers" % (args.onnx_out, len(model.graph.node), len(model.graph.initializer)))


if __name__ == "__main__":
    main()
