package org.fingerspell.hand;

import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CroppersTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty("fingerspell.detector");
    }

    @Test
    void handCropper_detectorMissing_fallsBackToTheGuideBox() {
        // A property naming a missing file is skipped; the user cache may still hold the real detector.
        System.setProperty("fingerspell.detector", dir.resolve("missing.tflite").toString());
        OpenCv.load();
        Mat frame = new Mat(120, 200, CvType.CV_8UC3, new Scalar(0, 0, 0));
        try (HandCropper cropper = Croppers.handCropper(0.1, false, HandCropper.Tracking.OFF);
             Crop crop = cropper.crop(frame)) {
            if (!cropper.hasDetector()) {
                assertEquals(Crop.Source.FALLBACK, crop.source());
                assertTrue(crop.handFound());
                assertTrue(cropper.describe().contains("guide box"));
            } else {
                assertEquals(Crop.Source.NO_HAND, crop.source()); // an empty black frame holds no hand
            }
            assertEquals(CropRegion.centredSquare(200, 120), crop.region());
            assertEquals(120, crop.image().cols());
        } finally {
            frame.release();
        }
    }

    @Test
    void forPolicy_wholeMode_isTheCentredSquare() throws Exception {
        Path json = dir.resolve("m.json");
        java.nio.file.Files.writeString(json, "{\"crop\": {\"mode\": \"whole\", \"margin\": 0}}");
        var policy = new com.google.gson.Gson().fromJson(java.nio.file.Files.readString(json),
                TestDescriptor.class).crop;
        assertInstanceOf(CentredSquareCropper.class, Croppers.forPolicy(policy));
    }

    @Test
    void forPolicy_handMode_isTheHandCropper() throws Exception {
        var policy = new com.google.gson.Gson().fromJson("{\"crop\": {\"mode\": \"hand\", \"margin\": 0.1}}",
                TestDescriptor.class).crop;
        try (Cropper cropper = Croppers.forPolicy(policy)) {
            assertInstanceOf(HandCropper.class, cropper);
        }
    }

    /** Only the crop block of a model descriptor. */
    static final class TestDescriptor {
        org.fingerspell.model.ModelDescriptor.CropPolicy crop;
    }
}
