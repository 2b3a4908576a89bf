package org.fingerspell.bench;

import ai.onnxruntime.OrtSession;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.model.SessionSettings;
import org.opencv.core.Core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a timed test: compares ONNX Runtime session settings and OpenCV's thread count on the full pipeline, as
 * ratios to the app's settings measured in the same run. Variants take turns in rounds of a few dozen frames, so
 * a change in the machine's load hits all of them alike; each variant's figure is the median of its round medians.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.fingerspell.bench.SessionSettingsStudy \
 *     [models/fingerspell.onnx] [rounds] [frames-per-round]
 * </pre>
 */
public final class SessionSettingsStudy {

    private record Variant(String name, SessionSettings settings, int opencvThreads) {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args.length > 0 ? args[0] : "models/fingerspell.onnx");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        org.fingerspell.image.OpenCv.load();
        int cores = Runtime.getRuntime().availableProcessors();
        SessionSettings app = SessionSettings.defaults(0);
        List<Variant> variants = List.of(
                new Variant("app settings (all cores, spinning off, ALL_OPT, OpenCV " + cores + " threads)", app,
                        cores),
                new Variant("spinning on", app.withSpinning(true), cores),
                new Variant("1 intra-op thread", SessionSettings.defaults(1), cores),
                new Variant("BASIC_OPT", app.withOptLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT), cores),
                new Variant("OpenCV 1 thread", app, 1));
        EncodedSequence sequence = KaggleSequence.load(Path.of("../shared/data"), frames + 5)
                .orElseThrow(() -> new IllegalStateException("needs ../shared/data/kaggle-train"));
        System.out.println("Source: " + sequence.describe());
        System.out.println("Machine: " + MachineInfo.now().describe());
        List<OnnxClassifier> classifiers = new ArrayList<>();
        for (Variant variant : variants) {
            classifiers.add(OnnxClassifier.load(model, DeviceChoice.CPU, variant.settings()));
        }
        double[][] compute = new double[variants.size()][rounds];
        double[][] classifier = new double[variants.size()][rounds];
        double[][] detection = new double[variants.size()][rounds];
        double[][] bare = new double[variants.size()][rounds];
        try {
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    Core.setNumThreads(variants.get(v).opencvThreads());
                    BenchmarkResult result = PipelineBenchmark.run(sequence, classifiers.get(v),
                            new PipelineBenchmark.Options(frames, 5, 0));
                    compute[v][round] = result.compute().medianMillis();
                    classifier[v][round] = result.stages().get(Stage.CLASSIFIER).medianMillis();
                    detection[v][round] = result.stages().get(Stage.DETECTION).medianMillis();
                    bare[v][round] = result.bareOrt().medianMillis();
                }
                System.out.println("round " + (round + 1) + " done, load " + MachineInfo.formatLoad(
                        MachineInfo.currentLoad()));
            }
        } finally {
            classifiers.forEach(OnnxClassifier::close);
        }
        System.out.printf(Locale.ROOT, "%n%-62s %10s %10s %10s %10s %8s %8s%n", "variant (medians of round medians)",
                "compute ms", "classif ms", "detect ms", "bare ms", "compute", "classif");
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "%-62s %10.2f %10.2f %10.2f %10.2f %8.3f %8.3f%n", variants.get(v).name(),
                    median(compute[v]), median(classifier[v]), median(detection[v]), median(bare[v]),
                    median(compute[v]) / median(compute[0]), median(classifier[v]) / median(classifier[0]));
        }
        System.out.println("Ratios: the variant over the app settings (below 1 is faster).");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return LatencyStats.percentile(sorted, 50);
    }
}
