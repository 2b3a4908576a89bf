package org.fingerspell.video;

/**
 * Triple-buffered BGRA pixels for the screen: the capture thread writes into the back buffer and publishes it,
 * the UI thread acquires the newest published one and reads it while the next frames are written elsewhere.
 * No pixel array is allocated per frame and the reader never sees a half-written frame.
 */
public final class DisplayBuffer {

    /** One buffer's pixels and geometry; valid for the reader until its next {@link #acquire()}. */
    public static final class Pixels {
        private byte[] bgra = new byte[0];
        private int width;
        private int height;
        private long sequence;

        public byte[] bgra() {
            return bgra;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public long sequence() {
            return sequence;
        }

        void ensure(int w, int h) {
            int length = w * h * 4;
            if (bgra.length != length) {
                bgra = new byte[length];
            }
            width = w;
            height = h;
        }
    }

    private Pixels back = new Pixels();
    private Pixels ready = new Pixels();
    private Pixels front = new Pixels();
    private boolean fresh;

    /** The writer's buffer, sized for a {@code width}×{@code height} frame. Writer thread only. */
    public Pixels back(int width, int height) {
        back.ensure(width, height);
        return back;
    }

    /** Publishes the back buffer; returns true when the previous published frame had been taken already. */
    public synchronized boolean publish(long sequence) {
        back.sequence = sequence;
        Pixels swap = ready;
        ready = back;
        back = swap;
        boolean wasTaken = !fresh;
        fresh = true;
        return wasTaken;
    }

    /** The newest published frame, or null when none is newer than the last one acquired. Reader thread only. */
    public synchronized Pixels acquire() {
        if (!fresh) {
            return null;
        }
        Pixels swap = front;
        front = ready;
        ready = swap;
        fresh = false;
        return front;
    }
}
