package org.fingerspell.eval;

import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/** Small pictures of evaluated images, decoded by the same loader the evaluation read them with. */
public final class Thumbnails {

    private Thumbnails() {
    }

    /** The image at {@code file} shrunk (never enlarged) so that its longer side is at most {@code side} pixels. */
    public static BufferedImage load(ImageLoader loader, Path file, int side) throws ImageLoadException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        try (ImageLoader.LoadedImage image = loader.load(file)) {
            Mat bgr = image.bgr();
            double scale = (double) side / Math.max(bgr.cols(), bgr.rows());
            Mat small = new Mat();
            try {
                if (scale < 1) {
                    Imgproc.resize(bgr, small, new Size(Math.max(1, Math.round(bgr.cols() * scale)),
                            Math.max(1, Math.round(bgr.rows() * scale))), 0, 0, Imgproc.INTER_AREA);
                } else {
                    bgr.copyTo(small);
                }
                return toBufferedImage(small);
            } finally {
                small.release();
            }
        }
    }

    static BufferedImage toBufferedImage(Mat bgr) {
        BufferedImage image = new BufferedImage(bgr.cols(), bgr.rows(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
        try {
            continuous.get(0, 0, pixels);
        } finally {
            if (continuous != bgr) {
                continuous.release();
            }
        }
        return image;
    }
}
