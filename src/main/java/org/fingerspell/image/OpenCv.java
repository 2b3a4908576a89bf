package org.fingerspell.image;

import org.opencv.core.Mat;

/** Loads OpenCV's natives once (from the openpnp jar) and releases Mats deterministically. */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }

    /** Releases each non-null Mat; a Mat's native memory is invisible to the garbage collector. */
    public static void release(Mat... mats) {
        for (Mat mat : mats) {
            if (mat != null) {
                mat.release();
            }
        }
    }
}
