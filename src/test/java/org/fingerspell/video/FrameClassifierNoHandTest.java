package org.fingerspell.video;

import com.google.gson.JsonObject;
import org.fingerspell.cli.TinyModel;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.DetectorLocator;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.model.OnnxClassifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a frame without a hand reads as, on still images ({@code no_hand_stills}) and on live video
 * ({@code no_hand}): the kilobyte crop classifier on a flat grey frame, in which the palm detector finds nothing.
 */
class FrameClassifierNoHandTest {

    @TempDir
    Path dir;

    private Path onnx;

    @BeforeEach
    void install() throws Exception {
        Assumptions.assumeTrue(DetectorLocator.find().isPresent(), "skipped: the palm detector is not installed");
        onnx = TinyModel.install(dir);
    }

    private void describe(String noHand, String noHandStills) throws Exception {
        JsonObject d = TinyModel.descriptor();
        JsonObject crop = d.getAsJsonObject("crop");
        crop.addProperty("mode", "hand");
        crop.addProperty("no_hand", noHand);
        if (noHandStills != null) {
            crop.addProperty("no_hand_stills", noHandStills);
        }
        Files.writeString(dir.resolve("tiny.json"), d.toString());
    }

    private FrameResult read(boolean stills) throws Exception {
        try (OnnxClassifier classifier = OnnxClassifier.load(onnx, DeviceChoice.CPU, 1);
             FrameClassifier frames = stills ? FrameClassifier.forStills(classifier, null)
                     : FrameClassifier.forVideo(classifier, null)) {
            Mat grey = new Mat(240, 320, CvType.CV_8UC3, new Scalar(128, 128, 128));
            try {
                return frames.classify(grey);
            } finally {
                grey.release();
            }
        }
    }

    private static void assertCertainNothing(FrameResult result) {
        assertFalse(result.classifierRan());
        assertEquals(Labels.NOTHING, result.classification().label());
        assertEquals(1.0, result.classification().confidence(), 0);
    }

    @Test
    void classify_stillsPolicyClassify_readsTheCentreWhileVideoReportsNothing() throws Exception {
        describe("nothing", "classify");
        FrameResult still = read(true);
        assertFalse(still.handFound());
        assertEquals(Crop.Source.NO_HAND, still.source());
        assertTrue(still.classifierRan(), "the centred square was classified");

        assertCertainNothing(read(false));
    }

    @Test
    void classify_withoutStillsPolicy_imagesFollowTheVideoPolicy() throws Exception {
        describe("nothing", null);
        assertCertainNothing(read(true));
        assertCertainNothing(read(false));
    }
}
