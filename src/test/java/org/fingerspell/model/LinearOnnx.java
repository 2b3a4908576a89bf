package org.fingerspell.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a one-layer ONNX network, {@code output = input · weights + bias} (one Gemm, float [N, in] → [N, out]),
 * straight as protobuf bytes: tests get a model whose every output they can compute by hand, with no binary
 * fixture and no Python.
 */
public final class LinearOnnx {

    private LinearOnnx() {
    }

    /**
     * @param weights {@code weights[i][j]}: how much input {@code i} adds to output {@code j}
     * @param bias    one value per output
     */
    public static Path write(Path file, String inputName, String outputName, float[][] weights, float[] bias)
            throws IOException {
        int in = weights.length;
        int out = bias.length;
        ByteBuffer w = ByteBuffer.allocate(in * out * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : weights) {
            for (float value : row) {
                w.putFloat(value);
            }
        }
        ByteBuffer b = ByteBuffer.allocate(out * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : bias) {
            b.putFloat(value);
        }
        Proto node = new Proto().string(1, inputName).string(1, "W").string(1, "B").string(2, outputName)
                .string(3, "linear").string(4, "Gemm");
        Proto graph = new Proto().message(1, node).string(2, "linear")
                .message(5, tensor("W", w.array(), in, out)).message(5, tensor("B", b.array(), out))
                .message(11, valueInfo(inputName, in)).message(12, valueInfo(outputName, out));
        Proto model = new Proto().varint(1, 8).string(2, "fingerspell-tests")
                .message(8, new Proto().string(1, "").varint(2, 13)).message(7, graph);
        Files.write(file, model.bytes());
        return file;
    }

    private static Proto tensor(String name, byte[] raw, long... dims) {
        Proto tensor = new Proto();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, 1).string(8, name).bytes(9, raw);
    }

    /** A float tensor [N, width], N free. */
    private static Proto valueInfo(String name, int width) {
        Proto shape = new Proto().message(1, new Proto().string(2, "N")).message(1, new Proto().varint(1, width));
        Proto tensorType = new Proto().varint(1, 1).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** Just enough of the protobuf wire format: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            raw((long) field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
