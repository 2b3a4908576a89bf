package org.fingerspell.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The classifier of a hand's landmarks: 64 floats in (21 points × x, y, z in frame pixels, then the landmark model's
 * presence), one logit per label out, in the descriptor's label order. Thread-safe.
 */
public final class LandmarkClassifier implements AutoCloseable {

    /** 21 points × 3 coordinates + presence. */
    public static final int FEATURES = 64;

    private final OrtModel model;
    private final String inputName;
    private final String logitsOutput;
    private final int classes;

    private LandmarkClassifier(OrtModel model, String inputName, String logitsOutput, int classes) {
        this.model = model;
        this.inputName = inputName;
        this.logitsOutput = logitsOutput;
        this.classes = classes;
    }

    /**
     * Opens the classifier the descriptor's landmark section names, beside {@code modelFile}, and checks that it
     * takes [N, 64] and returns one logit per label.
     */
    public static LandmarkClassifier open(Path modelFile, ModelDescriptor descriptor, SessionSettings settings)
            throws ModelException {
        ModelDescriptor.Landmarks spec = descriptor.landmarks();
        if (spec == null) {
            throw new IllegalArgumentException(descriptor.name() + " has no landmarks section");
        }
        OrtModel model = OrtModel.open(spec.classifierFile(modelFile), settings, "landmark classifier");
        try {
            int classes = descriptor.labels().size();
            long[] input = model.shapeOf(model.inputs(), spec.inputName());
            if (model.inputs().size() != 1 || !OrtModel.matches(input, -1, FEATURES)) {
                throw new ModelException(model.file() + ": the landmark classifier must take one input [N, "
                        + FEATURES + "], not " + model.inputs().keySet() + " " + OrtModel.describe(input));
            }
            long[] logits = model.shapeOf(model.outputs(), spec.logitsOutput());
            if (!OrtModel.matches(logits, -1, classes)) {
                throw new ModelException(model.file() + ": output '" + spec.logitsOutput() + "' is "
                        + OrtModel.describe(logits) + " but the descriptor has " + classes + " labels");
            }
            return new LandmarkClassifier(model, spec.inputName(), spec.logitsOutput(), classes);
        } catch (ModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The logits for one hand's 64 features ({@code HandLandmarks.features()}). */
    public float[] logits(float[] features) throws ModelException {
        if (features.length != FEATURES) {
            throw new IllegalArgumentException("expected " + FEATURES + " features, not " + features.length);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(OrtModel.environment(), FloatBuffer.wrap(features),
                new long[] {1, FEATURES});
             OrtSession.Result result = model.session().run(Map.of(inputName, input))) {
            OnnxValue value = result.get(logitsOutput).orElseThrow();
            float[] logits = new float[classes];
            ((OnnxTensor) value).getFloatBuffer().get(logits);
            return logits;
        } catch (OrtException e) {
            throw new ModelException(model.file() + ": landmark classification failed: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return model.file();
    }

    @Override
    public void close() {
        model.close();
    }
}
