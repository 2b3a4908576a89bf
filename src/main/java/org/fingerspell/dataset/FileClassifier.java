package org.fingerspell.dataset;

import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.ModelException;
import org.fingerspell.video.FrameReader;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.CvException;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image file through the path {@code fingerspell classify} takes: decoded safely ({@link ImageLoader}: format by
 * signature, pixel limit, EXIF orientation), cut by the model's still-image crop policy and classified. The
 * classify command and the Files page both read files through it, so they agree. One instance per thread.
 */
public final class FileClassifier implements AutoCloseable {

    /** Sees the decoded image and its reading before the image is released (a preview, a thumbnail). */
    @FunctionalInterface
    public interface ImageSink {
        void accept(Mat bgr, FrameResult result);
    }

    private final ImageLoader loader;
    private final FrameReader reader;

    /** Takes ownership of {@code reader}: it is closed with this. */
    public FileClassifier(ImageLoader loader, FrameReader reader) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Reads {@code file}; a file that cannot be used is a failed reading with its reason, never an exception.
     *
     * @throws ModelException when the classifier itself fails (not the file's fault)
     */
    public FileReading classify(Path file) throws ModelException {
        return classify(file, null);
    }

    /** As {@link #classify(Path)}, and shows the decoded image to {@code sink} (may be null). */
    public FileReading classify(Path file, ImageSink sink) throws ModelException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        try (ImageLoader.LoadedImage image = loader.load(file)) {
            return classify(file, image.bgr(), image.originalWidth(), image.originalHeight(), sink);
        } catch (ImageLoadException e) {
            return FileReading.failed(file, e.reason());
        }
    }

    /** Reads an image already decoded (a pasted one); {@code source} names it. The caller keeps {@code bgr}. */
    public FileReading classify(Path source, Mat bgr, ImageSink sink) throws ModelException {
        return classify(source, bgr, bgr.cols(), bgr.rows(), sink);
    }

    private FileReading classify(Path file, Mat bgr, int width, int height, ImageSink sink) throws ModelException {
        ThreadLog.shared().record(ThreadLog.INFERENCE);
        try {
            FrameResult result = reader.classify(bgr);
            if (sink != null) {
                sink.accept(bgr, result);
            }
            return FileReading.read(file, result, width, height);
        } catch (CvException e) {
            // OpenCV throws on some malformed inputs the loader let through: one bad file must not end a batch.
            return FileReading.failed(file, "cannot be processed (" + e.getMessage() + ")");
        }
    }

    public ImageLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        reader.close();
    }
}
