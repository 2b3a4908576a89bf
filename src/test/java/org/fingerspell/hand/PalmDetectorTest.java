package org.fingerspell.hand;

import org.fingerspell.TestData;
import org.fingerspell.image.ImageLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PalmDetectorTest {

    @TempDir
    Path dir;

    private static Path model() {
        var model = DetectorLocator.find();
        Assumptions.assumeTrue(model.isPresent(), "skipped: the palm detector is not installed");
        return model.get();
    }

    @Test
    void detect_blackFrame_findsNothing() {
        try (PalmDetector detector = new PalmDetector(model())) {
            Mat black = new Mat(240, 320, CvType.CV_8UC3, new Scalar(0, 0, 0));
            try {
                assertTrue(detector.detect(black, 0).isEmpty());
            } finally {
                black.release();
            }
        }
    }

    @Test
    void detect_realHand_boxAndKeypointsInFramePixels() throws Exception {
        Path image = TestData.pack("phone-train").resolve("B").resolve("B0.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " is absent");
        try (PalmDetector detector = new PalmDetector(model());
             ImageLoader.LoadedImage loaded = new ImageLoader().load(image)) {
            List<PalmDetection> palms = detector.detect(loaded.bgr(), 0.25);
            assertFalse(palms.isEmpty());
            PalmDetection palm = palms.get(0);
            // Checked by eye: the palm of this 160×160 "B" lies around x 40..115, y 75..150, wrist below.
            assertEquals(75, palm.centerX(), 15);
            assertEquals(115, palm.centerY(), 15);
            assertTrue(palm.keypointY(PalmDetection.WRIST) > palm.keypointY(PalmDetection.MIDDLE_FINGER_BASE));
        }
    }

    @Test
    void detect_greyFrame_isAccepted() {
        try (PalmDetector detector = new PalmDetector(model())) {
            Mat grey = new Mat(100, 100, CvType.CV_8UC1, new Scalar(128));
            try {
                assertTrue(detector.detect(grey, 0).isEmpty());
            } finally {
                grey.release();
            }
        }
    }

    @Test
    void constructor_missingModel_throws() {
        assertThrows(IllegalArgumentException.class, () -> new PalmDetector(dir.resolve("absent.tflite")));
    }

    @Test
    void detect_sameFrameTwice_sameAnswer() {
        try (PalmDetector detector = new PalmDetector(model())) {
            Mat frame = new Mat(120, 160, CvType.CV_8UC3, new Scalar(90, 120, 160));
            Imgproc.circle(frame, new org.opencv.core.Point(80, 60), 30, new Scalar(60, 90, 200), -1);
            try {
                assertEquals(detector.detect(frame, 0.5).size(), detector.detect(frame, 0.5).size());
            } finally {
                frame.release();
            }
        }
    }
}
