package org.fingerspell.hand;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.SessionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand landmark model on real images from {@code ../shared/data}: the hand squares come from the palm detector,
 * as in the app. Skipped with a message when the images, the detector or the model file are absent.
 */
class HandLandmarkerTest {

    private static final Path REFERENCE = TestData.repoRoot().resolve("src/test/resources/landmarks/reference.json");

    private static HandLandmarker landmarker;

    @BeforeAll
    static void open() throws ModelException {
        OpenCv.load();
        Path model = TestData.repoRoot().resolve("models/hand_landmark_full.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(model), "skipped: no hand landmark model at " + model);
        landmarker = HandLandmarker.open(model, SessionSettings.defaults(1));
    }

    @AfterAll
    static void close() {
        if (landmarker != null) {
            landmarker.close();
        }
    }

    private static Path image(String pack, String label, String file) {
        Path image = TestData.pack(pack).resolve(label).resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " is absent");
        return image;
    }

    /** The hand square the app would use (palm detector, every still pass). */
    private static CropRegion handSquare(Mat bgr) {
        Optional<Path> detector = DetectorLocator.find();
        Assumptions.assumeTrue(detector.isPresent(), "skipped: the palm detector is not installed");
        try (HandCropper cropper = new HandCropper(new PalmDetector(detector.get()), 0, false,
                HandCropper.STILL_ATTEMPTS, HandCropper.Tracking.OFF)) {
            CropRegion hand = cropper.locate(bgr).hand();
            assertTrue(hand != null, "the detector found no hand");
            return hand;
        }
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @CsvSource({
        "kaggle-train, A, A10.jpg",
        "kaggle-test,  F, F_test.jpg",
        "phone-train,  B, B0.jpg",
        "massey,       Y, hand1_y_bot_seg_1_cropped.jpg",
    })
    void locate_realHand_isPresentAndInsideItsSquare(String pack, String label, String file) throws Exception {
        try (ImageLoader.LoadedImage loaded = new ImageLoader().load(image(pack, label, file))) {
            CropRegion square = handSquare(loaded.bgr());

            HandLandmarks hand = landmarker.locate(loaded.bgr(), square);

            assertTrue(hand.presence() > 0.9, "presence " + hand.presence());
            for (int i = 0; i < HandLandmarks.COUNT; i++) {
                assertTrue(HandCropperRealImagesTest.contains(HandGeometry.scaled(square, 1.2), hand.x(i), hand.y(i)),
                        "landmark " + i + " (" + hand.x(i) + ", " + hand.y(i) + ") outside " + square);
            }
        }
    }

    /**
     * Turning the frame a quarter clockwise, and the square with it, shows the model the same pixels: the landmarks
     * must come back turned the same way. A wrong sign or centre in the cut or in the way back would break this.
     */
    @Test
    void locate_frameTurnedAQuarter_givesTheSameLandmarksTurned() throws Exception {
        try (ImageLoader.LoadedImage loaded = new ImageLoader().load(image("kaggle-train", "A", "A10.jpg"))) {
            Mat frame = loaded.bgr();
            CropRegion square = handSquare(frame);
            HandLandmarks upright = landmarker.locate(frame, square);
            Mat turned = new Mat();
            try {
                Core.rotate(frame, turned, Core.ROTATE_90_CLOCKWISE);
                // clockwise a quarter, pixel centres at integers: (x, y) → (H − 1 − y, x)
                double h = frame.rows();
                CropRegion turnedSquare = new CropRegion(h - 1 - square.centerY(), square.centerX(), square.side(),
                        HandGeometry.normaliseDegrees(square.rotationDegrees() + 90));
                HandLandmarks turnedHand = landmarker.locate(turned, turnedSquare);

                assertEquals(upright.presence(), turnedHand.presence(), 0.01);
                for (int i = 0; i < HandLandmarks.COUNT; i++) {
                    assertEquals(h - 1 - upright.y(i), turnedHand.x(i), 2.0, "x of landmark " + i);
                    assertEquals(upright.x(i), turnedHand.y(i), 2.0, "y of landmark " + i);
                    assertEquals(upright.z(i), turnedHand.z(i), 2.0, "z of landmark " + i);
                }
            } finally {
                turned.release();
            }
        }
    }

    /** The Python reference (onnxruntime on the same file, cv2.warpAffine cut), where the lead has written it. */
    @Test
    void locate_referenceEntries_matchThePythonReference() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(REFERENCE), "skipped: no " + REFERENCE);
        JsonElement root = JsonParser.parseString(Files.readString(REFERENCE));
        // {"note": ..., "entries": [...]}, or the bare list of entries
        JsonArray entries = root.isJsonArray() ? root.getAsJsonArray()
                : root.getAsJsonObject().getAsJsonArray("entries");
        assertTrue(entries.size() > 0, "empty reference");
        ImageLoader loader = new ImageLoader();
        for (JsonElement element : entries) {
            JsonObject e = element.getAsJsonObject();
            Path file = TestData.pack(e.get("pack").getAsString()).resolve(e.get("file").getAsString());
            CropRegion square = new CropRegion(e.get("center_x").getAsDouble(), e.get("center_y").getAsDouble(),
                    e.get("side").getAsDouble(), e.get("rotation_degrees").getAsDouble());
            try (ImageLoader.LoadedImage loaded = loader.load(file)) {
                HandLandmarks hand = landmarker.locate(loaded.bgr(), square);
                assertEquals(e.get("presence").getAsDouble(), hand.presence(), 0.01, file + " presence");
                JsonArray expected = e.getAsJsonArray("landmarks");
                float[] points = hand.points();
                for (int i = 0; i < HandLandmarks.VALUES; i++) {
                    assertEquals(expected.get(i).getAsDouble(), points[i], 0.5, file + " value " + i);
                }
            }
        }
    }

    @Test
    void open_missingFile_saysNotFound(@TempDir Path dir) {
        ModelException e = assertThrows(ModelException.class,
                () -> HandLandmarker.open(dir.resolve("absent.onnx"), SessionSettings.defaults(1)));
        assertTrue(e.getMessage().contains("absent.onnx") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void open_aClassifierInstead_saysWhatInputItNeeds(@TempDir Path dir) throws Exception {
        Path tiny = dir.resolve("tiny.onnx");
        try (InputStream in = HandLandmarkerTest.class.getResourceAsStream("/models/tiny.onnx")) {
            Files.copy(in, tiny);
        }
        ModelException e = assertThrows(ModelException.class,
                () -> HandLandmarker.open(tiny, SessionSettings.defaults(1)));
        assertTrue(e.getMessage().contains("[N, 224, 224, 3]"), e.getMessage());
    }
}
