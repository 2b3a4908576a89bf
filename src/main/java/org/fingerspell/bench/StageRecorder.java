package org.fingerspell.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects per-stage latencies frame by frame: {@link #begin()}, the pipeline's {@link #lap} calls, {@link #end()}.
 * A stage that did not run on a frame (tracking on a detected frame, say) adds no sample for it. Not thread-safe:
 * one recorder per measuring thread.
 */
public final class StageRecorder implements StageClock {

    private final Stage[] stages = Stage.values();
    private final long[] current = new long[stages.length];
    private final boolean[] ran = new boolean[stages.length];
    private final Samples[] samples = new Samples[stages.length];
    private final Samples endToEnd = new Samples();
    private final Samples compute = new Samples();
    private long frameStart;
    private long last;
    private boolean inFrame;

    public StageRecorder() {
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new Samples();
        }
    }

    public void begin() {
        Arrays.fill(current, 0);
        Arrays.fill(ran, false);
        frameStart = System.nanoTime();
        last = frameStart;
        inFrame = true;
    }

    @Override
    public void lap(Stage stage) {
        if (!inFrame) {
            return;
        }
        long now = System.nanoTime();
        current[stage.ordinal()] += now - last;
        ran[stage.ordinal()] = true;
        last = now;
    }

    /** Ends the frame; the time since the last lap counts as post-processing. */
    public void end() {
        if (!inFrame) {
            throw new IllegalStateException("end() without begin()");
        }
        lap(Stage.POSTPROCESS);
        inFrame = false;
        for (int i = 0; i < stages.length; i++) {
            if (ran[i]) {
                samples[i].add(current[i]);
            }
        }
        long total = last - frameStart;
        endToEnd.add(total);
        compute.add(total - current[Stage.DECODE.ordinal()]);
    }

    /** Forgets everything recorded so far (the warm-up). */
    public void reset() {
        for (Samples s : samples) {
            s.clear();
        }
        endToEnd.clear();
        compute.clear();
    }

    public int frames() {
        return endToEnd.size();
    }

    public long[] samples(Stage stage) {
        return samples[stage.ordinal()].toArray();
    }

    public Map<Stage, LatencyStats> stageStats() {
        Map<Stage, LatencyStats> stats = new EnumMap<>(Stage.class);
        for (Stage stage : stages) {
            stats.put(stage, LatencyStats.ofNanos(samples(stage)));
        }
        return stats;
    }

    /** Decode to post-processing, per frame. */
    public long[] endToEnd() {
        return endToEnd.toArray();
    }

    /** End to end without decoding: what the live pipeline's inference thread does per frame. */
    public long[] compute() {
        return compute.toArray();
    }

    /** A growable list of longs: a frame's samples without boxing. */
    static final class Samples {
        private long[] values = new long[256];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
