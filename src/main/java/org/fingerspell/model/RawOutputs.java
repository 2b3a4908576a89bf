package org.fingerspell.model;

/** The model's outputs for a batch, copied out of native memory: logits [n×classes], embedding [n×dim] or null. */
record RawOutputs(float[] logits, int classes, float[] embedding, int embeddingDim) {
}
