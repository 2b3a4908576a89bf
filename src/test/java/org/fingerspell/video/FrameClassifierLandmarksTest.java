package org.fingerspell.video;

import com.google.gson.JsonObject;
import org.fingerspell.TestData;
import org.fingerspell.cli.TinyModel;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.DetectorLocator;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.DescriptorFixtures;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.model.LandmarkClassifier;
import org.fingerspell.model.LinearOnnx;
import org.fingerspell.model.LogitFusion;
import org.fingerspell.model.OnnxClassifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The landmark path through {@link FrameClassifier}: the kilobyte crop classifier, the real hand landmark model and
 * a linear landmark classifier whose logits are known (B gets {@value #B_LOGIT}, the rest 0), on a real hand.
 */
class FrameClassifierLandmarksTest {

    private static final float B_LOGIT = 8;

    @TempDir
    Path dir;

    private Path image;
    private Path onnx;

    @BeforeEach
    void install() throws Exception {
        image = TestData.pack("kaggle-train").resolve("A").resolve("A10.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " is absent");
        Assumptions.assumeTrue(DetectorLocator.find().isPresent(), "skipped: the palm detector is not installed");
        Path landmarkModel = TestData.repoRoot().resolve("models/hand_landmark_full.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(landmarkModel), "skipped: no " + landmarkModel);
        Files.copy(landmarkModel, dir.resolve("hand.onnx"));
        float[] bias = new float[Labels.count()];
        bias[Labels.indexOf("B")] = B_LOGIT;
        LinearOnnx.write(dir.resolve("lm.onnx"), "landmarks", "logits",
                new float[LandmarkClassifier.FEATURES][Labels.count()], bias);
        onnx = TinyModel.install(dir);
    }

    /** The tiny model's descriptor with this crop mode and, when {@code weight} ≥ 0, a landmarks section. */
    private void describe(String cropMode, double weight) throws Exception {
        describe(cropMode, weight, 0);
    }

    /** The same, the landmarks section asking palms for a presence of {@code minPresence} when it is above 0. */
    private void describe(String cropMode, double weight, double minPresence) throws Exception {
        JsonObject d = TinyModel.descriptor();
        d.getAsJsonObject("crop").addProperty("mode", cropMode);
        if (weight >= 0) {
            JsonObject landmarks = DescriptorFixtures.landmarks("hand.onnx", "lm.onnx", weight);
            if (minPresence > 0) {
                landmarks.addProperty("min_presence", minPresence);
            }
            d.add("landmarks", landmarks);
        }
        Files.writeString(dir.resolve("tiny.json"), d.toString());
    }

    private FrameResult read() throws Exception {
        try (OnnxClassifier classifier = OnnxClassifier.load(onnx, DeviceChoice.CPU, 1);
             LandmarkModels landmarks = LandmarkModels.forModel(classifier);
             FrameClassifier frames = FrameClassifier.forStills(classifier, landmarks);
             ImageLoader.LoadedImage loaded = new ImageLoader().load(image)) {
            return frames.classify(loaded.bgr());
        }
    }

    @Test
    void classify_handAndLandmarks_blendsTheTwoReadingsByTheWeight() throws Exception {
        describe("hand", -1);
        FrameResult alone = read();
        describe("hand", 0.6);
        FrameResult fused = read();

        assertEquals(Crop.Source.DETECTED, fused.source());
        assertNull(alone.landmarks());
        assertNotNull(fused.landmarks());
        assertTrue(fused.landmarks().presence() > 0.9, "presence " + fused.landmarks().presence());
        float[] landmarkLogits = new float[Labels.count()];
        landmarkLogits[Labels.indexOf("B")] = B_LOGIT;
        assertArrayEquals(LogitFusion.fuse(alone.classification().probabilities(), landmarkLogits, 0.6),
                fused.classification().probabilities(), 1e-9);
    }

    /**
     * kaggle-test's backlit D: the first palm is two of its fingers. With {@code min_presence} the reader takes the
     * whole hand a later pass finds, with the landmarks the check read there.
     */
    @Test
    void classify_minPresence_readsTheWholeHandInsteadOfAPalmThatIsNoHand() throws Exception {
        image = TestData.pack("kaggle-test").resolve("D").resolve("D_test.jpg");
        describe("hand", 0.6);
        FrameResult plain = read();
        describe("hand", 0.6, 0.5);
        FrameResult checked = read();

        assertTrue(plain.landmarks().presence() < 0.5, "presence " + plain.landmarks().presence());
        assertTrue(plain.region().side() < 100, "side " + plain.region().side());
        assertEquals(Crop.Source.DETECTED, checked.source());
        assertTrue(checked.landmarks().presence() >= 0.5, "presence " + checked.landmarks().presence());
        assertTrue(checked.region().side() > 150, "the whole hand: side " + checked.region().side());
    }

    @Test
    void classify_landmarksWeightOne_readsWhatTheLandmarkClassifierSays() throws Exception {
        describe("hand", 1.0);
        FrameResult result = read();
        assertEquals("B", result.classification().label());
    }

    @Test
    void classify_wholeFramePolicy_hasNoHandSquareSoTheCropClassifierReadsAlone() throws Exception {
        describe("whole", -1);
        FrameResult alone = read();
        describe("whole", 1.0);
        FrameResult result = read();
        assertNull(result.landmarks());
        assertArrayEquals(alone.classification().probabilities(), result.classification().probabilities(), 1e-12);
    }
}
