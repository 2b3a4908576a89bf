package org.fingerspell.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkResultTest {

    private static final long MS = 1_000_000L;

    private static BenchmarkResult result(Map<Stage, LatencyStats> stages, long computeNanos) {
        return new BenchmarkResult("test", null, stages, LatencyStats.EMPTY, LatencyStats.EMPTY, LatencyStats.EMPTY,
                computeNanos, 60 * MS, 20 * MS, 2, Map.of(), List.of());
    }

    @Test
    void overheadRatio_withoutLandmarks_isComputeOverTheNetworks() {
        assertEquals(1.25, result(Map.of(), 100 * MS).overheadRatio(), 1e-9);
    }

    @Test
    void overheadRatio_leavesTheLandmarkStageOut() {
        // 10 frames of 3 ms of landmarks: 30 ms of the 130 ms compute has no bare twin to compare with
        LatencyStats landmarks = LatencyStats.ofMillis(new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3});
        assertEquals(1.25, result(Map.of(Stage.LANDMARKS, landmarks), 130 * MS).overheadRatio(), 1e-9);
    }
}
