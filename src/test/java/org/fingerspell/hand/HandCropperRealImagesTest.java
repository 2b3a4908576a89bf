package org.fingerspell.hand;

import org.fingerspell.TestData;
import org.fingerspell.image.ImageLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector on real images from {@code ../shared/data}: the hand square must hold the palm centre, and the
 * default policy crop (margin {@link HandCropper#DEFAULT_MARGIN}) at least 90% of the hand. The fixtures were
 * checked by eye once (hand extent and palm centre read off the image with the detections drawn on it).
 */
class HandCropperRealImagesTest {

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @CsvSource({
        // pack,        class, file,                               hand x0, y0,  x1,  y1, palm cx, cy
        "kaggle-test,   F,     F_test.jpg,                          60,  20, 160, 195,   110, 130",
        "phone-train,   B,     B0.jpg,                              30,   0, 120, 160,    75, 115",
        "phone-train,   L,     L0.jpg,                              15,   0, 140, 150,    50,  95",
        "massey,        A,     hand1_a_bot_seg_1_cropped.jpg,       20,   0, 140, 160,    80,  95",
        "massey,        Y,     hand1_y_bot_seg_1_cropped.jpg,        0,   0, 160, 160,    78, 100",
    })
    void locate_realHand_squareHoldsTheHand(String pack, String label, String file, double x0, double y0,
                                            double x1, double y1, double palmX, double palmY) throws Exception {
        Path image = TestData.pack(pack).resolve(label).resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " is absent");
        Optional<Path> model = DetectorLocator.find();
        Assumptions.assumeTrue(model.isPresent(), "skipped: the palm detector is not installed");
        try (HandCropper cropper = new HandCropper(new PalmDetector(model.get()), 0, false,
                HandCropper.STILL_ATTEMPTS, HandCropper.Tracking.OFF);
             ImageLoader.LoadedImage loaded = new ImageLoader().load(image)) {
            HandCropper.Location location = cropper.locate(loaded.bgr());

            assertEquals(Crop.Source.DETECTED, location.source());
            assertTrue(location.score() >= 0.5, "score " + location.score());
            CropRegion hand = location.hand();
            assertTrue(contains(hand, palmX, palmY), "palm centre outside " + hand);
            CropRegion crop = HandGeometry.policyRegion(hand, HandCropper.DEFAULT_MARGIN,
                    HandCropper.DEFAULT_ROTATE_UPRIGHT);
            double covered = coverage(crop, x0, y0, x1, y1);
            assertTrue(covered >= 0.9, String.format("crop %s covers %.0f%% of the hand", crop, covered * 100));
            assertTrue(hand.side() <= 2 * Math.max(x1 - x0, y1 - y0), "hand square too large: " + hand);
        }
    }

    /** Whether (x, y) lies in the (rotated) square. */
    static boolean contains(CropRegion r, double x, double y) {
        double a = Math.toRadians(r.rotationDegrees());
        double dx = x - r.centerX();
        double dy = y - r.centerY();
        double u = dx * Math.cos(a) + dy * Math.sin(a);
        double v = -dx * Math.sin(a) + dy * Math.cos(a);
        return Math.abs(u) <= r.side() / 2 && Math.abs(v) <= r.side() / 2;
    }

    /** The share of a grid over the box that lies in the square. */
    static double coverage(CropRegion r, double x0, double y0, double x1, double y1) {
        int inside = 0;
        int n = 20;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (contains(r, x0 + (x1 - x0) * (i + 0.5) / n, y0 + (y1 - y0) * (j + 0.5) / n)) {
                    inside++;
                }
            }
        }
        return inside / (double) (n * n);
    }
}
