package org.fingerspell.dataset;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** How a captured frame is stored: lossless PNG, or JPEG at quality 95 (a tenth of the size, no visible loss). */
public enum ImageEncoding {
    PNG("png", new int[] {Imgcodecs.IMWRITE_PNG_COMPRESSION, 3}),
    JPEG("jpg", new int[] {Imgcodecs.IMWRITE_JPEG_QUALITY, 95});

    private final String extension;
    private final int[] parameters;

    ImageEncoding(String extension, int[] parameters) {
        this.extension = extension;
        this.parameters = parameters;
    }

    public String extension() {
        return extension;
    }

    /** The frame's bytes in this format, exactly as taken (no mirroring, no resizing). */
    public byte[] encode(Mat bgr) {
        MatOfByte bytes = new MatOfByte();
        MatOfInt params = new MatOfInt(parameters);
        try {
            if (!Imgcodecs.imencode("." + extension, bgr, bytes, params)) {
                throw new IllegalStateException("OpenCV could not encode a " + bgr.cols() + "×" + bgr.rows()
                        + " frame as " + name());
            }
            return bytes.toArray();
        } finally {
            bytes.release();
            params.release();
        }
    }
}
