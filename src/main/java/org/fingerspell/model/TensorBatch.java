package org.fingerspell.model;

import java.nio.FloatBuffer;

/**
 * A batch of preprocessed images: {@code count} CHW tensors of {@code size}×{@code size}, back to back, in a direct
 * buffer positioned at 0, so ONNX Runtime reads it in place instead of copying it into one of its own.
 */
record TensorBatch(FloatBuffer data, int count, int size) {
}
