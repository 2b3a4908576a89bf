package org.fingerspell.hand;

import org.fingerspell.model.ModelDescriptor;

import java.nio.file.Path;
import java.util.Optional;

/** Builds the cropper a model's crop policy asks for. */
public final class Croppers {

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

    /** A hand cropper with the detector located automatically, or the guide-box fallback when it is absent. */
    public static HandCropper handCropper(double margin, boolean rotateUpright, HandCropper.Tracking tracking) {
        Optional<Path> model = DetectorLocator.find();
        PalmDetector detector = model.map(PalmDetector::new).orElse(null);
        return new HandCropper(detector, margin, rotateUpright,
                tracking.enabled() ? HandCropper.LIVE_ATTEMPTS : HandCropper.STILL_ATTEMPTS, tracking);
    }
}
