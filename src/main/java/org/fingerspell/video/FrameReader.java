package org.fingerspell.video;

import org.fingerspell.model.ModelException;
import org.opencv.core.Mat;

/** Reads one frame: find the hand, crop, classify. One instance per thread; {@link FrameClassifier} is the real one. */
public interface FrameReader extends AutoCloseable {

    FrameResult classify(Mat bgrFrame) throws ModelException;

    @Override
    void close();
}
