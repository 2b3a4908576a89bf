package org.fingerspell.video;

/** Events per second over the last second, from a ring of timestamps. Thread-safe. */
public final class RateMeter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final long[] times = new long[512];
    private int head;
    private int size;

    public synchronized void tick(long nanos) {
        times[head] = nanos;
        head = (head + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** Events in the second before {@code nowNanos}. */
    public synchronized double rate(long nowNanos) {
        int count = 0;
        for (int i = 1; i <= size; i++) {
            long t = times[(head - i + times.length) % times.length];
            if (nowNanos - t > WINDOW_NANOS) {
                break;
            }
            count++;
        }
        return count * 1e9 / WINDOW_NANOS;
    }
}
