"""A minimal reader for TensorFlow Lite flatbuffers: tensors, constant buffers and operators of the first subgraph.

Only what converting MediaPipe's hand-landmark model needs, without the flatbuffers or tflite packages (neither is
installed here). Field numbers follow tensorflow/lite/schema/schema.fbs; a flatbuffer table starts with a signed
offset back to its vtable, whose uint16 entries give each field's offset inside the table (0: field absent).
"""
import struct

import numpy as np

# TensorType -> numpy dtype
TENSOR_TYPES = {0: np.float32, 1: np.float16, 2: np.int32, 3: np.uint8, 4: np.int64, 7: np.int16, 9: np.int8}

# BuiltinOperator codes used by the converter
ADD, CONV_2D, DEPTHWISE_CONV_2D, DEQUANTIZE, FULLY_CONNECTED, LOGISTIC, MEAN = 0, 3, 4, 6, 9, 14, 40
OPERATOR_NAMES = {ADD: "ADD", CONV_2D: "CONV_2D", DEPTHWISE_CONV_2D: "DEPTHWISE_CONV_2D", DEQUANTIZE: "DEQUANTIZE",
                  FULLY_CONNECTED: "FULLY_CONNECTED", LOGISTIC: "LOGISTIC", MEAN: "MEAN"}


class Table:
    """One flatbuffer table: typed access to its fields by number."""

    def __init__(self, buf, pos):
        self.buf = buf
        self.pos = pos
        vtable = pos - struct.unpack_from("<i", buf, pos)[0]
        vtable_size = struct.unpack_from("<H", buf, vtable)[0]
        self._fields = [struct.unpack_from("<H", buf, vtable + 4 + 2 * i)[0] for i in range((vtable_size - 4) // 2)]

    def _offset(self, field):
        return self._fields[field] if field < len(self._fields) else 0

    def scalar(self, field, fmt, default=0):
        off = self._offset(field)
        return struct.unpack_from("<" + fmt, self.buf, self.pos + off)[0] if off else default

    def _target(self, field):
        off = self._offset(field)
        if not off:
            return None
        at = self.pos + off
        return at + struct.unpack_from("<I", self.buf, at)[0]

    def table(self, field):
        at = self._target(field)
        return None if at is None else Table(self.buf, at)

    def tables(self, field):
        at = self._target(field)
        if at is None:
            return []
        n = struct.unpack_from("<I", self.buf, at)[0]
        items = []
        for i in range(n):
            slot = at + 4 + 4 * i
            items.append(Table(self.buf, slot + struct.unpack_from("<I", self.buf, slot)[0]))
        return items

    def vector(self, field, dtype):
        at = self._target(field)
        if at is None:
            return np.zeros(0, dtype)
        n = struct.unpack_from("<I", self.buf, at)[0]
        return np.frombuffer(self.buf, dtype=np.dtype(dtype).newbyteorder("<"), count=n, offset=at + 4)

    def string(self, field):
        at = self._target(field)
        if at is None:
            return None
        n = struct.unpack_from("<I", self.buf, at)[0]
        return bytes(self.buf[at + 4:at + 4 + n]).decode("utf-8")


class Operator:
    def __init__(self, code, inputs, outputs, options):
        self.code = code
        self.inputs = inputs
        self.outputs = outputs
        self.options = options  # the builtin options Table, or None

    @property
    def name(self):
        return OPERATOR_NAMES.get(self.code, "builtin %d" % self.code)


class Model:
    """The first subgraph of a .tflite file: tensors (name, shape, constant data or None), operators, inputs, outputs."""

    def __init__(self, data):
        buf = bytes(data)
        root = Table(buf, struct.unpack_from("<I", buf, 0)[0])
        # OperatorCode: deprecated_builtin_code (int8, field 0) is the code below 127, builtin_code (int32, field 3) above
        codes = [max(c.scalar(0, "b"), c.scalar(3, "i")) for c in root.tables(1)]
        buffers = [b.vector(0, np.uint8) for b in root.tables(4)]
        subgraph = root.tables(2)[0]
        self.tensors = []
        for t in subgraph.tables(0):
            shape = tuple(int(s) for s in t.vector(0, np.int32))
            type_code = t.scalar(1, "b")
            if type_code not in TENSOR_TYPES:
                raise ValueError("tensor %s has unsupported type %d" % (t.string(3), type_code))
            raw = buffers[t.scalar(2, "I")]
            data = np.frombuffer(raw.tobytes(), TENSOR_TYPES[type_code]).reshape(shape) if raw.size else None
            self.tensors.append({"name": t.string(3), "shape": shape, "data": data})
        self.operators = [Operator(codes[o.scalar(0, "I")], [int(i) for i in o.vector(1, np.int32)],
                                   [int(i) for i in o.vector(2, np.int32)], o.table(4))
                          for o in subgraph.tables(3)]
        self.inputs = [int(i) for i in subgraph.vector(1, np.int32)]
        self.outputs = [int(i) for i in subgraph.vector(2, np.int32)]


def load(path):
    with open(path, "rb") as f:
        return Model(f.read())
