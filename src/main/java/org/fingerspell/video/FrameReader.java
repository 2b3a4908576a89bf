package org.fingerspell.video;

import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.ModelException;
import org.opencv.core.Mat;

import java.util.Optional;

/** Reads one frame: find the hand, crop, classify. One instance per thread; {@link FrameClassifier} is the real one. */
public interface FrameReader extends AutoCloseable {

    FrameResult classify(Mat bgrFrame) throws ModelException;

    /** The model's input (size, exposure step), so a preview can show the crop as the model sees it; empty if none. */
    default Optional<ModelDescriptor.Input> modelInput() {
        return Optional.empty();
    }

    @Override
    void close();
}
