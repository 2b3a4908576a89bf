package org.fingerspell.image;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opaque BGRA pixels, row by row, ready for a screen (JavaFX's premultiplied BGRA format takes them as they are).
 * The bridge between OpenCV Mats and a UI that must not hold native memory.
 */
public record BgraImage(int width, int height, byte[] bgra) {

    public BgraImage {
        if (width <= 0 || height <= 0 || bgra.length != width * height * 4) {
            throw new IllegalArgumentException(width + "x" + height + " does not match " + bgra.length + " bytes");
        }
    }

    /** {@code bgr} shrunk (area-averaged) so that its longer side is at most {@code maxSide}; never enlarged. */
    public static BgraImage fit(Mat bgr, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(bgr.cols(), bgr.rows()));
        Mat small = new Mat();
        Mat bgra = new Mat();
        try {
            Mat source = bgr;
            if (scale < 1.0) {
                Size size = new Size(Math.max(1, Math.round(bgr.cols() * scale)),
                        Math.max(1, Math.round(bgr.rows() * scale)));
                Imgproc.resize(bgr, small, size, 0, 0, Imgproc.INTER_AREA);
                source = small;
            }
            Imgproc.cvtColor(source, bgra, bgr.channels() == 1 ? Imgproc.COLOR_GRAY2BGRA : Imgproc.COLOR_BGR2BGRA);
            byte[] pixels = new byte[bgra.cols() * bgra.rows() * 4];
            bgra.get(0, 0, pixels);
            return new BgraImage(bgra.cols(), bgra.rows(), pixels);
        } finally {
            OpenCv.release(small, bgra);
        }
    }

    /** A new BGR Mat of these pixels (alpha dropped); the caller releases it. */
    public Mat toBgr() {
        Mat bgra = new Mat(height, width, CvType.CV_8UC4);
        Mat bgr = new Mat();
        try {
            bgra.put(0, 0, this.bgra);
            Imgproc.cvtColor(bgra, bgr, Imgproc.COLOR_BGRA2BGR);
            return bgr;
        } finally {
            bgra.release();
        }
    }

    /** Saves these pixels as a PNG (a pasted image, so it can be read again like any file). */
    public void writePng(Path file) throws IOException {
        Mat bgr = toBgr();
        MatOfByte png = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".png", bgr, png)) {
                throw new IOException("cannot encode a " + width + "x" + height + " PNG");
            }
            Files.write(file, png.toArray());
        } finally {
            OpenCv.release(bgr, png);
        }
    }
}
