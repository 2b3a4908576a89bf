package org.fingerspell.video;

import org.fingerspell.TestData;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.DetectorLocator;
import org.fingerspell.hand.HandLandmarks;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.Classification;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.model.OnnxClassifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A left hand's frame is read mirrored, and what was found is mapped back onto the frame as it came in. */
class HandedReaderTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    /** Remembers the first pixel row of the frame it was given and answers with a fixed region and landmarks. */
    private static final class Recording implements FrameReader {
        byte[] firstRow;
        Mat given;
        boolean closed;

        @Override
        public FrameResult classify(Mat bgrFrame) {
            given = bgrFrame;
            firstRow = new byte[bgrFrame.cols()];
            bgrFrame.row(0).get(0, 0, firstRow);
            float[] points = new float[HandLandmarks.VALUES];
            points[0] = 10;
            points[1] = 20;
            points[2] = -3;
            points[3] = 85.5f;
            Classification reading = new Classification(Labels.ALL, new double[Labels.count()], null);
            return new FrameResult(reading, new CropRegion(30, 40, 20, 12), true, 0.9, Crop.Source.DETECTED, true,
                    new HandLandmarks(points, 0.8f, 0.75f));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Mat ramp() {
        Mat frame = new Mat(2, 100, CvType.CV_8UC1);
        byte[] row = new byte[100];
        for (int x = 0; x < 100; x++) {
            row[x] = (byte) x;
        }
        frame.put(0, 0, row);
        frame.put(1, 0, row);
        return frame;
    }

    @Test
    void rightHand_passesTheFrameAndTheResultThrough() throws Exception {
        Recording inner = new Recording();
        Mat frame = ramp();
        FrameResult result = new HandedReader(inner, () -> SigningHand.RIGHT).classify(frame);
        assertSame(frame, inner.given);
        assertEquals(new CropRegion(30, 40, 20, 12), result.region());
        assertEquals(10, result.landmarks().x(0));
        frame.release();
    }

    @Test
    void leftHand_readsTheMirroredFrameAndMapsTheHandBack() throws Exception {
        Recording inner = new Recording();
        Mat frame = ramp();
        FrameResult result = new HandedReader(inner, () -> SigningHand.LEFT).classify(frame);
        assertEquals(99, inner.firstRow[0], "the reader sees the frame mirrored");
        assertEquals(0, inner.firstRow[99]);
        assertEquals(0, frame.get(0, 0)[0], "the caller's frame is left as it was");
        assertEquals(new CropRegion(70, 40, 20, -12), result.region(), "centre mirrored, turn reversed");
        HandLandmarks hand = result.landmarks();
        assertEquals(90, hand.x(0));
        assertEquals(20, hand.y(0));
        assertEquals(-3, hand.z(0));
        assertEquals(14.5f, hand.x(1));
        assertEquals(0.8f, hand.presence());
        assertEquals(0.25f, hand.handedness(), 1e-6, "a right hand in the mirrored frame is a left hand here");
        frame.release();
    }

    @Test
    void theHandIsAskedForOnEveryFrame() throws Exception {
        Recording inner = new Recording();
        AtomicReference<SigningHand> hand = new AtomicReference<>(SigningHand.RIGHT);
        Mat frame = ramp();
        try (HandedReader reader = new HandedReader(inner, hand::get)) {
            reader.classify(frame);
            assertEquals(0, inner.firstRow[0]);
            hand.set(SigningHand.LEFT);
            reader.classify(frame);
            assertEquals(99, inner.firstRow[0]);
        }
        assertTrue(inner.closed, "closing the wrapper closes the reader");
        frame.release();
    }

    @Test
    void parse_acceptsBothHandsInAnyCase_andRejectsOthers() {
        assertEquals(SigningHand.LEFT, SigningHand.parse(" Left "));
        assertEquals(SigningHand.RIGHT, SigningHand.parse("RIGHT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningHand.parse("both"));
        assertTrue(e.getMessage().contains("both"), e.getMessage());
    }

    /**
     * With the committed model and a real right hand: the mirrored photo (a left hand) read as a left hand gives
     * exactly the reading of the photo read as a right hand, and its hand box is the mirror of that one.
     */
    @Test
    void mirroredPhotoReadAsLeftHand_readsAsTheOriginal() throws Exception {
        Path model = TestData.committedModel();
        Path image = TestData.pack("phone-train").resolve("Y").resolve(firstFile("Y"));
        Assumptions.assumeTrue(DetectorLocator.find().isPresent(), "skipped: the palm detector is not installed");
        try (OnnxClassifier classifier = OnnxClassifier.load(model, DeviceChoice.CPU, 1);
             LandmarkModels landmarks = LandmarkModels.forModel(classifier);
             HandedReader left = new HandedReader(FrameClassifier.forStills(classifier, landmarks),
                     () -> SigningHand.LEFT);
             HandedReader right = new HandedReader(FrameClassifier.forStills(classifier, landmarks),
                     () -> SigningHand.RIGHT);
             ImageLoader.LoadedImage loaded = new ImageLoader().load(image)) {
            Mat original = loaded.bgr();
            Mat mirrored = new Mat();
            Core.flip(original, mirrored, 1);
            try {
                FrameResult asRight = right.classify(original);
                FrameResult asLeft = left.classify(mirrored);
                assertTrue(asRight.handFound(), "the test photo must show a found hand");
                assertEquals("Y", asRight.classification().label(), "the committed model reads this Y");
                assertArrayEquals(asRight.classification().probabilities(), asLeft.classification().probabilities(),
                        1e-9);
                assertNotNull(asLeft.region());
                assertEquals(original.cols() - asRight.region().centerX(), asLeft.region().centerX(), 1e-6);
                assertEquals(asRight.region().centerY(), asLeft.region().centerY(), 1e-6);
                assertEquals(original.cols() - asRight.landmarks().x(0), asLeft.landmarks().x(0), 1e-3);
            } finally {
                mirrored.release();
            }
        }
    }

    private static String firstFile(String label) throws Exception {
        try (var files = java.nio.file.Files.list(TestData.pack("phone-train").resolve(label))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jpg")).sorted()
                    .findFirst().orElseThrow();
        }
    }
}
