package org.fingerspell.bench;

import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.image.OpenCv;
import org.fingerspell.video.FrameSource;
import org.fingerspell.video.FrameSourceException;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Real images played as a camera-sized video: each is letterboxed into {@code width}×{@code height} (scaled to
 * fit, black bars) and kept JPEG-encoded in memory, as a webcam's MJPEG stream delivers frames, so
 * {@link #grab()} decodes one JPEG per frame without touching the disk. Loops forever.
 */
public final class EncodedSequence implements FrameSource {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    private static final int JPEG_QUALITY = 90;

    private final List<byte[]> frames;
    private final String description;
    private final double fps;
    private int next;

    private EncodedSequence(List<byte[]> frames, String description, double fps) {
        this.frames = List.copyOf(frames);
        this.description = description;
        this.fps = fps;
    }

    /** Encodes {@code images} (unreadable ones are skipped) as a {@link #WIDTH}×{@link #HEIGHT} sequence. */
    public static EncodedSequence of(List<Path> images, String description, double fps) {
        OpenCv.load();
        ImageLoader loader = new ImageLoader();
        List<byte[]> encoded = new ArrayList<>(images.size());
        for (Path image : images) {
            try (ImageLoader.LoadedImage loaded = loader.load(image)) {
                encoded.add(encode(letterbox(loaded.bgr(), WIDTH, HEIGHT)));
            } catch (ImageLoadException e) {
                // a broken file in a data pack is left out, as FolderSource does
            }
        }
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("none of the " + images.size() + " images could be read");
        }
        return new EncodedSequence(encoded, Objects.requireNonNull(description), fps);
    }

    /** {@code bgr} scaled to fit inside width×height, centred on black; a new Mat the caller owns. */
    static Mat letterbox(Mat bgr, int width, int height) {
        double scale = Math.min((double) width / bgr.cols(), (double) height / bgr.rows());
        int w = (int) Math.round(bgr.cols() * scale);
        int h = (int) Math.round(bgr.rows() * scale);
        Mat resized = new Mat();
        Mat boxed = new Mat();
        try {
            Imgproc.resize(bgr, resized, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            int top = (height - h) / 2;
            int left = (width - w) / 2;
            Core.copyMakeBorder(resized, boxed, top, height - h - top, left, width - w - left,
                    Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
            return boxed;
        } catch (RuntimeException e) {
            boxed.release();
            throw e;
        } finally {
            resized.release();
        }
    }

    private static byte[] encode(Mat bgr) {
        MatOfByte bytes = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
        try {
            if (!Imgcodecs.imencode(".jpg", bgr, bytes, params)) {
                throw new IllegalStateException("OpenCV cannot encode JPEG");
            }
            return bytes.toArray();
        } finally {
            OpenCv.release(bgr, bytes, params);
        }
    }

    /** The same frames played at another rate. */
    public EncodedSequence atRate(double framesPerSecond) {
        return new EncodedSequence(frames, description, framesPerSecond);
    }

    public int size() {
        return frames.size();
    }

    @Override
    public void open() {
        next = 0;
    }

    @Override
    public Mat grab() throws FrameSourceException {
        byte[] jpeg = frames.get(next);
        next = (next + 1) % frames.size();
        MatOfByte encoded = new MatOfByte(jpeg);
        try {
            Mat bgr = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
            if (bgr.empty()) {
                bgr.release();
                throw new FrameSourceException(FrameSourceException.Kind.UNREADABLE, "a frame does not decode");
            }
            return bgr;
        } finally {
            encoded.release();
        }
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
        return description;
    }

    @Override
    public void close() {
        // the frames are plain byte arrays
    }
}
