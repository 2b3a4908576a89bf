package org.fingerspell.video;

import org.fingerspell.image.OpenCv;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

import java.nio.file.Files;
import java.nio.file.Path;

/** A video file played at its own frame rate (or a set one), optionally looping. */
public final class VideoFileSource implements FrameSource {

    private final Path file;
    private final double fpsOverride;
    private final boolean loop;
    private VideoCapture capture;
    private double fps;
    private long delivered;

    /** @param fps 0 to use the file's own rate */
    public VideoFileSource(Path file, double fps, boolean loop) {
        this.file = file;
        this.fpsOverride = fps;
        this.loop = loop;
    }

    @Override
    public void open() throws FrameSourceException {
        OpenCv.load();
        if (!Files.isRegularFile(file)) {
            throw new FrameSourceException(FrameSourceException.Kind.NOT_FOUND, file + ": video file not found");
        }
        capture = new VideoCapture(file.toString(), Videoio.CAP_ANY);
        if (!capture.isOpened()) {
            close();
            throw new FrameSourceException(FrameSourceException.Kind.UNREADABLE,
                    file + ": cannot be read as video (unsupported format or codec)");
        }
        double own = capture.get(Videoio.CAP_PROP_FPS);
        fps = fpsOverride > 0 ? fpsOverride : (own > 1 && own < 241 ? own : 30);
        delivered = 0;
    }

    @Override
    public Mat grab() throws FrameSourceException {
        Mat frame = read();
        if (frame == null && loop && delivered > 0) {
            capture.set(Videoio.CAP_PROP_POS_FRAMES, 0);
            frame = read();
            if (frame == null) {
                // Some backends cannot seek: reopen instead.
                capture.release();
                capture = new VideoCapture(file.toString(), Videoio.CAP_ANY);
                frame = read();
            }
        }
        if (frame == null && delivered == 0) {
            throw new FrameSourceException(FrameSourceException.Kind.UNREADABLE, file + ": no frames could be decoded");
        }
        if (frame != null) {
            delivered++;
        }
        return frame;
    }

    private Mat read() {
        Mat frame = new Mat();
        if (capture.read(frame) && !frame.empty()) {
            return frame;
        }
        frame.release();
        return null;
    }

    @Override
    public double fps() {
        return fps;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public String describe() {
        return "Video " + file.getFileName();
    }

    @Override
    public void close() {
        if (capture != null) {
            capture.release();
            capture = null;
        }
    }
}
