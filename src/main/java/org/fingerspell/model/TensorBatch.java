package org.fingerspell.model;

/** A batch of preprocessed images: {@code count} CHW tensors of {@code size}×{@code size}, back to back. */
record TensorBatch(float[] data, int count, int size) {
}
