package org.fingerspell.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageLoaderTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    private static byte[] encode(String extension, int width, int height) {
        Mat image = new Mat(height, width, CvType.CV_8UC3, new Scalar(30, 120, 200));
        MatOfByte bytes = new MatOfByte();
        try {
            Imgcodecs.imencode(extension, image, bytes);
            return bytes.toArray();
        } finally {
            OpenCv.release(image, bytes);
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private String reasonFor(Path file) {
        return assertThrows(ImageLoadException.class, () -> new ImageLoader().load(file).close()).reason();
    }

    @Test
    void load_validJpeg_decodesBgrAtFullSize() throws Exception {
        Path file = write("ok.jpg", encode(".jpg", 64, 48));
        try (ImageLoader.LoadedImage image = new ImageLoader().load(file)) {
            assertEquals(64, image.bgr().cols());
            assertEquals(48, image.bgr().rows());
            assertEquals(3, image.bgr().channels());
            assertEquals(1, image.reduction());
        }
    }

    @Test
    void load_validPng_decodes() throws Exception {
        Path file = write("ok.png", encode(".png", 20, 10));
        try (ImageLoader.LoadedImage image = new ImageLoader().load(file)) {
            assertEquals(20, image.originalWidth());
        }
    }

    @Test
    void load_emptyFile_saysEmpty() throws Exception {
        assertEquals("empty file", reasonFor(write("empty.jpg", new byte[0])));
    }

    @Test
    void load_textFile_saysNotAnImage() throws Exception {
        String reason = reasonFor(write("notes.jpg", "hello, not a picture".getBytes(StandardCharsets.UTF_8)));
        assertTrue(reason.startsWith("not an image"), reason);
    }

    @Test
    void load_truncatedJpeg_saysTruncated() throws Exception {
        byte[] full = encode(".jpg", 200, 200);
        String reason = reasonFor(write("cut.jpg", Arrays.copyOf(full, full.length / 2)));
        assertTrue(reason.contains("truncated JPEG"), reason);
    }

    @Test
    void load_truncatedPng_saysTruncated() throws Exception {
        byte[] full = encode(".png", 50, 50);
        String reason = reasonFor(write("cut.png", Arrays.copyOf(full, full.length - 20)));
        assertTrue(reason.contains("truncated PNG"), reason);
    }

    @Test
    void load_corruptJpegBody_saysCorrupt() throws Exception {
        byte[] bytes = encode(".jpg", 64, 64);
        // Keep the SOI/header and the end marker, destroy everything in between.
        for (int i = 200; i < bytes.length - 2; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Path file = write("garbled.jpg", bytes);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> new ImageLoader().load(file).close());
        assertTrue(e.reason().contains("corrupt"), e.reason());
    }

    @Test
    void load_gif_saysUnsupportedFormat() throws Exception {
        String reason = reasonFor(write("anim.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(reason.contains("unsupported image format GIF"), reason);
    }

    @Test
    void load_heic_saysUnsupportedFormat() throws Exception {
        byte[] heic = new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        String reason = reasonFor(write("photo.heic", heic));
        assertTrue(reason.contains("HEIC"), reason);
    }

    /**
     * A phone-style JPEG: the pixels stored landscape (red left half, blue right half) and an EXIF APP1 segment
     * saying "rotate 90° clockwise to show" (orientation 6), as cameras write a portrait photo.
     */
    private static byte[] rotatedJpeg(int storedWidth, int storedHeight) {
        Mat image = new Mat(storedHeight, storedWidth, CvType.CV_8UC3, new Scalar(255, 0, 0));
        Mat left = image.colRange(0, storedWidth / 2);
        left.setTo(new Scalar(0, 0, 255));
        MatOfByte encoded = new MatOfByte();
        try {
            Imgcodecs.imencode(".jpg", image, encoded);
            byte[] jpeg = encoded.toArray();
            byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
                    'M', 'M', 0, 0x2A, 0, 0, 0, 8,           // big-endian TIFF header, first IFD at 8
                    0, 1,                                     // one entry
                    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation (0x0112), SHORT, 1 value: 6
                    0, 0, 0, 0};                              // no next IFD
            byte[] out = new byte[jpeg.length + app1.length];
            System.arraycopy(jpeg, 0, out, 0, 2);
            System.arraycopy(app1, 0, out, 2, app1.length);
            System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
            return out;
        } finally {
            OpenCv.release(left, image, encoded);
        }
    }

    private static void assertUprightPortrait(Mat bgr, int width, int height) {
        assertEquals(width, bgr.cols(), "shown width");
        assertEquals(height, bgr.rows(), "shown height");
        double[] top = bgr.get(height / 8, width / 2);
        double[] bottom = bgr.get(height - 1 - height / 8, width / 2);
        assertTrue(top[2] > 200 && top[0] < 60, "the stored left half (red) is on top: " + Arrays.toString(top));
        assertTrue(bottom[0] > 200 && bottom[2] < 60, "blue at the bottom: " + Arrays.toString(bottom));
    }

    @Test
    void load_jpegWithExifOrientation6_isTurnedUpright() throws Exception {
        Path file = write("portrait.jpg", rotatedJpeg(80, 40));
        try (ImageLoader.LoadedImage image = new ImageLoader().load(file)) {
            assertUprightPortrait(image.bgr(), 40, 80);
            assertEquals(40, image.originalWidth(), "sizes are reported as shown, not as stored");
            assertEquals(80, image.originalHeight());
        }
    }

    @Test
    void load_reducedJpegWithExifOrientation_isTurnedUprightToo() throws Exception {
        Path file = write("big-portrait.jpg", rotatedJpeg(800, 400));
        ImageLoader loader = new ImageLoader(100_000, ImageLoader.DEFAULT_MAX_FILE_BYTES);
        try (ImageLoader.LoadedImage image = loader.load(file)) {
            assertEquals(2, image.reduction());
            assertUprightPortrait(image.bgr(), 200, 400);
        }
    }

    @Test
    void load_pngBeyondPixelLimit_isRefusedBeforeDecoding() throws Exception {
        Path file = write("big.png", encode(".png", 400, 300));
        ImageLoader loader = new ImageLoader(100_000, ImageLoader.DEFAULT_MAX_FILE_BYTES);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> loader.load(file).close());
        assertTrue(e.reason().contains("too large to decode safely"), e.reason());
    }

    @Test
    void load_jpegBeyondPixelLimit_isDecodedReduced() throws Exception {
        Path file = write("big.jpg", encode(".jpg", 800, 600));
        ImageLoader loader = new ImageLoader(100_000, ImageLoader.DEFAULT_MAX_FILE_BYTES);
        try (ImageLoader.LoadedImage image = loader.load(file)) {
            assertEquals(4, image.reduction());
            assertEquals(200, image.bgr().cols());
            assertEquals(800, image.originalWidth());
        }
    }

    @Test
    void load_jpegBeyondLimitEvenReduced_isRefused() throws Exception {
        Path file = write("huge.jpg", encode(".jpg", 800, 600));
        ImageLoader loader = new ImageLoader(1_000, ImageLoader.DEFAULT_MAX_FILE_BYTES);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> loader.load(file).close());
        assertTrue(e.reason().contains("even at 1/8 scale"), e.reason());
    }

    @Test
    void load_fileBeyondByteLimit_isRefusedUnread() throws Exception {
        Path file = write("heavy.jpg", encode(".jpg", 100, 100));
        ImageLoader loader = new ImageLoader(ImageLoader.DEFAULT_MAX_PIXELS, 100);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> loader.load(file).close());
        assertTrue(e.reason().contains("file too large"), e.reason());
    }

    @Test
    void load_missingFile_saysNotFound() {
        assertEquals("file not found", reasonFor(dir.resolve("nope.jpg")));
    }

    @Test
    void load_folder_saysFolder() {
        assertTrue(reasonFor(dir).contains("folder"));
    }

    @Test
    void sniff_identifiesFormatsBySignatureNotExtension() {
        assertEquals(ImageFormat.PNG, ImageFormat.sniff(encode(".png", 2, 2)));
        assertEquals(ImageFormat.JPEG, ImageFormat.sniff(encode(".jpg", 2, 2)));
        assertEquals(ImageFormat.BMP, ImageFormat.sniff(encode(".bmp", 2, 2)));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(new byte[] {1, 2, 3}));
    }
}
