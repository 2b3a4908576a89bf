package org.fingerspell.video;

import org.fingerspell.image.OpenCv;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds the cameras that open. Probing opens devices and takes time: call it off the UI thread. */
public final class Cameras {

    /** A camera that opened, with the size it delivers by default. */
    public record CameraInfo(int index, int width, int height) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Camera %d (%d×%d)", index, width, height);
        }
    }

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private Cameras() {
    }

    /** The cameras among indices 0..maxIndex-1 that open. */
    public static List<CameraInfo> list(int maxIndex) {
        ThreadLog.shared().record(ThreadLog.CAMERA_LIST);
        OpenCv.load();
        List<CameraInfo> cameras = new ArrayList<>();
        for (int index = 0; index < maxIndex; index++) {
            if (!deviceMayExist(index)) {
                continue;
            }
            VideoCapture capture = new VideoCapture();
            try {
                if (capture.open(index, apiPreference()) && capture.isOpened()) {
                    cameras.add(new CameraInfo(index, (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH),
                            (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT)));
                }
            } catch (RuntimeException e) {
                // not a camera
            } finally {
                capture.release();
            }
        }
        return cameras;
    }

    /** On Linux a camera is a /dev/videoN node: skipping absent ones avoids slow probes and driver warnings. */
    static boolean deviceMayExist(int index) {
        return !LINUX || Files.exists(Path.of("/dev/video" + index));
    }

    static int apiPreference() {
        return LINUX ? Videoio.CAP_V4L2 : Videoio.CAP_ANY;
    }
}
