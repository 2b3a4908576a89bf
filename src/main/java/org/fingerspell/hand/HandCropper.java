package org.fingerspell.hand;

import org.fingerspell.bench.Stage;
import org.fingerspell.bench.StageClock;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.Labels;
import org.fingerspell.model.ModelException;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The "hand" crop policy: finds the hand with the palm detector and cuts the square around it (margin and
 * rotation from the model descriptor). The same object serves image files, evaluation, training crops and the
 * live view; only tracking differs:
 * <ul>
 *   <li>still images ({@link Tracking#OFF}): every frame is detected on its own;</li>
 *   <li>video ({@link Tracking#live()}): after a detection the next frames reuse the last hand region, and the
 *   detector runs again every N frames, when the classifier reads {@code nothing} or is unsure, or when the hand
 *   was lost.</li>
 * </ul>
 * The detector makes up to a few passes over a frame ({@link #STILL_ATTEMPTS}, {@link #LIVE_ATTEMPTS}):
 * letterboxed inside black borders of several widths (a hand that fills the frame is otherwise missed), then
 * contrast-equalised. When still no hand is found the crop is the largest centred square, marked
 * {@link Crop.Source#NO_HAND}. With a {@link HandCheck} ({@link #verifyWith}), a palm is taken only when the hand
 * landmark model finds a hand in its square; otherwise the next palm or pass is tried, and a tracked hand that the
 * landmark model no longer sees is searched for again at once. Without a detector the crop is that same square,
 * the guide box the user places the hand in, marked {@link Crop.Source#FALLBACK} and assumed to hold the hand. One
 * instance per thread.
 */
public final class HandCropper implements Cropper {

    static {
        OpenCv.load(); // before the buffer fields are created
    }

    /**
     * The crop policy to use when neither a model descriptor nor flags give one (the crop command; the training
     * pipeline copies it into the descriptor): measured on massey, margin 0.10 keeps 98.3% of the hand's pixels in
     * the crop (margin 0: 96.4%) while the hand still fills 17% of it; not rotated, because turning hands upright
     * erases the orientation that tells H from U and P from K.
     */
    public static final double DEFAULT_MARGIN = 0.10;
    public static final boolean DEFAULT_ROTATE_UPRIGHT = false;

    /** The border of the retry pass in the two-pass convenience constructor. */
    public static final double DEFAULT_RETRY_PAD = 0.5;

    /** What is done to the frame's pixels before a detector pass. */
    public enum Enhancement {
        /** The frame as it is. */
        NONE,
        /** CLAHE on the lightness channel: local contrast for a hand in a dark room or against a window. */
        EQUALISE,
        /**
         * Gamma {@value #BRIGHTEN_GAMMA} on every channel: lifts the shadows of a hand backlit against a bright
         * window, which the detector otherwise scores below its threshold.
         */
        BRIGHTEN
    }

    /**
     * The gamma of {@link Enhancement#BRIGHTEN}, chosen on the backlit kaggle-train frames (numbers 2500 and up,
     * every 6th: 232 hands, 9 empty scenes; {@code BacklitStudy}): after the other passes 66.8% found; a
     * brightened pass (borders 0.25 and 0.5) found 81.9% at gamma 0.6, 87.5% at 0.45, 87.1% at 0.3, with no
     * detection on the empty scenes at any gamma.
     */
    public static final double BRIGHTEN_GAMMA = 0.45;

    /**
     * One pass of the detector over a frame: letterboxed inside a black border of {@code pad} × the long side on
     * every edge, with the pixels enhanced first or not.
     */
    public record Attempt(double pad, Enhancement enhancement) {
        public Attempt {
            if (pad < 0) {
                throw new IllegalArgumentException("negative pad " + pad);
            }
            Objects.requireNonNull(enhancement);
        }

        /** A pass on the frame as it is ({@code equalise} false) or contrast-equalised. */
        public Attempt(double pad, boolean equalise) {
            this(pad, equalise ? Enhancement.EQUALISE : Enhancement.NONE);
        }

        @Override
        public String toString() {
            String prefix = switch (enhancement) {
                case NONE -> "";
                case EQUALISE -> "equalised, ";
                case BRIGHTEN -> "brightened, ";
            };
            return prefix + (pad == 0 ? "letterbox" : "border " + pad);
        }
    }

    /**
     * The passes tried in turn on still images until one finds a palm. Measured on samples of the packs
     * (docs/hand-detection.md): a first pass inside a 0.25 border finds more hands than the bare letterbox and,
     * unlike it, made no false detection on the {@code nothing} scenes; 0.5 and 1.0 borders catch hands that fill
     * the frame (massey) or are cut off by its edge; the contrast-equalised pass catches some hands backlit against
     * a window (kaggle), and the brightened passes most of the rest ({@link #BRIGHTEN_GAMMA}). The last one
     * (brightened, border 1.0) was added after {@code MissStudy} on the images the first six missed: it found
     * 109 of kaggle-train's 258 and 8 of phone-train's 45, with no detection on any of the 505 empty scenes.
     */
    public static final List<Attempt> STILL_ATTEMPTS = List.of(new Attempt(0.25, false), new Attempt(0.5, false),
            new Attempt(1.0, false), new Attempt(0.5, true), new Attempt(0.25, Enhancement.BRIGHTEN),
            new Attempt(0.5, Enhancement.BRIGHTEN), new Attempt(1.0, Enhancement.BRIGHTEN));
    /** Live video: the user can move into view, so an empty frame costs at most two passes. */
    public static final List<Attempt> LIVE_ATTEMPTS = List.of(new Attempt(0.25, false), new Attempt(0.5, false));

    /** When the detector runs again on live video. {@code redetectEvery} 1 means on every frame. */
    public record Tracking(boolean enabled, int redetectEvery, double minConfidence) {
        public static final Tracking OFF = new Tracking(false, 1, 0);

        public Tracking {
            if (redetectEvery < 1) {
                throw new IllegalArgumentException("redetectEvery must be at least 1, not " + redetectEvery);
            }
        }

        /** Re-detect every 5th frame, or sooner when the classifier's confidence falls below 0.5. */
        public static Tracking live() {
            return new Tracking(true, 5, 0.5);
        }
    }

    /**
     * Where the crop comes from, before any pixel is cut. {@code hand} is the hand square (no margin) or null;
     * {@code landmarks} what the {@link HandCheck} read in it, or null when there is no check or no hand.
     */
    public record Location(CropRegion region, boolean handFound, double score, Crop.Source source, CropRegion hand,
                           HandLandmarks landmarks) {
    }

    /** A palm, the hand square around it, and what the check read there (null without a check). */
    private record Found(PalmDetection palm, CropRegion hand, HandLandmarks landmarks) {
    }

    private final PalmFinder detector;
    private final double margin;
    private final boolean rotateUpright;
    private final List<Attempt> attempts;
    private final Tracking tracking;
    private CLAHE clahe;
    private final Mat lab = new Mat();
    private final Mat lightness = new Mat();
    private final Mat equalised = new Mat();
    private final Mat brightened = new Mat();
    private Mat gammaTable;

    private int maxCutSide = RegionCutter.MAX_NATIVE_SIDE;
    private CropRegion lastHand;
    private double lastScore;
    private int framesSinceDetection;
    private boolean redetect;
    private long detectorRuns;
    private HandCheck check;
    private double minPresence;
    private long rejectedPalms;

    /**
     * @param detector the palm detector (owned: closed with this cropper), or null for the guide-box fallback
     * @param margin   border around the hand square, as a fraction of its side, on every edge
     */
    public HandCropper(PalmFinder detector, double margin, boolean rotateUpright, double retryPad,
                       Tracking tracking) {
        this(detector, margin, rotateUpright, retryPad > 0
                ? List.of(new Attempt(0, false), new Attempt(retryPad, false)) : List.of(new Attempt(0, false)),
                tracking);
    }

    /**
     * @param detector the palm finder (owned: closed with this cropper), or null for the guide-box fallback
     * @param attempts the detector passes tried in turn until one finds a palm (at least one)
     */
    public HandCropper(PalmFinder detector, double margin, boolean rotateUpright, List<Attempt> attempts,
                       Tracking tracking) {
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative");
        }
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("at least one detector pass is needed");
        }
        this.detector = detector;
        this.margin = margin;
        this.rotateUpright = rotateUpright;
        this.attempts = List.copyOf(attempts);
        this.tracking = Objects.requireNonNull(tracking);
    }

    /**
     * Crops are cut on a grid of at most {@code side} pixels a side (see {@link RegionCutter#cut(Mat, CropRegion,
     * int, int)}); by default at the region's own resolution. Set before the first crop.
     */
    public void limitCutSide(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("the cut side limit must be positive, not " + side);
        }
        this.maxCutSide = side;
    }

    /**
     * Takes a palm (or keeps tracking a hand) only where {@code check} reads a hand with a presence of at least
     * {@code minPresence}. Set before the first crop.
     */
    public void verifyWith(HandCheck check, double minPresence) {
        if (!(minPresence > 0 && minPresence <= 1)) {
            throw new IllegalArgumentException("the least landmark presence must be in (0, 1], not " + minPresence);
        }
        this.check = Objects.requireNonNull(check);
        this.minPresence = minPresence;
    }

    /** Palm detections (and tracked hands) the hand check did not take for a hand. */
    public long rejectedPalms() {
        return rejectedPalms;
    }

    public boolean hasDetector() {
        return detector != null;
    }

    /** How many times the detector network ran (a retry with a border counts again). */
    public long detectorRuns() {
        return detectorRuns;
    }

    /** Time the detector network itself took, summed over all its runs (0 without a detector). */
    public long detectorNetworkNanos() {
        return detector == null ? 0 : detector.networkNanos();
    }

    /**
     * Finds the hand in {@code bgrFrame}. A failure of the hand check's model is thrown as an
     * {@link IllegalStateException} whose cause is the {@link ModelException}.
     */
    public Location locate(Mat bgrFrame) {
        int width = bgrFrame.cols();
        int height = bgrFrame.rows();
        if (detector == null) {
            return new Location(CropRegion.centredSquare(width, height), true, 0, Crop.Source.FALLBACK, null, null);
        }
        boolean reuse = tracking.enabled() && lastHand != null && !redetect
                && framesSinceDetection < tracking.redetectEvery() - 1;
        if (reuse) {
            HandLandmarks seen = read(bgrFrame, lastHand);
            if (isHand(seen)) {
                framesSinceDetection++;
                return new Location(HandGeometry.policyRegion(lastHand, margin, rotateUpright), true, lastScore,
                        Crop.Source.TRACKED, lastHand, seen);
            }
            rejectedPalms++; // the hand moved out of the tracked square: look for it again in this frame
        }
        redetect = false;
        Found found = detectWithRetry(bgrFrame);
        if (found == null) {
            lastHand = null;
            return new Location(CropRegion.centredSquare(width, height), false, 0, Crop.Source.NO_HAND, null, null);
        }
        lastHand = found.hand();
        lastScore = found.palm().score();
        framesSinceDetection = 0;
        return new Location(HandGeometry.policyRegion(found.hand(), margin, rotateUpright), true,
                found.palm().score(), Crop.Source.DETECTED, found.hand(), found.landmarks());
    }

    private HandLandmarks read(Mat bgrFrame, CropRegion hand) {
        if (check == null) {
            return null;
        }
        try {
            return check.read(bgrFrame, hand);
        } catch (ModelException e) {
            throw new IllegalStateException("the hand landmark model failed: " + e.getMessage(), e);
        }
    }

    /** Without a check every palm is a hand. */
    private boolean isHand(HandLandmarks seen) {
        return check == null || seen.presence() >= minPresence;
    }

    /** The passes in turn; in each, the palms in order of preference until one passes the check. */
    private Found detectWithRetry(Mat bgrFrame) {
        boolean equalisedReady = false;
        boolean brightenedReady = false;
        for (Attempt attempt : attempts) {
            Mat input = bgrFrame;
            if (attempt.enhancement() == Enhancement.EQUALISE) {
                if (!equalisedReady) {
                    equalise(bgrFrame);
                    equalisedReady = true;
                }
                input = equalised;
            } else if (attempt.enhancement() == Enhancement.BRIGHTEN) {
                if (!brightenedReady) {
                    brighten(bgrFrame);
                    brightenedReady = true;
                }
                input = brightened;
            }
            detectorRuns++;
            for (PalmDetection palm : inPreferenceOrder(detector.detect(input, attempt.pad()))) {
                CropRegion hand = HandGeometry.handRegion(palm);
                HandLandmarks seen = read(bgrFrame, hand);
                if (isHand(seen)) {
                    return new Found(palm, hand, seen);
                }
                rejectedPalms++;
            }
        }
        return null;
    }

    /** CLAHE on the lightness channel: brings out a hand against a bright window or in a dark room. */
    private void equalise(Mat bgrFrame) {
        if (clahe == null) {
            clahe = Imgproc.createCLAHE(2.0, new Size(4, 4));
        }
        Imgproc.cvtColor(bgrFrame, lab, Imgproc.COLOR_BGR2Lab);
        Core.extractChannel(lab, lightness, 0);
        clahe.apply(lightness, lightness);
        Core.insertChannel(lightness, lab, 0);
        Imgproc.cvtColor(lab, equalised, Imgproc.COLOR_Lab2BGR);
    }

    /** {@link #BRIGHTEN_GAMMA} through a lookup table, built once. */
    private void brighten(Mat bgrFrame) {
        if (gammaTable == null) {
            byte[] table = new byte[256];
            for (int v = 0; v < 256; v++) {
                table[v] = (byte) Math.round(255 * Math.pow(v / 255.0, BRIGHTEN_GAMMA));
            }
            gammaTable = new Mat(1, 256, CvType.CV_8UC1);
            gammaTable.put(0, 0, table);
        }
        Core.LUT(bgrFrame, gammaTable, brightened);
    }

    /** Several palms: closest to the last hand first when tracking one, otherwise largest first (ties keep order). */
    private List<PalmDetection> inPreferenceOrder(List<PalmDetection> palms) {
        List<PalmDetection> ordered = new ArrayList<>(palms);
        if (tracking.enabled() && lastHand != null) {
            CropRegion last = lastHand;
            ordered.sort(Comparator.comparingDouble(
                    palm -> Math.hypot(palm.centerX() - last.centerX(), palm.centerY() - last.centerY())));
        } else {
            ordered.sort(Comparator.comparingDouble(PalmDetection::area).reversed());
        }
        return ordered;
    }

    @Override
    public Crop crop(Mat bgrFrame) {
        return crop(bgrFrame, StageClock.NONE);
    }

    /** Locating counts as hand detection when the detector ran, as tracking when the last hand was reused. */
    @Override
    public Crop crop(Mat bgrFrame, StageClock clock) {
        Location location = locate(bgrFrame);
        switch (location.source()) {
            case DETECTED, NO_HAND -> clock.lap(Stage.DETECTION);
            case TRACKED -> clock.lap(Stage.TRACKING);
            default -> {
                // the guide box and the whole frame cost nothing to locate: their time stays with the crop
            }
        }
        Mat image = RegionCutter.cutNative(bgrFrame, location.region(), maxCutSide);
        clock.lap(Stage.CROP_PREPROCESS);
        return new Crop(image, location.region(), location.handFound(), location.score(), location.source(),
                location.hand(), location.landmarks());
    }

    /** Live video: a {@code nothing} reading or a low confidence makes the next frame run the detector. */
    @Override
    public void onClassified(String label, double confidence) {
        if (tracking.enabled() && (Labels.NOTHING.equals(label) || confidence < tracking.minConfidence())) {
            redetect = true;
        }
    }

    /** Forgets the tracked hand (a new video, a scene cut). */
    public void reset() {
        lastHand = null;
        redetect = false;
        framesSinceDetection = 0;
    }

    @Override
    public String describe() {
        if (detector == null) {
            return "centred guide box (palm detector not found)";
        }
        return String.format(java.util.Locale.ROOT, "%s, margin %.2f, %s%s", detector.describe(), margin,
                rotateUpright ? "rotated upright" : "not rotated",
                tracking.enabled() ? ", tracking (re-detect every " + tracking.redetectEvery() + " frames)" : "")
                + ", passes: " + attempts;
    }

    @Override
    public void close() {
        OpenCv.release(lab, lightness, equalised, brightened);
        if (gammaTable != null) {
            gammaTable.release();
        }
        if (detector != null) {
            detector.close();
        }
    }
}
