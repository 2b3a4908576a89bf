import os
import unittest

import numpy as np
import onnx
from onnx import numpy_helper

from tests._util import TRAINING
import tflite_to_onnx
from fingerspell_train import tflite_reader

REPO = os.path.dirname(TRAINING)
COMMITTED = os.path.join(REPO, "models", "hand_landmark_full.onnx")
TFLITE = os.environ.get("FINGERSPELL_LANDMARK_TFLITE",
                        os.path.join(os.path.expanduser("~"), ".cache", "fingerspell", "hand_landmark_full.tflite"))
NO_TFLITE = ("%s not found (scripts/fetch-detector.sh puts it there; needs npm and network): "
             "skipping the conversion check" % TFLITE)


class SamePaddingTest(unittest.TestCase):
    def test_matches_tensorflow_same_padding(self):
        # TensorFlow SAME: output ceil(n / s); the odd pixel of padding goes at the end
        self.assertEqual(tflite_to_onnx.same_pads((224, 224), (3, 3), (2, 2)), [0, 0, 1, 1])
        self.assertEqual(tflite_to_onnx.same_pads((112, 112), (3, 3), (1, 1)), [1, 1, 1, 1])
        self.assertEqual(tflite_to_onnx.same_pads((7, 7), (5, 5), (2, 2)), [2, 2, 2, 2])
        self.assertEqual(tflite_to_onnx.same_pads((8, 8), (1, 1), (1, 1)), [0, 0, 0, 0])


class CommittedLandmarkModelTest(unittest.TestCase):
    def test_committed_model_has_the_app_signature(self):
        m = onnx.load(COMMITTED)
        onnx.checker.check_model(m)
        dims = [[d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim] for v in m.graph.input]
        self.assertEqual([i.name for i in m.graph.input], ["input"])
        self.assertEqual(dims, [["N", 224, 224, 3]])
        self.assertEqual([o.name for o in m.graph.output], tflite_to_onnx.OUTPUT_NAMES)
        self.assertEqual(m.opset_import[0].version, 13)


@unittest.skipUnless(os.path.isfile(TFLITE), NO_TFLITE)
class ConversionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tflite = tflite_reader.load(TFLITE)
        cls.converted = tflite_to_onnx.convert(TFLITE)

    def test_reader_sees_the_network(self):
        ops = {op.name for op in self.tflite.operators}
        self.assertLessEqual(ops, set(tflite_reader.OPERATOR_NAMES.values()))
        self.assertEqual(self.tflite.tensors[self.tflite.inputs[0]]["shape"], (1, 224, 224, 3))
        self.assertEqual([self.tflite.tensors[i]["shape"] for i in self.tflite.outputs],
                         [(1, 63), (1, 1), (1, 1), (1, 63)])

    def test_conversion_reproduces_the_committed_model(self):
        committed = onnx.load(COMMITTED)
        self.assertEqual([(n.op_type, list(n.input), list(n.output)) for n in self.converted.graph.node],
                         [(n.op_type, list(n.input), list(n.output)) for n in committed.graph.node])
        a = {i.name: numpy_helper.to_array(i) for i in self.converted.graph.initializer}
        b = {i.name: numpy_helper.to_array(i) for i in committed.graph.initializer}
        self.assertEqual(sorted(a), sorted(b))
        for name in a:
            np.testing.assert_array_equal(a[name], b[name], err_msg=name)

    def test_weights_are_the_tflite_float16_values(self):
        # the first convolution: tflite [O, kh, kw, I] float16 becomes ONNX [O, I, kh, kw] with the same numbers
        first_conv = next(op for op in self.tflite.operators if op.code == tflite_reader.CONV_2D)
        source = next(op for op in self.tflite.operators
                      if op.code == tflite_reader.DEQUANTIZE and op.outputs[0] == first_conv.inputs[1])
        w = self.tflite.tensors[source.inputs[0]]["data"]
        self.assertEqual(w.dtype, np.float16)
        converted = {i.name: numpy_helper.to_array(i) for i in self.converted.graph.initializer}
        conv = next(n for n in self.converted.graph.node if n.op_type == "Conv")
        np.testing.assert_array_equal(converted[conv.input[1] + "_fp16"], w.transpose(0, 3, 1, 2))


if __name__ == "__main__":
    unittest.main()
