package org.fingerspell.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed landmark classifier in ONNX Runtime must give the logits PyTorch gave for the same 64 numbers:
 * {@code training/train_landmarks.py --install} writes them beside the model. The normalisation and the features
 * live inside the ONNX graph, so this also checks that their export kept the maths.
 */
class LandmarkClassifierParityTest {

    @Test
    void committedLandmarkClassifier_agreesWithPyTorch() throws Exception {
        Path model = TestData.committedModel();
        ModelDescriptor descriptor = ModelDescriptor.forModel(model);
        assertTrue(descriptor.landmarks() != null, "the committed descriptor names a landmark classifier");
        Path referenceFile = descriptor.landmarks().classifierFile(model).resolveSibling(
                descriptor.landmarks().classifierFile(model).getFileName().toString()
                        .replace(".onnx", ".reference.json"));
        assertTrue(Files.isRegularFile(referenceFile), "--install writes " + referenceFile + " beside the model");
        JsonObject reference = JsonParser.parseString(Files.readString(referenceFile)).getAsJsonObject();
        double tolerance = reference.get("tolerance").getAsDouble();
        assertTrue(tolerance <= 1e-3, "tolerance " + tolerance);
        JsonArray items = reference.getAsJsonArray("items");
        assertTrue(items.size() >= 30, "at least 30 reference rows, got " + items.size());

        try (LandmarkClassifier classifier = LandmarkClassifier.open(model, descriptor, SessionSettings.defaults(1))) {
            for (JsonElement element : items) {
                JsonObject item = element.getAsJsonObject();
                float[] input = floats(item.getAsJsonArray("input"));
                float[] expected = floats(item.getAsJsonArray("logits"));
                float[] actual = classifier.logits(input);
                assertEquals(expected.length, actual.length);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], tolerance, item.get("file").getAsString() + " logit " + i);
                }
            }
        }
    }

    private static float[] floats(JsonArray array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsFloat();
        }
        return values;
    }
}
