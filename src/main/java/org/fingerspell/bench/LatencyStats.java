package org.fingerspell.bench;

import java.util.Arrays;

/**
 * Summary of latency samples in milliseconds. Percentiles interpolate linearly between the two nearest ranks
 * (rank {@code p/100 × (n − 1)} of the sorted samples, as NumPy's default), so the median of an even count is
 * the mean of the middle two.
 */
public record LatencyStats(int count, double meanMillis, double medianMillis, double p95Millis, double p99Millis,
                           double minMillis, double maxMillis) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0);

    public static LatencyStats ofNanos(long[] nanos) {
        double[] millis = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            millis[i] = nanos[i] / 1e6;
        }
        return ofMillis(millis);
    }

    public static LatencyStats ofMillis(double[] millis) {
        if (millis.length == 0) {
            return EMPTY;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new LatencyStats(sorted.length, sum / sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[0], sorted[sorted.length - 1]);
    }

    /** The {@code p}th percentile (0..100) of already sorted, non-empty values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p + " is outside 0..100");
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** Frames per second this stage alone would sustain (1000 / mean); 0 without samples. */
    public double throughputFps() {
        return meanMillis > 0 ? 1000 / meanMillis : 0;
    }

    public double totalMillis() {
        return meanMillis * count;
    }
}
