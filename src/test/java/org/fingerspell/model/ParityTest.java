package org.fingerspell.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.fingerspell.hand.CentredSquareCropper;
import org.fingerspell.hand.Crop;
import org.fingerspell.image.ImageLoader;
import org.junit.jupiter.api.Assumptions;
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
 * The int8 variant, where present, is held to the same top-1 on the fp32 model's reference.
 */
class ParityTest {

    /**
     * How far int8 may move a probability on these images; top-1 must not move at all. Measured: 0.023 for the
     * 112-px builds, 0.059 for 0.5.0 at 160 px (one low-confidence image, p 0.40; the next 0.025), while that build
     * matches or beats fp32 accuracy on every test set (docs/performance/int8.md). A broken quantisation moves
     * probabilities by tenths and flips top-1s.
     */
    private static final double INT8_TOLERANCE = 0.08;

    @Test
    void committedModel_agreesWithPyTorchOnRealImages() throws Exception {
        Path model = TestData.committedModel();
        Path referenceFile = referenceBeside(model);
        assertTrue(Files.isRegularFile(referenceFile), "the export writes " + referenceFile + " beside the model");
        JsonObject reference = readReference(referenceFile);
        double tolerance = reference.get("tolerance").getAsDouble();
        assertTrue(tolerance <= 1e-3, "tolerance " + tolerance);
        assertAgrees(model, reference, tolerance);
    }

    /** The int8 variant (training/quantize.py) against the fp32 model's PyTorch reference, with a looser tolerance. */
    @Test
    void int8Model_agreesWithFp32PyTorchOnRealImages() throws Exception {
        Path fp32 = TestData.committedModel();
        Path int8 = fp32.resolveSibling("fingerspell-int8.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(int8), "skipped: no int8 model at " + int8);
        assertAgrees(int8, readReference(referenceBeside(fp32)), INT8_TOLERANCE);
    }

    private static Path referenceBeside(Path model) {
        return model.resolveSibling(model.getFileName().toString().replace(".onnx", ".reference.json"));
    }

    private static JsonObject readReference(Path referenceFile) throws Exception {
        return JsonParser.parseString(Files.readString(referenceFile)).getAsJsonObject();
    }

    private static void assertAgrees(Path model, JsonObject reference, double tolerance) throws Exception {
        TestData.pack("kaggle-test");
        JsonArray items = reference.getAsJsonArray("items");
        assertTrue(items.size() >= 50, "at least 50 reference images, got " + items.size());

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
        System.out.printf("parity %s: %d images, max |p_java - p_torch| = %.2e%n", model.getFileName(), items.size(),
                worst);
        assertEquals(List.of(), disagreements, "top-1 must agree on every image");
        assertTrue(worst < tolerance, "max probability difference " + worst + " >= " + tolerance);
    }
}
