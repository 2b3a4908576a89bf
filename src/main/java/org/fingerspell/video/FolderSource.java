package org.fingerspell.video;

import org.fingerspell.dataset.ImageFiles;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder of images played as a sequence at a set rate, in natural name order ({@code A2.jpg} before
 * {@code A10.jpg}), subfolders included. Unreadable files are skipped.
 */
public final class FolderSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSource.class);

    private final Path folder;
    private final double fps;
    private final boolean loop;
    private List<Path> files = List.of();
    private ImageLoader loader;
    private int next;

    public FolderSource(Path folder, double fps, boolean loop) {
        if (!(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("fps " + fps + " is outside 0..240");
        }
        this.folder = folder;
        this.fps = fps;
        this.loop = loop;
    }

    @Override
    public void open() throws FrameSourceException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        if (!Files.isDirectory(folder)) {
            throw new FrameSourceException(FrameSourceException.Kind.NOT_FOUND, folder + ": folder not found");
        }
        try {
            List<Path> found = new ArrayList<>(ImageFiles.walk(folder));
            found.sort(NaturalOrder.PATHS);
            files = List.copyOf(found);
        } catch (IOException e) {
            throw new FrameSourceException(FrameSourceException.Kind.UNREADABLE, folder + ": cannot list (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new FrameSourceException(FrameSourceException.Kind.NOT_FOUND, folder + ": no images in this folder");
        }
        loader = new ImageLoader();
        next = 0;
    }

    @Override
    public Mat grab() throws FrameSourceException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        int failures = 0;
        while (true) {
            if (next >= files.size()) {
                if (!loop) {
                    return null;
                }
                next = 0;
            }
            Path file = files.get(next++);
            try {
                return loader.load(file).bgr();
            } catch (ImageLoadException e) {
                LOG.warn("Skipping {}", e.getMessage());
                if (++failures >= files.size()) {
                    throw new FrameSourceException(FrameSourceException.Kind.UNREADABLE,
                            folder + ": none of its " + files.size() + " files could be decoded");
                }
            }
        }
    }

    /** The files played, in order. */
    public List<Path> files() {
        return files;
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
        return String.format(Locale.ROOT, "Folder %s (%d images, %.0f fps)", folder.getFileName(), files.size(), fps);
    }

    @Override
    public void close() {
        // Nothing held open between frames.
    }
}
