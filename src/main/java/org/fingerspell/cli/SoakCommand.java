package org.fingerspell.cli;

import org.fingerspell.app.MallocArenas;
import org.fingerspell.bench.KaggleSequence;
import org.fingerspell.bench.EncodedSequence;
import org.fingerspell.bench.MachineInfo;
import org.fingerspell.bench.ProcessMemory;
import org.fingerspell.bench.SoakRun;
import org.fingerspell.bench.SoakSample;
import org.fingerspell.video.CameraSource;
import org.fingerspell.video.FrameSource;
import org.fingerspell.video.LoadedModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code fingerspell soak}: runs the live pipeline without a window and watches its memory. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Run the live pipeline (capture and inference threads, no window) on a source for a while and "
                + "print heap, RSS, live OpenCV Mats and live ONNX tensors at intervals; at the end, RSS growth "
                + "after the warm-up and what was left unreleased.",
                "Without --source it plays the 640x480 kaggle-train sequence from --data at 30 fps, looping."})
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "camera:N|video:FILE|folder:DIR",
            description = "Where frames come from; folders and videos loop (default: the kaggle-train sequence).")
    private String source;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The image packs, for the default sequence (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = {"--minutes", "--soak-minutes"}, paramLabel = "N", defaultValue = "30",
            description = "How long to run (default: ${DEFAULT-VALUE}; fractions allowed).")
    private double minutes;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    private double interval;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "60",
            description = "RSS growth is counted from the first sample after this (default: ${DEFAULT-VALUE}).")
    private double warmup;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "30",
            description = "Rate a folder or the default sequence is played at (default: ${DEFAULT-VALUE}).")
    private double fps;

    @Mixin
    private ModelOptions modelOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || !(interval > 0) || warmup < 0 || !(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("--minutes and --interval must be above 0, --warmup not negative, "
                    + "--fps within 0..240");
        }
        Supplier<FrameSource> sources = sources();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Source:  " + sources.get().describe());
        out.println("Machine: " + MachineInfo.now().describe());
        out.println("JVM:     " + ProcessMemory.jvmHeapSettings());
        out.println("Native:  " + MallocArenas.describe());
        out.println(String.format(Locale.ROOT, "%8s %9s %9s %8s %6s %7s %9s %9s %8s %6s %6s %8s %10s", "seconds",
                "captured", "inferred", "dropped", "errors", "inf_fps", "heap_mb", "gc_heap", "rss_mb", "frames",
                "crops", "tensors", "created"));
        out.flush();
        SoakRun.Summary summary;
        try (LoadedModel model = ModelLoader.onnx(modelOptions.modelFile(), modelOptions.deviceChoice(),
                modelOptions.threads()).load()) {
            summary = new SoakRun(sources, model.readers()).run(minutes * 60, interval, warmup, sample -> {
                out.println(row(sample));
                out.flush();
            });
        }
        out.println(summaryText(summary));
        out.flush();
        return summary.leaks() == 0 ? ExitCodes.OK : ExitCodes.INPUT_ERROR;
    }

    private Supplier<FrameSource> sources() throws java.io.IOException {
        if (source != null) {
            SourceSpec spec = SourceSpec.parse(source);
            return () -> spec.create(CameraSource.Resolution.VGA, fps, true);
        }
        EncodedSequence sequence = KaggleSequence.load(data, 300).orElseThrow(() -> new IllegalArgumentException(
                "no --source given and " + data.resolve(KaggleSequence.PACK) + " not found: pass --source "
                        + "folder:DIR or video:FILE, or --data DIR"));
        EncodedSequence paced = sequence.atRate(fps);
        return () -> paced;
    }

    private static String row(SoakSample s) {
        return String.format(Locale.ROOT, "%8.0f %9d %9d %8d %6d %7.1f %9.1f %9.1f %8.1f %6d %6d %8d %10d",
                s.seconds(), s.captured(), s.inferred(), s.dropped(), s.errors(), s.inferenceFps(),
                s.memory().heapUsedMb(), s.memory().heapAfterGcMb(), s.memory().rssMb(), s.openFrames(),
                s.openCrops(), s.liveTensors(), s.tensorsCreated());
    }

    static String summaryText(SoakRun.Summary s) {
        StringBuilder text = new StringBuilder();
        if (s.afterWarmup() != null && s.last() != null) {
            text.append(String.format(Locale.ROOT, "RSS %.1f MB at %.0f s (after the %.0f s warm-up), %.1f MB at the "
                            + "end (%.0f s): %+.2f%%; peak %.1f MB%n", s.afterWarmup().memory().rssMb(),
                    s.afterWarmup().seconds(), s.warmupSeconds(), s.last().memory().rssMb(), s.last().seconds(),
                    s.rssGrowthPercent(), s.peakRssMb()));
            text.append(String.format(Locale.ROOT, "Heap after GC %.1f MB after the warm-up, %.1f MB at the end%n",
                    s.afterWarmup().memory().heapAfterGcMb(), s.last().memory().heapAfterGcMb()));
            text.append(String.format(Locale.ROOT, "Frames: %d captured, %d classified, %d dropped, %d errors%n",
                    s.last().captured(), s.last().inferred(), s.last().dropped(), s.last().errors()));
        } else {
            text.append("No sample after the warm-up: run longer than --warmup\n");
        }
        text.append(String.format(Locale.ROOT, "After closing: %d frames, %d crops open; %d ONNX tensors live "
                        + "(%s)%n", s.framesOpenAfterClose(), s.cropsOpenAfterClose(), s.tensorsLiveAfterClose(),
                s.leaks() == 0 ? "nothing leaked" : "LEAK"));
        text.append("Source at the end: ").append(s.sourceStatus());
        return text.toString();
    }
}
