package org.fingerspell.video;

import org.opencv.core.Mat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One captured BGR frame. The frame owns its Mat: whoever holds it last calls {@link #close()}, exactly once.
 * A process-wide count of open frames lets soak tests prove that none leak.
 */
public final class Frame implements AutoCloseable {

    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicLong CREATED = new AtomicLong();

    private final Mat bgr;
    private final long sequence;
    private final long captureNanos;
    private boolean closed;

    public Frame(Mat bgr, long sequence, long captureNanos) {
        this.bgr = bgr;
        this.sequence = sequence;
        this.captureNanos = captureNanos;
        OPEN.incrementAndGet();
        CREATED.incrementAndGet();
    }

    public Mat bgr() {
        return bgr;
    }

    public long sequence() {
        return sequence;
    }

    /** When it was captured, on {@link System#nanoTime()}'s clock. */
    public long captureNanos() {
        return captureNanos;
    }

    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bgr.release();
            OPEN.decrementAndGet();
        }
    }

    /** Frames created and not yet closed, in this process. */
    public static int openCount() {
        return OPEN.get();
    }

    public static long createdCount() {
        return CREATED.get();
    }
}
