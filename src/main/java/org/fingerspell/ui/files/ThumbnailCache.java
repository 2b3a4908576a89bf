package org.fingerspell.ui.files;

import javafx.application.Platform;
import javafx.scene.image.Image;
import org.fingerspell.image.BgraImage;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.video.ThreadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Thumbnails for the table's visible rows, made on one background thread and kept in a bounded LRU cache, so a
 * 10,000-file table holds a few hundred small images, not 10,000. The newest request is served first and the
 * oldest are dropped beyond {@link #MAX_PENDING}: while the user scrolls, rows scrolled past are not decoded.
 * All methods but the worker's run on the FX thread.
 */
final class ThumbnailCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);
    static final int MAX_PENDING = 64;

    private final int side;
    private final ImageLoader loader;
    private final Map<Path, Image> cache;
    private final Map<Path, List<Consumer<Image>>> waiting = new HashMap<>();
    // Lock-free, so the FX thread never waits for the worker; the worker parks when there is nothing to do.
    private final ConcurrentLinkedDeque<Path> queue = new ConcurrentLinkedDeque<>();
    private final Thread worker;
    private final Image none = new javafx.scene.image.WritableImage(1, 1);
    private volatile boolean closed;

    ThumbnailCache(ImageLoader loader, int side, int capacity) {
        this.loader = loader;
        this.side = side;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
                return size() > capacity;
            }
        };
        worker = new Thread(this::work, "fingerspell-thumbnails");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Hands {@code file}'s thumbnail to {@code whenReady} (null for a file that has none), at once when cached,
     * else later on the FX thread.
     */
    void request(Path file, Consumer<Image> whenReady) {
        Image cached = cache.get(file);
        if (cached != null) {
            whenReady.accept(cached == none ? null : cached);
            return;
        }
        List<Consumer<Image>> waiters = waiting.computeIfAbsent(file, f -> new ArrayList<>());
        waiters.add(whenReady);
        if (waiters.size() == 1) {
            queue.offerFirst(file);
            if (waiting.size() > MAX_PENDING) {
                Path dropped = queue.pollLast();
                if (dropped != null) {
                    waiting.remove(dropped);
                }
            }
            LockSupport.unpark(worker);
        }
    }

    int cachedCount() {
        return cache.size();
    }

    /** Forgets everything (the table was cleared). */
    void clear() {
        queue.clear();
        waiting.clear();
        cache.clear();
    }

    private void work() {
        while (!closed) {
            Path file = queue.pollFirst();
            if (file == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            } else {
                BgraImage pixels = load(file);
                Platform.runLater(() -> deliver(file, pixels == null ? none : FxImages.of(pixels)));
            }
        }
    }

    private BgraImage load(Path file) {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        try (ImageLoader.LoadedImage image = loader.load(file)) {
            return BgraImage.fit(image.bgr(), side);
        } catch (ImageLoadException e) {
            return null;
        } catch (RuntimeException e) {
            LOG.debug("No thumbnail for {}", file, e);
            return null;
        }
    }

    private void deliver(Path file, Image image) {
        List<Consumer<Image>> waiters = waiting.remove(file);
        if (waiters == null) {
            return; // cleared or dropped meanwhile
        }
        cache.put(file, image);
        Image shown = image == none ? null : image;
        waiters.forEach(waiter -> waiter.accept(shown));
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
