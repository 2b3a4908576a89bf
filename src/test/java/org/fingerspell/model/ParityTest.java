package org.fingerspell.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.fingerspell.hand.CentredSquareCropper;
import org.fingerspell.hand.Crop;
import org.fingerspell.image.ImageLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java classifier (OpenCV preprocessing + ONNX Runtime) must agree with the PyTorch model that was exported:
 * {@code training/export.py} stored PyTorch's probabilities for real images in {@code <model>.reference.json}.
 */
class ParityTest {

    @Test
    void committedModel_agreesWithPyTorchOnRealImages() throws Exception {
        Path model = TestData.committedModel();
        Path referenceFile = model.resolveSibling(model.getFileName().toString().replace(".onnx", ".reference.json"));
        assertTrue(Files.isRegularFile(referenceFile), "the export writes " + referenceFile + " beside the model");
        TestData.pack("kaggle-test");
        JsonObject reference = JsonParser.parseString(Files.readString(referenceFile)).getAsJsonObject();
        JsonArray items = reference.getAsJsonArray("items");
        double tolerance = reference.get("tolerance").getAsDouble();
        assertTrue(items.size() >= 50, "at least 50 reference images, got " + items.size());
        assertTrue(tolerance <= 1e-3, "tolerance " + tolerance);

        ImageLoader loader = new ImageLoader();
        List<String> disagreements = new ArrayList<>();
        double worst = 0;
        try (OnnxClassifier classifier = OnnxClassifier.load(model, DeviceChoice.CPU, 0);
             ClassifierSession session = classifier.newSession();
             CentredSquareCropper cropper = new CentredSquareCropper()) {
            for (JsonElement element : items) {
                JsonObject item = element.getAsJsonObject();
                Path image = TestData.dataRoot().resolve(item.get("path").getAsString());
                Classification java;
                try (ImageLoader.LoadedImage loaded = loader.load(image); Crop crop = cropper.crop(loaded.bgr())) {
                    java = session.classify(crop.image());
                }
                JsonArray torch = item.getAsJsonArray("probs");
                double[] mine = java.probabilities();
                for (int i = 0; i < mine.length; i++) {
                    worst = Math.max(worst, Math.abs(mine[i] - torch.get(i).getAsDouble()));
                }
                if (!java.label().equals(item.get("top1").getAsString())) {
                    disagreements.add(item.get("path").getAsString() + ": java " + java.label()
                            + ", torch " + item.get("top1").getAsString());
                }
            }
        }
        System.out.printf("parity: %d images, max |p_java - p_torch| = %.2e%n", items.size(), worst);
        assertEquals(List.of(), disagreements, "top-1 must agree on every image");
        assertTrue(worst < tolerance, "max probability difference " + worst + " >= " + tolerance);
    }
}
