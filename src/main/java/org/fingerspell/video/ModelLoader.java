package org.fingerspell.video;

import org.fingerspell.app.Diagnostics;
import org.fingerspell.hand.Cropper;
import org.fingerspell.hand.Croppers;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OnnxClassifier;

import java.nio.file.Path;

/** Loads the model the live view runs. Slow (seconds): call it off the UI thread. */
@FunctionalInterface
public interface ModelLoader {

    LoadedModel load() throws ModelException;

    /** The ONNX model at {@code file} with the crop policy its descriptor names. */
    static ModelLoader onnx(Path file, DeviceChoice device, int threads) {
        return () -> {
            ThreadLog.shared().record(ThreadLog.MODEL_LOAD);
            OnnxClassifier classifier = OnnxClassifier.load(file, device, threads);
            String cropper;
            LandmarkModels landmarks;
            try (Cropper probe = Croppers.forVideo(classifier.descriptor())) {
                cropper = probe.describe();
            } catch (RuntimeException e) {
                classifier.close();
                throw new ModelException(file + ": the hand cropper its crop policy needs cannot start ("
                        + e.getMessage() + ")", e);
            }
            try {
                landmarks = LandmarkModels.forModel(classifier);
            } catch (ModelException | RuntimeException e) {
                classifier.close();
                throw e;
            }
            Diagnostics.put(Diagnostics.MODEL, file.toAbsolutePath().normalize() + " ("
                    + classifier.descriptor().name() + " " + classifier.descriptor().version() + ")");
            Diagnostics.put(Diagnostics.DEVICE, classifier.device());
            // Live video: the hand is tracked between detections, one cropper per inference thread; image files
            // are each searched on their own, as `fingerspell classify` does. The landmark sessions are shared.
            String name = (classifier.descriptor().name() + " " + classifier.descriptor().version()).trim();
            return new LoadedModel(name, classifier.device(), cropper,
                    () -> FrameClassifier.forVideo(classifier, landmarks),
                    () -> FrameClassifier.forStills(classifier, landmarks), () -> closeAll(landmarks, classifier));
        };
    }

    private static void closeAll(LandmarkModels landmarks, OnnxClassifier classifier) {
        try (classifier) {
            if (landmarks != null) {
                landmarks.close();
            }
        }
    }
}
