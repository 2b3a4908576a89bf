package org.fingerspell.image;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Decodes image files into BGR Mats safely: the format is identified by its signature, the size is read from
 * the header before any pixel is decoded, truncated files are refused, and EXIF orientation is applied.
 * JPEGs beyond the pixel limit are decoded at 1/2, 1/4 or 1/8 scale (libjpeg does this without ever holding
 * the full image); other formats beyond it are refused. Sizes are reported as shown (after the EXIF turn).
 */
public final class ImageLoader {

    /** 48 MP: a full-resolution phone photo loads, a decompression bomb does not. */
    public static final long DEFAULT_MAX_PIXELS = 48_000_000L;
    public static final long DEFAULT_MAX_FILE_BYTES = 200L * 1024 * 1024;

    private final long maxPixels;
    private final long maxFileBytes;

    public ImageLoader() {
        this(DEFAULT_MAX_PIXELS, DEFAULT_MAX_FILE_BYTES);
    }

    public ImageLoader(long maxPixels, long maxFileBytes) {
        this.maxPixels = maxPixels;
        this.maxFileBytes = maxFileBytes;
        OpenCv.load();
    }

    /** A decoded image; the caller owns {@code bgr} and must release it. */
    public record LoadedImage(Mat bgr, int originalWidth, int originalHeight, int reduction) implements AutoCloseable {
        @Override
        public void close() {
            bgr.release();
        }
    }

    public LoadedImage load(Path file) throws ImageLoadException {
        return decode(file, readBytes(file));
    }

    /** Decodes bytes already in memory (a pasted image, a dropped file); {@code source} names them in errors. */
    public LoadedImage decode(Path source, byte[] bytes) throws ImageLoadException {
        if (bytes.length == 0) {
            throw new ImageLoadException(source, "empty file");
        }
        ImageFormat format = ImageFormat.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, 32)));
        if (format == ImageFormat.UNKNOWN) {
            throw new ImageLoadException(source, "not an image (unrecognised file signature)");
        }
        if (!format.decodable()) {
            throw new ImageLoadException(source, "unsupported image format " + format
                    + " (use JPEG, PNG, BMP, TIFF or WebP)");
        }
        checkComplete(source, format, bytes);
        int[] size = headerSize(source, format, bytes);
        long pixels = (long) size[0] * size[1];
        int reduction = 1;
        if (pixels > maxPixels) {
            if (format != ImageFormat.JPEG) {
                throw new ImageLoadException(source, String.format(
                        "image too large to decode safely (%d x %d = %.0f MP; limit %.0f MP)",
                        size[0], size[1], pixels / 1e6, maxPixels / 1e6));
            }
            while (reduction < 8 && pixels / ((long) reduction * reduction) > maxPixels) {
                reduction *= 2;
            }
            if (pixels / ((long) reduction * reduction) > maxPixels) {
                throw new ImageLoadException(source, String.format(
                        "image too large to decode safely (%d x %d = %.0f MP, even at 1/8 scale)",
                        size[0], size[1], pixels / 1e6));
            }
        }
        MatOfByte encoded = new MatOfByte(bytes);
        Mat bgr;
        try {
            bgr = Imgcodecs.imdecode(encoded, decodeFlag(reduction));
        } finally {
            encoded.release();
        }
        if (bgr.empty()) {
            bgr.release();
            throw new ImageLoadException(source, "corrupt " + format + " data (cannot be decoded)");
        }
        // OpenCV turns the pixels by the EXIF orientation; the header sizes are as stored, so turn them too.
        boolean asStored = bgr.cols() == ceilDiv(size[0], reduction) && bgr.rows() == ceilDiv(size[1], reduction);
        return asStored ? new LoadedImage(bgr, size[0], size[1], reduction)
                : new LoadedImage(bgr, size[1], size[0], reduction);
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    private byte[] readBytes(Path file) throws ImageLoadException {
        try {
            if (Files.isDirectory(file)) {
                throw new ImageLoadException(file, "is a folder, not an image file");
            }
            long length = Files.size(file);
            if (length > maxFileBytes) {
                throw new ImageLoadException(file, String.format("file too large (%.0f MB; limit %.0f MB)",
                        length / 1048576.0, maxFileBytes / 1048576.0));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageLoadException(file, "file not found");
        } catch (AccessDeniedException e) {
            throw new ImageLoadException(file, "permission denied");
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot read file: " + e.getMessage());
        }
    }

    private static int decodeFlag(int reduction) {
        return switch (reduction) {
            case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
            case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
            default -> Imgcodecs.IMREAD_COLOR;
        };
    }

    /** libjpeg and libpng fill a cut-off file with grey and report success: check the end marker ourselves. */
    private static void checkComplete(Path source, ImageFormat format, byte[] bytes) throws ImageLoadException {
        if (format == ImageFormat.JPEG && !containsNearEnd(bytes, new byte[] {(byte) 0xFF, (byte) 0xD9}, 4096)) {
            throw new ImageLoadException(source, "truncated JPEG (no end-of-image marker)");
        }
        if (format == ImageFormat.PNG && !containsNearEnd(bytes, new byte[] {'I', 'E', 'N', 'D'}, 64)) {
            throw new ImageLoadException(source, "truncated PNG (no IEND chunk)");
        }
    }

    private static boolean containsNearEnd(byte[] bytes, byte[] marker, int window) {
        int from = Math.max(0, bytes.length - window);
        for (int i = bytes.length - marker.length; i >= from; i--) {
            boolean match = true;
            for (int j = 0; j < marker.length && match; j++) {
                match = bytes[i + j] == marker[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** Width and height from the header alone. */
    private static int[] headerSize(Path source, ImageFormat format, byte[] bytes) throws ImageLoadException {
        if (format == ImageFormat.WEBP) {
            return WebpHeader.size(source, bytes);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageLoadException(source, "unsupported " + format + " variant");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(source, "corrupt " + format + " header"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }
}
