package org.fingerspell.video;

import java.util.concurrent.TimeUnit;

/**
 * A one-slot holder for the newest frame. {@link #put} replaces (and closes) a frame nobody took, so a slow
 * consumer always gets the freshest frame and stale ones are dropped, not queued.
 */
public final class LatestFrameSlot implements AutoCloseable {

    private Frame frame;
    private long dropped;
    private boolean closed;

    /** Puts the newest frame, closing the one it replaces; closes {@code next} at once when the slot is closed. */
    public synchronized void put(Frame next) {
        if (closed) {
            next.close();
            return;
        }
        if (frame != null) {
            frame.close();
            dropped++;
        }
        frame = next;
        notifyAll();
    }

    /** Takes the newest frame (the caller now owns it), waiting up to the timeout; null when none arrived. */
    public synchronized Frame take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (frame == null && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Frame taken = frame;
        frame = null;
        return taken;
    }

    /** Frames replaced before anyone took them. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Closes the frame still held and refuses new ones. */
    @Override
    public synchronized void close() {
        closed = true;
        if (frame != null) {
            frame.close();
            frame = null;
        }
        notifyAll();
    }
}
