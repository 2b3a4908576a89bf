package org.fingerspell.video;

import org.fingerspell.image.OpenCv;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

import java.util.Locale;

/**
 * A webcam through OpenCV's {@link VideoCapture}: asks for the requested resolution, MJPG where the camera
 * offers it, and a one-frame driver buffer so frames are never stale.
 */
public final class CameraSource implements FrameSource {

    /** Consecutive failed reads before the camera counts as lost. */
    private static final int MAX_FAILED_READS = 5;

    private final int index;
    private final Resolution requested;
    private VideoCapture capture;
    private int width;
    private int height;
    private double fps;
    private int failedReads;

    public CameraSource(int index, Resolution requested) {
        this.index = index;
        this.requested = requested;
    }

    @Override
    public void open() throws FrameSourceException {
        OpenCv.load();
        if (!Cameras.deviceMayExist(index)) {
            throw new FrameSourceException(FrameSourceException.Kind.NOT_FOUND, "No camera found at index " + index);
        }
        capture = new VideoCapture();
        boolean opened;
        try {
            opened = capture.open(index, Cameras.apiPreference());
        } catch (RuntimeException e) {
            opened = false;
        }
        if (!opened || !capture.isOpened()) {
            capture.release();
            capture = null;
            throw new FrameSourceException(FrameSourceException.Kind.NOT_FOUND,
                    "Camera " + index + " cannot be opened (absent, or in use by another app)");
        }
        capture.set(Videoio.CAP_PROP_FOURCC, VideoWriter.fourcc('M', 'J', 'P', 'G'));
        capture.set(Videoio.CAP_PROP_FRAME_WIDTH, requested.width());
        capture.set(Videoio.CAP_PROP_FRAME_HEIGHT, requested.height());
        capture.set(Videoio.CAP_PROP_BUFFERSIZE, 1);
        width = (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH);
        height = (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT);
        double reported = capture.get(Videoio.CAP_PROP_FPS);
        fps = reported > 1 && reported < 241 ? reported : 30;
        failedReads = 0;
    }

    @Override
    public Mat grab() throws FrameSourceException {
        while (true) {
            Mat frame = new Mat();
            boolean ok;
            try {
                ok = capture != null && capture.read(frame);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok && !frame.empty()) {
                failedReads = 0;
                width = frame.cols();
                height = frame.rows();
                return frame;
            }
            frame.release();
            if (++failedReads >= MAX_FAILED_READS) {
                throw new FrameSourceException(FrameSourceException.Kind.LOST,
                        "Camera " + index + " stopped sending frames (unplugged, or taken by another app)");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    @Override
    public double fps() {
        return fps;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Camera %d (%d×%d)", index, width, height);
    }

    @Override
    public void close() {
        if (capture != null) {
            capture.release();
            capture = null;
        }
    }

    /** A capture size: 640×480 or 1280×720 are the ones offered. */
    public record Resolution(int width, int height) {
        public static final Resolution VGA = new Resolution(640, 480);
        public static final Resolution HD = new Resolution(1280, 720);

        public static Resolution parse(String text) {
            String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[x×]");
            if (parts.length != 2) {
                throw new IllegalArgumentException("resolution '" + text + "': use WIDTHxHEIGHT, e.g. 640x480");
            }
            try {
                return new Resolution(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("resolution '" + text + "': use WIDTHxHEIGHT, e.g. 640x480");
            }
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }
}
