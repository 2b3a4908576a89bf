package org.fingerspell.video;

import org.fingerspell.image.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Frames from a source to the screen and the classifier, on two threads:
 * <pre>
 *   capture thread:   open → grab → BGRA pixels into the {@link DisplayBuffer} → newest frame into the slot
 *   inference thread: take the newest frame (stale ones were dropped) → crop + classify → {@link Listener#reading}
 * </pre>
 * The display runs at the source's rate whatever inference manages. A lost camera is retried with back-off;
 * every failure is caught, reported and survived, so neither thread dies while the pipeline runs. Every Mat is
 * released deterministically.
 */
public final class LivePipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);
    private static final long[] RETRY_MILLIS = {1000, 2000, 3000, 5000};

    /** Callbacks from the pipeline's threads (never the UI thread): keep them short. */
    public interface Listener {
        /** A new frame is in {@link #display()}; not called again until that frame has been acquired. */
        default void displayReady() {
        }

        /** One frame classified (inference thread). */
        default void reading(Reading reading) {
        }

        /** Inference failed on a frame (inference thread); the pipeline carries on. */
        default void readingFailed(String message) {
        }

        /** The source changed state (capture thread). */
        default void sourceStatus(SourceStatus status) {
        }
    }

    private final Supplier<FrameSource> sources;
    private final Listener listener;
    private final DisplayBuffer display = new DisplayBuffer();
    private final LatestFrameSlot slot = new LatestFrameSlot();
    private final ThreadLog log = ThreadLog.shared();
    private final RateMeter captureRate = new RateMeter();
    private final RateMeter inferenceRate = new RateMeter();
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong inferred = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final long[] retryMillis;

    private volatile boolean running;
    private volatile boolean mirror;
    private volatile Supplier<? extends FrameReader> readers;
    private volatile double latencyMillis;
    private volatile double inferenceMillis;
    private Thread captureThread;
    private Thread inferenceThread;

    // Capture-thread buffers, reused every frame; created and released by the capture thread.
    private Mat bgra;
    private Mat mirrored;

    public LivePipeline(Supplier<FrameSource> sources, Listener listener) {
        this(sources, listener, RETRY_MILLIS);
    }

    /** @param retryMillis the waits before each reconnection attempt (the last one repeats) */
    public LivePipeline(Supplier<FrameSource> sources, Listener listener, long[] retryMillis) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.retryMillis = retryMillis.clone();
    }

    /** Starts the capture thread; frames reach the display at once, inference starts with {@link #attachReaders}. */
    public synchronized void start() {
        if (captureThread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        captureThread = new Thread(this::captureLoop, "fingerspell-capture");
        captureThread.setDaemon(true);
        captureThread.start();
        if (readers != null) {
            startInference();
        }
    }

    /**
     * Starts inference with readers from {@code factory} (called once, on the inference thread, so the
     * session belongs to it). Can be called before or after {@link #start()}, once.
     */
    public synchronized void attachReaders(Supplier<? extends FrameReader> factory) {
        if (readers != null) {
            throw new IllegalStateException("readers already attached");
        }
        readers = Objects.requireNonNull(factory, "factory");
        if (running) {
            startInference();
        }
    }

    private void startInference() {
        inferenceThread = new Thread(this::inferenceLoop, "fingerspell-inference");
        inferenceThread.setDaemon(true);
        inferenceThread.start();
    }

    /** Mirrors the displayed frames (inference always sees the frame as captured). */
    public void setMirror(boolean mirror) {
        this.mirror = mirror;
    }

    public boolean mirror() {
        return mirror;
    }

    /** The newest BGRA frame for the screen. */
    public DisplayBuffer display() {
        return display;
    }

    public PipelineStats stats() {
        long now = System.nanoTime();
        Thread capture = captureThread;
        Thread inference = inferenceThread;
        return new PipelineStats(captureRate.rate(now), inferenceRate.rate(now), latencyMillis, inferenceMillis,
                captured.get(), inferred.get(), slot.dropped(), errors.get(),
                capture != null && capture.isAlive(), inference != null && inference.isAlive());
    }

    private void captureLoop() {
        int attempt = 0;
        boolean live = false;
        long sequence = 0;
        OpenCv.load();
        bgra = new Mat();
        mirrored = new Mat();
        try {
            while (running) {
                FrameSource source = sources.get();
                try {
                    status(SourceStatus.State.OPENING, "Opening…", "");
                    log.record(ThreadLog.OPEN);
                    source.open();
                    live = source.live();
                    attempt = 0;
                    status(SourceStatus.State.RUNNING, "", source.describe());
                    long period = (long) (1e9 / source.fps());
                    long due = System.nanoTime();
                    while (running) {
                        if (!source.live()) {
                            due = pace(due, period);
                        }
                        log.record(ThreadLog.GRAB);
                        Mat mat = source.grab();
                        if (mat == null) {
                            if (running) {
                                status(SourceStatus.State.ENDED, "End of " + source.describe(), source.describe());
                            }
                            return;
                        }
                        deliver(new Frame(mat, sequence++, System.nanoTime()));
                    }
                } catch (FrameSourceException e) {
                    boolean retry = e.kind() == FrameSourceException.Kind.LOST || (live && source.live());
                    if (!retry) {
                        status(e.kind() == FrameSourceException.Kind.NOT_FOUND
                                ? SourceStatus.State.NOT_FOUND : SourceStatus.State.FAILED, e.getMessage(), "");
                        return;
                    }
                    live = true;
                    long wait = retryMillis[Math.min(attempt++, retryMillis.length - 1)];
                    LOG.warn("{}; retrying in {} ms", e.getMessage(), wait);
                    status(SourceStatus.State.RECONNECTING, e.getMessage() + ". Retrying in "
                            + Math.max(1, wait / 1000) + " s…", "");
                    sleep(wait);
                } catch (RuntimeException e) {
                    LOG.error("Frame source failed", e);
                    if (!live) {
                        status(SourceStatus.State.FAILED, "The source failed: " + e, "");
                        return;
                    }
                    long wait = retryMillis[Math.min(attempt++, retryMillis.length - 1)];
                    status(SourceStatus.State.RECONNECTING, "The camera failed (" + e.getMessage() + "). Retrying…", "");
                    sleep(wait);
                } finally {
                    try {
                        source.close();
                    } catch (RuntimeException e) {
                        LOG.warn("Closing the source failed", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            OpenCv.release(bgra, mirrored);
            if (!running) {
                status(SourceStatus.State.STOPPED, "Stopped", "");
            }
        }
    }

    /** Waits until the next frame is due; a source that fell behind skips ahead instead of bursting. */
    private long pace(long due, long period) throws InterruptedException {
        long now = System.nanoTime();
        if (due > now) {
            TimeUnit.NANOSECONDS.sleep(due - now);
            return due + period;
        }
        return now - due > 2 * period ? now + period : due + period;
    }

    private void deliver(Frame frame) {
        boolean handedOver = false;
        try {
            captured.incrementAndGet();
            captureRate.tick(frame.captureNanos());
            toDisplay(frame);
            if (readers != null) {
                slot.put(frame);
                handedOver = true;
            }
        } finally {
            if (!handedOver) {
                frame.close();
            }
        }
    }

    private void toDisplay(Frame frame) {
        Mat bgr = frame.bgr();
        switch (bgr.channels()) {
            case 1 -> Imgproc.cvtColor(bgr, bgra, Imgproc.COLOR_GRAY2BGRA);
            case 4 -> bgr.copyTo(bgra);
            default -> Imgproc.cvtColor(bgr, bgra, Imgproc.COLOR_BGR2BGRA);
        }
        Mat shown = bgra;
        if (mirror) {
            Core.flip(bgra, mirrored, 1);
            shown = mirrored;
        }
        if (shown.type() != CvType.CV_8UC4 || !shown.isContinuous()) {
            return;
        }
        DisplayBuffer.Pixels pixels = display.back(shown.cols(), shown.rows());
        shown.get(0, 0, pixels.bgra());
        if (display.publish(frame.sequence())) {
            safely(listener::displayReady);
        }
    }

    private void inferenceLoop() {
        FrameReader reader;
        try {
            reader = readers.get();
        } catch (RuntimeException e) {
            LOG.error("Cannot start inference", e);
            safely(() -> listener.readingFailed("Cannot start the classifier: " + e.getMessage()));
            return;
        }
        try {
            while (running) {
                Frame frame;
                try {
                    frame = slot.take(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (frame != null) {
                    infer(reader, frame);
                }
            }
        } finally {
            try {
                reader.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the classifier session failed", e);
            }
        }
    }

    private void infer(FrameReader reader, Frame frame) {
        try {
            log.record(ThreadLog.INFERENCE);
            long start = System.nanoTime();
            FrameResult result = reader.classify(frame.bgr());
            long end = System.nanoTime();
            inferred.incrementAndGet();
            inferenceRate.tick(end);
            inferenceMillis = smooth(inferenceMillis, (end - start) / 1e6);
            latencyMillis = smooth(latencyMillis, (end - frame.captureNanos()) / 1e6);
            Reading reading = new Reading(result, frame.sequence(), frame.captureNanos(), frame.width(),
                    frame.height(), end - start, end - frame.captureNanos());
            safely(() -> listener.reading(reading));
        } catch (Exception | LinkageError e) {
            long count = errors.incrementAndGet();
            if (count <= 5 || count % 100 == 0) {
                LOG.error("Inference failed on frame {} ({} failures so far)", frame.sequence(), count, e);
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            safely(() -> listener.readingFailed(message));
        } finally {
            frame.close();
        }
    }

    private static double smooth(double previous, double value) {
        return previous == 0 ? value : previous * 0.9 + value * 0.1;
    }

    private void status(SourceStatus.State state, String message, String description) {
        safely(() -> listener.sourceStatus(new SourceStatus(state, message, description)));
    }

    private void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("Pipeline listener failed", e);
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** Stops both threads, waits for them, and releases every frame still held. */
    @Override
    public void close() {
        Thread capture;
        Thread inference;
        synchronized (this) {
            running = false;
            capture = captureThread;
            inference = inferenceThread;
        }
        slot.close();
        for (Thread thread : new Thread[] {capture, inference}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (thread.isAlive()) {
                    LOG.warn("{} did not stop within 5 s", thread.getName());
                }
            }
        }
    }
}
