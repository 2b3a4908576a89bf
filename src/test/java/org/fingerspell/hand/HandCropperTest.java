package org.fingerspell.hand;

import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import org.fingerspell.model.ModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandCropperTest {

    /** Returns the palms it is given, whatever the frame, and records the pads it was asked for. */
    private static final class ScriptedFinder implements PalmFinder {
        List<PalmDetection> palms = List.of();
        List<PalmDetection> palmsWithPad = null;
        final List<Double> pads = new ArrayList<>();
        final List<double[]> firstPixels = new ArrayList<>();

        @Override
        public List<PalmDetection> detect(Mat bgrFrame, double pad) {
            pads.add(pad);
            firstPixels.add(bgrFrame.get(0, 0));
            return pad > 0 && palmsWithPad != null ? palmsWithPad : palms;
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }

    /** Reads presence 0.9 in hand squares {@code isHand} accepts and 0.1 elsewhere; records the squares it read. */
    private static final class ScriptedCheck implements HandCheck {
        final Predicate<CropRegion> isHand;
        final List<CropRegion> read = new ArrayList<>();

        ScriptedCheck(Predicate<CropRegion> isHand) {
            this.isHand = isHand;
        }

        @Override
        public HandLandmarks read(Mat bgrFrame, CropRegion handSquare) {
            read.add(handSquare);
            return new HandLandmarks(new float[HandLandmarks.VALUES], isHand.test(handSquare) ? 0.9f : 0.1f, 0.9f);
        }
    }

    private Mat frame;
    private ScriptedFinder finder;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @BeforeEach
    void setUp() {
        frame = new Mat(200, 300, CvType.CV_8UC3, new Scalar(10, 20, 30));
        finder = new ScriptedFinder();
    }

    @AfterEach
    void tearDown() {
        frame.release();
    }

    /** A still-image cropper (passes: as is, then a 0.5 border) that asks {@code check} for presence 0.5. */
    private HandCropper checkedStillCropper(HandCheck check) {
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF);
        cropper.verifyWith(check, 0.5);
        return cropper;
    }

    private static PalmDetection uprightPalm(double score, double cx, double cy, double size) {
        double[] k = new double[14];
        k[0] = cx;
        k[1] = cy + size / 2;
        k[4] = cx;
        k[5] = cy - size / 2;
        return new PalmDetection(score, cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2, k);
    }

    @Test
    void locate_noPalm_retriesWithBorderThenGivesTheCentredSquare() {
        HandCropper cropper = new HandCropper(finder, 0.1, false, 0.5, HandCropper.Tracking.OFF);
        HandCropper.Location location = cropper.locate(frame);
        assertEquals(List.of(0.0, 0.5), finder.pads);
        assertFalse(location.handFound());
        assertEquals(org.fingerspell.hand.Crop.Source.NO_HAND, location.source());
        assertEquals(CropRegion.centredSquare(300, 200), location.region());
    }

    @Test
    void locate_attempts_triedInTurnUntilOneFindsAPalm() {
        HandCropper cropper = new HandCropper(finder, 0, false, List.of(new HandCropper.Attempt(0, false),
                new HandCropper.Attempt(0.5, false), new HandCropper.Attempt(0.5, true),
                new HandCropper.Attempt(1.0, false)), HandCropper.Tracking.OFF);
        assertEquals(Crop.Source.NO_HAND, cropper.locate(frame).source());
        assertEquals(List.of(0.0, 0.5, 0.5, 1.0), finder.pads);
        finder.pads.clear();
        finder.palmsWithPad = List.of(uprightPalm(0.8, 150, 100, 40));
        assertEquals(Crop.Source.DETECTED, cropper.locate(frame).source());
        assertEquals(List.of(0.0, 0.5), finder.pads);
        assertEquals(6, cropper.detectorRuns());
    }

    @Test
    void locate_brightenedAttempt_liftsTheShadowsByTheGamma() {
        HandCropper cropper = new HandCropper(finder, 0, false, List.of(new HandCropper.Attempt(0.25, false),
                new HandCropper.Attempt(0.25, HandCropper.Enhancement.BRIGHTEN)), HandCropper.Tracking.OFF);
        cropper.locate(frame);
        assertEquals(List.of(0.25, 0.25), finder.pads);
        assertEquals(10, finder.firstPixels.get(0)[0], 0);
        // Frame pixel (10, 20, 30) through 255 * (v / 255)^0.45, rounded: (59, 81, 97).
        assertEquals(Math.round(255 * Math.pow(10 / 255.0, 0.45)), finder.firstPixels.get(1)[0], 0);
        assertEquals(59, finder.firstPixels.get(1)[0], 0);
        assertEquals(81, finder.firstPixels.get(1)[1], 0);
        assertEquals(97, finder.firstPixels.get(1)[2], 0);
        cropper.close();
    }

    @Test
    void locate_palmOnlyWithBorder_isDetected() {
        finder.palmsWithPad = List.of(uprightPalm(0.8, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF);
        HandCropper.Location location = cropper.locate(frame);
        assertTrue(location.handFound());
        assertEquals(Crop.Source.DETECTED, location.source());
        assertEquals(0.8, location.score(), 1e-9);
        assertEquals(2, cropper.detectorRuns());
    }

    @Test
    void locate_appliesMarginToTheHandSquare() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0.25, false, 0.5, HandCropper.Tracking.OFF);
        HandCropper.Location location = cropper.locate(frame);
        assertEquals(40 * 2.6, location.hand().side(), 1e-9);
        assertEquals(40 * 2.6 * 1.5, location.region().side(), 1e-9);
        assertEquals(100 - 20, location.region().centerY(), 1e-9);
    }

    @Test
    void locate_severalPalms_takesTheLargest() {
        finder.palms = List.of(uprightPalm(0.95, 50, 50, 20), uprightPalm(0.7, 200, 100, 60));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF);
        assertEquals(200, cropper.locate(frame).region().centerX(), 1e-9);
    }

    @Test
    void locate_noDetector_givesTheGuideBoxAssumedToHoldTheHand() {
        HandCropper cropper = new HandCropper(null, 0.1, true, 0.5, HandCropper.Tracking.OFF);
        HandCropper.Location location = cropper.locate(frame);
        assertEquals(Crop.Source.FALLBACK, location.source());
        assertTrue(location.handFound());
        assertEquals(CropRegion.centredSquare(300, 200), location.region());
    }

    @Test
    void locate_stillImages_detectsEveryFrame() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF);
        for (int i = 0; i < 4; i++) {
            assertEquals(Crop.Source.DETECTED, cropper.locate(frame).source());
        }
        assertEquals(4, cropper.detectorRuns());
    }

    @Test
    void locate_tracking_reusesTheLastRegionBetweenDetections() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, new HandCropper.Tracking(true, 3, 0.5));
        List<Crop.Source> sources = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sources.add(cropper.locate(frame).source());
        }
        assertEquals(List.of(Crop.Source.DETECTED, Crop.Source.TRACKED, Crop.Source.TRACKED,
                Crop.Source.DETECTED, Crop.Source.TRACKED, Crop.Source.TRACKED, Crop.Source.DETECTED), sources);
        assertEquals(3, cropper.detectorRuns());
    }

    @Test
    void onClassified_nothingOrUnsure_makesTheNextFrameDetect() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, new HandCropper.Tracking(true, 10, 0.5));
        cropper.locate(frame);
        cropper.onClassified("nothing", 0.99);
        assertEquals(Crop.Source.DETECTED, cropper.locate(frame).source());
        cropper.onClassified("A", 0.3);
        assertEquals(Crop.Source.DETECTED, cropper.locate(frame).source());
        cropper.onClassified("A", 0.9);
        assertEquals(Crop.Source.TRACKED, cropper.locate(frame).source());
    }

    @Test
    void locate_tracking_lostHand_detectsAgainNextFrame() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, new HandCropper.Tracking(true, 2, 0.5));
        cropper.locate(frame);
        cropper.locate(frame);
        finder.palms = List.of();
        assertEquals(Crop.Source.NO_HAND, cropper.locate(frame).source());
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        assertEquals(Crop.Source.DETECTED, cropper.locate(frame).source());
    }

    @Test
    void locate_tracking_severalPalms_takesTheOneClosestToTheLastHand() {
        finder.palms = List.of(uprightPalm(0.9, 60, 60, 30));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, new HandCropper.Tracking(true, 1, 0.5));
        cropper.locate(frame);
        finder.palms = List.of(uprightPalm(0.9, 220, 120, 60), uprightPalm(0.8, 70, 60, 30));
        assertEquals(70, cropper.locate(frame).region().centerX(), 1e-9);
    }

    @Test
    void locate_handCheck_passesOverAPalmTheLandmarkModelDoesNotTakeForAHand() {
        // The first pass finds only a false palm at the top (a window sill); the bordered pass finds the hand too.
        finder.palms = List.of(uprightPalm(0.6, 150, 20, 40));
        finder.palmsWithPad = List.of(uprightPalm(0.6, 150, 20, 40), uprightPalm(0.8, 150, 120, 30));
        HandCropper.Location unchecked = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF)
                .locate(frame);
        assertEquals(0, unchecked.hand().centerY(), 1e-9, "without the check, the sill is taken");
        assertNull(unchecked.landmarks());
        ScriptedCheck check = new ScriptedCheck(square -> square.centerY() > 60);
        HandCropper cropper = checkedStillCropper(check);
        HandCropper.Location location = cropper.locate(frame);
        assertEquals(Crop.Source.DETECTED, location.source());
        assertEquals(150, location.region().centerX(), 1e-9);
        assertTrue(location.region().centerY() > 60, "the crop is the hand's, not the sill's");
        assertEquals(0.8, location.score(), 1e-9);
        assertEquals(0.9f, location.landmarks().presence());
        assertSame(location.hand(), check.read.get(check.read.size() - 1), "the landmarks are the crop's square's");
        // the sill in the first pass, the larger sill again in the second, then the hand
        assertEquals(3, check.read.size());
        assertEquals(2, cropper.rejectedPalms());
        assertEquals(2, cropper.detectorRuns());
    }

    @Test
    void locate_handCheck_noPalmPasses_readsAsNoHand() {
        finder.palms = List.of(uprightPalm(0.6, 150, 20, 40));
        HandCropper cropper = checkedStillCropper(new ScriptedCheck(square -> false));
        HandCropper.Location location = cropper.locate(frame);
        assertFalse(location.handFound());
        assertEquals(Crop.Source.NO_HAND, location.source());
        assertEquals(CropRegion.centredSquare(300, 200), location.region());
        assertNull(location.landmarks());
        assertEquals(2, cropper.rejectedPalms());
    }

    @Test
    void locate_tracking_handLeavesTheTrackedSquare_detectsAgainInTheSameFrame() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        boolean[] handThere = {true};
        ScriptedCheck check = new ScriptedCheck(square -> handThere[0] || square.centerX() < 100);
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, new HandCropper.Tracking(true, 10, 0.5));
        cropper.verifyWith(check, 0.5);
        assertEquals(Crop.Source.DETECTED, cropper.locate(frame).source());
        assertEquals(Crop.Source.TRACKED, cropper.locate(frame).source());
        assertEquals(1, cropper.detectorRuns());
        // the hand moved to the left: the tracked square is empty, and the detector finds the hand there at once
        handThere[0] = false;
        finder.palms = List.of(uprightPalm(0.9, 60, 100, 40));
        HandCropper.Location location = cropper.locate(frame);
        assertEquals(Crop.Source.DETECTED, location.source());
        assertEquals(60, location.region().centerX(), 1e-9);
        assertEquals(2, cropper.detectorRuns());
        assertEquals(1, cropper.rejectedPalms());
    }

    @Test
    void locate_handCheckModelFails_throwsWithTheModelErrorAsCause() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = checkedStillCropper((bgr, square) -> {
            throw new ModelException("session closed");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cropper.locate(frame));
        assertInstanceOf(ModelException.class, e.getCause());
    }

    @Test
    void verifyWith_presenceOutsideZeroToOne_isRefused() {
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF);
        HandCheck check = new ScriptedCheck(square -> true);
        assertThrows(IllegalArgumentException.class, () -> cropper.verifyWith(check, 0));
        assertThrows(IllegalArgumentException.class, () -> cropper.verifyWith(check, 1.5));
        assertThrows(IllegalArgumentException.class, () -> cropper.verifyWith(check, Double.NaN));
    }

    @Test
    void crop_cutsTheRegionAtItsOwnSize() {
        finder.palms = List.of(uprightPalm(0.9, 150, 100, 40));
        HandCropper cropper = new HandCropper(finder, 0, false, 0.5, HandCropper.Tracking.OFF);
        try (Crop crop = cropper.crop(frame)) {
            assertEquals(104, crop.image().cols());
            assertEquals(Crop.Source.DETECTED, crop.source());
        }
    }
}
