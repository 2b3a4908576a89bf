package org.fingerspell.hand;

import org.fingerspell.model.ModelDescriptor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Builds the cropper a model's crop policy asks for. */
public final class Croppers {

    private static final Logger LOG = LoggerFactory.getLogger(Croppers.class);
    private static final AtomicBoolean LOAD_FAILURE_REPORTED = new AtomicBoolean();

    private Croppers() {
    }

    /**
     * How many samples per input pixel, per axis, a hand crop keeps at most before the classifier area-averages it
     * down to its input size. Cutting a large region at its full resolution cost twice as much as three samples
     * per pixel and changed no reading ({@code CutStudy}: 421 frames, top-1 identical, mean tensor change 0.0025).
     */
    public static final int CUT_SAMPLES_PER_INPUT_PIXEL = 3;

    /** For image files and evaluation: every frame is detected on its own; crops at their full resolution. */
    public static Cropper forPolicy(ModelDescriptor.CropPolicy policy) {
        return build(policy, HandCropper.Tracking.OFF, RegionCutter.MAX_NATIVE_SIDE);
    }

    /** For image files and evaluation with the classifier whose input size the crops are cut for. */
    public static Cropper forStills(ModelDescriptor descriptor) {
        return build(descriptor.crop(), HandCropper.Tracking.OFF, cutLimit(descriptor));
    }

    /** For live video: the hand is tracked between detections; crops are cut for the classifier's input size. */
    public static Cropper forVideo(ModelDescriptor descriptor) {
        return build(descriptor.crop(), HandCropper.Tracking.live(), cutLimit(descriptor));
    }

    private static int cutLimit(ModelDescriptor descriptor) {
        return CUT_SAMPLES_PER_INPUT_PIXEL * descriptor.input().size();
    }

    private static Cropper build(ModelDescriptor.CropPolicy policy, HandCropper.Tracking tracking, int maxCutSide) {
        if (!policy.isHandCrop()) {
            return new CentredSquareCropper();
        }
        HandCropper cropper = handCropper(policy.margin(), policy.rotateUpright(), tracking);
        cropper.limitCutSide(maxCutSide);
        return cropper;
    }

    /**
     * A hand cropper with the detector located automatically, or the guide-box fallback when it is absent or
     * cannot be loaded (said once per process).
     */
    public static HandCropper handCropper(double margin, boolean rotateUpright, HandCropper.Tracking tracking) {
        Optional<Path> model = DetectorLocator.find();
        PalmDetector detector = null;
        if (model.isPresent()) {
            try {
                detector = new PalmDetector(model.get());
            } catch (RuntimeException e) {
                if (LOAD_FAILURE_REPORTED.compareAndSet(false, true)) {
                    LOG.warn("Palm detector {} cannot be loaded ({}): place your hand in the centred guide box. "
                            + "Delete it and run scripts/fetch-detector.sh again.", model.get(), e.getMessage());
                }
            }
        }
        return new HandCropper(detector, margin, rotateUpright,
                tracking.enabled() ? HandCropper.LIVE_ATTEMPTS : HandCropper.STILL_ATTEMPTS, tracking);
    }
}
