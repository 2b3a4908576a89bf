package org.fingerspell.video;

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
            try (Cropper probe = Croppers.forPolicy(classifier.descriptor().crop())) {
                cropper = probe.describe();
            } catch (UnsupportedOperationException e) {
                classifier.close();
                throw new ModelException(file + ": this model crops around the hand, and this build has no hand "
                        + "detector (" + e.getMessage() + ")");
            }
            return new LoadedModel(classifier.descriptor().name(), classifier.device(), cropper,
                    () -> new FrameClassifier(classifier.newSession(),
                            Croppers.forPolicy(classifier.descriptor().crop()), classifier.descriptor()),
                    classifier);
        };
    }
}
