package org.fingerspell.ui;

import org.fingerspell.bench.ProcessMemory;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.Frame;
import org.fingerspell.video.PipelineStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Appends one line of pipeline health every interval to a file (for soak runs: {@code --stats-log FILE}):
 * frames, rates, latency, whether the capture and inference threads live, open frames, heap and RSS.
 * Runs on its own thread.
 */
public final class StatsLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatsLog.class);

    private final ScheduledExecutorService timer;
    private final PrintWriter out;
    private final LiveViewModel live;
    private final long start = System.nanoTime();

    public StatsLog(Path file, LiveViewModel live, long intervalMillis) throws IOException {
        this.live = live;
        this.out = new PrintWriter(Files.newBufferedWriter(file), true);
        out.println("seconds\tcaptured\tinferred\tdropped\terrors\tcapture_alive\tinference_alive\tcapture_fps\t"
                + "display_fps\tinference_fps\tlatency_ms\tinference_ms\topen_frames\theap_used_mb\theap_after_gc_mb\trss_mb");
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fingerspell-stats-log");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::write, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void write() {
        try {
            PipelineStats stats = live.stats();
            ProcessMemory memory = ProcessMemory.now();
            out.println(String.format(Locale.ROOT,
                    "%.0f\t%d\t%d\t%d\t%d\t%b\t%b\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%.1f\t%.1f\t%.1f",
                    (System.nanoTime() - start) / 1e9,
                    stats == null ? 0 : stats.captured(), stats == null ? 0 : stats.inferred(),
                    stats == null ? 0 : stats.dropped(), stats == null ? 0 : stats.errors(),
                    stats != null && stats.captureAlive(), stats != null && stats.inferenceAlive(),
                    stats == null ? 0 : stats.captureFps(), live.displayRate(),
                    stats == null ? 0 : stats.inferenceFps(), stats == null ? 0 : stats.latencyMillis(),
                    stats == null ? 0 : stats.inferenceMillis(), Frame.openCount(), memory.heapUsedMb(),
                    memory.heapAfterGcMb(), memory.rssMb()));
        } catch (RuntimeException e) {
            LOG.warn("Stats log failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        out.close();
    }
}
