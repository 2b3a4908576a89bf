package org.fingerspell.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Hands ONNX Runtime the session's direct input buffer (read in place, not copied) and copies the outputs straight
 * back: every array is created on the context's manager, so DJL frees it when the prediction ends, and no NDArray
 * operation that ORT lacks (which would make DJL look for a second engine) is ever called. Every tensor is counted
 * by {@link LiveTensors}.
 */
final class FingerspellTranslator implements NoBatchifyTranslator<TensorBatch, RawOutputs> {

    private final String inputName;
    private final String logitsName;
    private final String embeddingName;

    FingerspellTranslator(ModelDescriptor descriptor) {
        this.inputName = descriptor.inputName();
        this.logitsName = descriptor.logitsOutput();
        this.embeddingName = descriptor.embeddingOutput();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TensorBatch batch) {
        NDArray input = ctx.getNDManager().create(batch.data(),
                new Shape(batch.count(), 3, batch.size(), batch.size()));
        input.setName(inputName);
        LiveTensors.track(input);
        return new NDList(input);
    }

    @Override
    public RawOutputs processOutput(TranslatorContext ctx, NDList list) {
        list.forEach(LiveTensors::track);
        NDArray logits = byName(list, logitsName, 0);
        NDArray embedding = embeddingName == null ? null : byName(list, embeddingName, -1);
        long[] logitShape = logits.getShape().getShape();
        int classes = (int) logitShape[logitShape.length - 1];
        float[] embeddingValues = embedding == null ? null : embedding.toFloatArray();
        int dim = embedding == null ? 0 : (int) embedding.getShape().get(embedding.getShape().dimension() - 1);
        return new RawOutputs(logits.toFloatArray(), classes, embeddingValues, dim);
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }

    private static NDArray byName(NDList list, String name, int fallbackIndex) {
        for (NDArray array : list) {
            if (name.equals(array.getName())) {
                return array;
            }
        }
        if (fallbackIndex >= 0 && fallbackIndex < list.size()) {
            return list.get(fallbackIndex);
        }
        return null;
    }
}
