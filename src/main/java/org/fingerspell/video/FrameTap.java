package org.fingerspell.video;

import org.fingerspell.model.ModelException;
import org.opencv.core.Mat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Lets a second consumer see the frames the live pipeline classifies, with what was read from them, without a
 * second pipeline on the same camera: capture takes its shots here. Readers made by {@link #wrap} pass each
 * frame to the {@link Observer} (if one is set) and to a waiting {@link #next()} request, on the inference
 * thread; a frame handed out by {@code next()} is a copy the receiver owns.
 */
public final class FrameTap {

    /** Sees every classified frame (inference thread; keep it short, do not keep the Mat). */
    @FunctionalInterface
    public interface Observer {
        void frame(Mat bgr, FrameResult result);
    }

    private final AtomicReference<CompletableFuture<TappedFrame>> request = new AtomicReference<>();
    private volatile Observer observer;

    /** Readers that classify with {@code readers}' readers and show each frame to this tap. */
    public Supplier<FrameReader> wrap(Supplier<? extends FrameReader> readers) {
        Objects.requireNonNull(readers, "readers");
        return () -> new Tapped(readers.get());
    }

    public void setObserver(Observer observer) {
        this.observer = observer;
    }

    /**
     * The next frame classified after this call. A request still waiting is replaced (its future completes
     * with null): only the newest request is served.
     */
    public CompletableFuture<TappedFrame> next() {
        CompletableFuture<TappedFrame> future = new CompletableFuture<>();
        CompletableFuture<TappedFrame> previous = request.getAndSet(future);
        if (previous != null) {
            previous.complete(null);
        }
        return future;
    }

    /** Completes a waiting request with null (the page closed, the source stopped). */
    public void cancel() {
        CompletableFuture<TappedFrame> previous = request.getAndSet(null);
        if (previous != null) {
            previous.complete(null);
        }
    }

    private void seen(Mat bgr, FrameResult result) {
        Observer current = observer;
        if (current != null) {
            current.frame(bgr, result);
        }
        CompletableFuture<TappedFrame> waiting = request.getAndSet(null);
        if (waiting != null) {
            TappedFrame copy = new TappedFrame(bgr.clone(), result);
            if (!waiting.complete(copy)) {
                // Cancelled in the meantime: nobody else owns the copy.
                copy.close();
            }
        }
    }

    private final class Tapped implements FrameReader {
        private final FrameReader reader;

        Tapped(FrameReader reader) {
            this.reader = reader;
        }

        @Override
        public FrameResult classify(Mat bgrFrame) throws ModelException {
            FrameResult result = reader.classify(bgrFrame);
            seen(bgrFrame, result);
            return result;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** A copy of one classified frame; the receiver closes it. */
    public record TappedFrame(Mat bgr, FrameResult result) implements AutoCloseable {
        @Override
        public void close() {
            bgr.release();
        }
    }
}
