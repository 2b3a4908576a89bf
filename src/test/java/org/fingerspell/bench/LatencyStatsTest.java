package org.fingerspell.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencyStatsTest {

    private static final double EXACT = 1e-12;

    @Test
    void fourValues_interpolateBetweenRanks() {
        // sorted 1 2 3 4: median at rank 1.5 -> 2.5; p95 at rank 2.85 -> 3 + 0.85; p99 at rank 2.97 -> 3.97
        LatencyStats stats = LatencyStats.ofMillis(new double[] {4, 1, 3, 2});
        assertEquals(4, stats.count());
        assertEquals(2.5, stats.medianMillis(), EXACT);
        assertEquals(3.85, stats.p95Millis(), EXACT);
        assertEquals(3.97, stats.p99Millis(), EXACT);
        assertEquals(2.5, stats.meanMillis(), EXACT);
        assertEquals(1, stats.minMillis(), EXACT);
        assertEquals(4, stats.maxMillis(), EXACT);
    }

    @Test
    void oddCount_medianIsTheMiddleValue() {
        LatencyStats stats = LatencyStats.ofMillis(new double[] {10, 30, 20});
        assertEquals(20, stats.medianMillis(), EXACT);
        assertEquals(29, stats.p95Millis(), EXACT); // rank 1.9: 20 + 0.9 * 10
    }

    @Test
    void hundredAndOneValues_percentilesAreExactRanks() {
        double[] values = new double[101];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i; // 100 down to 0: sorting matters
        }
        LatencyStats stats = LatencyStats.ofMillis(values);
        assertEquals(50, stats.medianMillis(), EXACT);
        assertEquals(95, stats.p95Millis(), EXACT);
        assertEquals(99, stats.p99Millis(), EXACT);
    }

    @Test
    void oneValue_isEveryPercentile() {
        LatencyStats stats = LatencyStats.ofMillis(new double[] {7});
        assertEquals(7, stats.medianMillis(), EXACT);
        assertEquals(7, stats.p99Millis(), EXACT);
    }

    @Test
    void nanos_areConvertedToMillis() {
        LatencyStats stats = LatencyStats.ofNanos(new long[] {1_000_000, 3_000_000});
        assertEquals(2.0, stats.medianMillis(), EXACT);
        assertEquals(500, stats.throughputFps(), 1e-9);
        assertEquals(4.0, stats.totalMillis(), EXACT);
    }

    @Test
    void noValues_isEmptyWithZeroThroughput() {
        assertSame(LatencyStats.EMPTY, LatencyStats.ofNanos(new long[0]));
        assertEquals(0, LatencyStats.EMPTY.throughputFps());
    }

    @Test
    void percentile_outsideRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(new double[] {1}, 101));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(new double[0], 50));
    }
}
