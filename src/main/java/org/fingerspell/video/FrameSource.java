package org.fingerspell.video;

import org.opencv.core.Mat;

/**
 * Where frames come from: a camera, a video file or a folder of images. Every method runs on the capture
 * thread that owns the source (opening a camera can take seconds); never on the UI thread.
 */
public interface FrameSource extends AutoCloseable {

    /** Opens the device or file. */
    void open() throws FrameSourceException;

    /**
     * The next frame as a new BGR Mat the caller owns, or null at the end of a file or folder. A camera blocks
     * until its next frame; files and folders return at once (the pipeline paces them).
     */
    Mat grab() throws FrameSourceException;

    /** Frames per second: the camera's rate, the file's, or the rate a folder is played at. */
    double fps();

    /** True for a camera: frames arrive at their own pace, and a lost one is retried. */
    boolean live();

    /** For the status bar: "Camera 0 (640×480)", "video.mp4", "folder B (300 images)". */
    String describe();

    @Override
    void close();
}
