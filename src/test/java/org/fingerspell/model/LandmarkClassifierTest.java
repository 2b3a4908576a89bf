package org.fingerspell.model;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandmarkClassifierTest {

    private static final SessionSettings ONE_THREAD = SessionSettings.defaults(1);

    @TempDir
    Path dir;

    /** m.onnx's descriptor (the file itself is not needed) naming {@code classifier} as its landmark classifier. */
    private Path modelNaming(String classifier) throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.add("landmarks", DescriptorFixtures.landmarks("hand.onnx", classifier, 0.5));
        DescriptorFixtures.write(dir, "m.json", json);
        return dir.resolve("m.onnx");
    }

    private static float[][] weights(int in, int out) {
        return new float[in][out];
    }

    @Test
    void logits_linearModel_areFeaturesTimesWeightsPlusBias() throws Exception {
        int classes = Labels.count();
        float[][] w = weights(LandmarkClassifier.FEATURES, classes);
        w[0][0] = 1;      // x of the wrist → A
        w[63][2] = 2;     // presence → C, twice
        float[] b = new float[classes];
        b[1] = 10;        // B, always
        LinearOnnx.write(dir.resolve("lm.onnx"), "landmarks", "logits", w, b);
        Path model = modelNaming("lm.onnx");
        float[] features = new float[LandmarkClassifier.FEATURES];
        features[0] = 123.5f;
        features[63] = 0.75f;
        try (LandmarkClassifier classifier = LandmarkClassifier.open(model, ModelDescriptor.forModel(model),
                ONE_THREAD)) {
            float[] expected = new float[classes];
            expected[0] = 123.5f;
            expected[1] = 10;
            expected[2] = 1.5f;
            assertArrayEquals(expected, classifier.logits(features), 1e-4f);
        }
    }

    @Test
    void open_inputOfAnotherWidth_saysWhatItMustTake() throws Exception {
        LinearOnnx.write(dir.resolve("lm.onnx"), "landmarks", "logits", weights(42, Labels.count()),
                new float[Labels.count()]);
        ModelException e = openError(modelNaming("lm.onnx"));
        assertTrue(e.getMessage().contains("[N, 64]"), e.getMessage());
    }

    @Test
    void open_tenOutputs_saysTheDescriptorHasMoreLabels() throws Exception {
        LinearOnnx.write(dir.resolve("lm.onnx"), "landmarks", "logits", weights(64, 10), new float[10]);
        ModelException e = openError(modelNaming("lm.onnx"));
        assertTrue(e.getMessage().contains(Labels.count() + " labels"), e.getMessage());
    }

    @Test
    void open_outputNamedOtherwise_namesTheMissingOutput() throws Exception {
        LinearOnnx.write(dir.resolve("lm.onnx"), "landmarks", "scores", weights(64, Labels.count()),
                new float[Labels.count()]);
        ModelException e = openError(modelNaming("lm.onnx"));
        assertTrue(e.getMessage().contains("'logits'"), e.getMessage());
    }

    @Test
    void open_missingFile_saysNotFound() throws Exception {
        ModelException e = openError(modelNaming("absent.onnx"));
        assertTrue(e.getMessage().contains("absent.onnx") && e.getMessage().contains("not found"), e.getMessage());
    }

    private static ModelException openError(Path model) throws Exception {
        ModelDescriptor descriptor = ModelDescriptor.forModel(model);
        return assertThrows(ModelException.class, () -> LandmarkClassifier.open(model, descriptor, ONE_THREAD).close());
    }
}
