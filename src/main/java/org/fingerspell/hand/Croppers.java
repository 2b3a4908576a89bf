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

    /** For image files and evaluation: every frame is detected on its own. */
    public static Cropper forPolicy(ModelDescriptor.CropPolicy policy) {
        return build(policy, HandCropper.Tracking.OFF);
    }

    /** For live video: the hand is tracked between detections. */
    public static Cropper forVideo(ModelDescriptor.CropPolicy policy) {
        return build(policy, HandCropper.Tracking.live());
    }

    private static Cropper build(ModelDescriptor.CropPolicy policy, HandCropper.Tracking tracking) {
        if (!policy.isHandCrop()) {
            return new CentredSquareCropper();
        }
        return handCropper(policy.margin(), policy.rotateUpright(), tracking);
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
