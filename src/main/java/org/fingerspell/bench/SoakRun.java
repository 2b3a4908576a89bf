package org.fingerspell.bench;

import org.fingerspell.hand.Crop;
import org.fingerspell.model.LiveTensors;
import org.fingerspell.video.Frame;
import org.fingerspell.video.FrameReader;
import org.fingerspell.video.FrameSource;
import org.fingerspell.video.LivePipeline;
import org.fingerspell.video.PipelineStats;
import org.fingerspell.video.SourceStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the live pipeline (capture and inference threads, exactly as the live view does, without a window) for a
 * while and samples memory and native objects at intervals. After the pipeline is closed every frame, crop and
 * tensor must be released: {@link Summary#leaks()} says whether any was not.
 */
public final class SoakRun {

    /** How the run went. RSS growth is from the first sample after the warm-up to the last one. */
    public record Summary(List<SoakSample> samples, double warmupSeconds, SoakSample afterWarmup, SoakSample last,
                          double peakRssMb, int framesOpenAfterClose, int cropsOpenAfterClose,
                          int tensorsLiveAfterClose, String sourceStatus) {

        public double rssGrowthPercent() {
            if (afterWarmup == null || last == null || afterWarmup.memory().rssMb() <= 0) {
                return Double.NaN;
            }
            return 100 * (last.memory().rssMb() - afterWarmup.memory().rssMb()) / afterWarmup.memory().rssMb();
        }

        public int leaks() {
            return framesOpenAfterClose + cropsOpenAfterClose + tensorsLiveAfterClose;
        }
    }

    private final Supplier<FrameSource> sources;
    private final Supplier<? extends FrameReader> readers;

    public SoakRun(Supplier<FrameSource> sources, Supplier<? extends FrameReader> readers) {
        this.sources = Objects.requireNonNull(sources);
        this.readers = Objects.requireNonNull(readers);
    }

    /**
     * Runs for {@code seconds}, handing each sample (every {@code intervalSeconds}) to {@code onSample} as it is
     * taken; the warm-up (JIT, ONNX Runtime's arena, OpenCV's buffers) is {@code warmupSeconds}.
     */
    public Summary run(double seconds, double intervalSeconds, double warmupSeconds, Consumer<SoakSample> onSample)
            throws InterruptedException {
        if (!(seconds > 0 && intervalSeconds > 0)) {
            throw new IllegalArgumentException("the run and the interval must be longer than 0 s");
        }
        List<SoakSample> samples = new ArrayList<>();
        AtomicReference<String> status = new AtomicReference<>("");
        LivePipeline.Listener listener = new LivePipeline.Listener() {
            @Override
            public void sourceStatus(SourceStatus s) {
                status.set(s.state() + (s.message().isEmpty() ? "" : ": " + s.message()));
            }
        };
        long start = System.nanoTime();
        double peak = 0;
        try (LivePipeline pipeline = new LivePipeline(sources, listener)) {
            pipeline.attachReaders(readers);
            pipeline.start();
            long interval = (long) (intervalSeconds * 1e9);
            long end = start + (long) (seconds * 1e9);
            for (long due = start + interval; due <= end + interval / 2; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                SoakSample sample = sample(pipeline.stats(), (System.nanoTime() - start) / 1e9);
                peak = Math.max(peak, sample.memory().rssMb());
                samples.add(sample);
                onSample.accept(sample);
            }
        }
        SoakSample afterWarmup = samples.stream().filter(s -> s.seconds() >= warmupSeconds).findFirst().orElse(null);
        SoakSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        return new Summary(List.copyOf(samples), warmupSeconds, afterWarmup, last, peak, Frame.openCount(),
                Crop.openCount(), LiveTensors.live(), status.get());
    }

    private static SoakSample sample(PipelineStats stats, double seconds) {
        return new SoakSample(seconds, stats.captured(), stats.inferred(), stats.dropped(), stats.errors(),
                stats.inferenceFps(), ProcessMemory.now(), Frame.openCount(), Crop.openCount(), LiveTensors.live(),
                LiveTensors.created());
    }
}
