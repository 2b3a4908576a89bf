package org.fingerspell.cli;

import org.fingerspell.bench.BenchmarkReport;
import org.fingerspell.bench.BenchmarkResult;
import org.fingerspell.bench.EncodedSequence;
import org.fingerspell.bench.KaggleSequence;
import org.fingerspell.bench.MachineInfo;
import org.fingerspell.bench.PipelineBenchmark;
import org.fingerspell.bench.PytorchReference;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.model.SessionSettings;
import org.fingerspell.video.CameraSource;
import org.fingerspell.video.FrameSource;
import org.fingerspell.video.SourceSpec;
import org.opencv.core.Core;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code fingerspell benchmark}: times every stage of the live pipeline and compares it with bare ONNX Runtime. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Time every stage of the live pipeline (decode, hand detection, tracking, crop + preprocess, "
                + "classifier, post-processing, end to end) and compare the classifier with bare ONNX Runtime and "
                + "with PyTorch eager on the same tensors.",
                "Without --source it plays 640x480 frames made from real kaggle-train images in --data."})
public final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "camera:N|video:FILE|folder:DIR",
            description = "Where frames come from (default: the kaggle-train sequence from --data).")
    private String source;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The image packs, for the default sequence (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "300",
            description = "Frames measured (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "30",
            description = "Frames run first and not counted (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Option(names = "--spinning", paramLabel = "on|off",
            description = "ONNX Runtime's idle threads spin-wait (default: the app's setting, off).")
    private String spinning;

    @Option(names = "--opt-level", paramLabel = "none|basic|extended|all", defaultValue = "all",
            description = "ONNX Runtime graph optimisation (default: ${DEFAULT-VALUE}).")
    private String optLevel;

    @Option(names = "--no-pytorch", description = "Do not run the PyTorch eager reference.")
    private boolean noPytorch;

    @Option(names = "--python", paramLabel = "FILE", defaultValue = "/usr/bin/python3",
            description = "Python with torch for the reference (default: ${DEFAULT-VALUE}).")
    private Path python;

    @Option(names = "--pytorch-script", paramLabel = "FILE", defaultValue = "training/bench_pytorch.py",
            description = "The reference script (default: ${DEFAULT-VALUE}).")
    private Path pytorchScript;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Training checkpoint for the reference's weights (default: torchvision's ResNet-18 with "
                    + "fresh weights; the speed is the same).")
    private Path checkpoint;

    @Option(names = "--pytorch-frames", paramLabel = "N", defaultValue = "100",
            description = "How many of the measured tensors the reference times (default: ${DEFAULT-VALUE}).")
    private int pytorchFrames;

    @Mixin
    private ModelOptions modelOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || warmup < 0 || pytorchFrames < 0) {
            throw new IllegalArgumentException(
                    "--frames must be at least 1; --warmup and --pytorch-frames not negative");
        }
        SessionSettings settings = SessionSettings.defaults(modelOptions.threads())
                .withOptLevel(SessionSettings.parseOptLevel(optLevel));
        if (spinning != null) {
            settings = settings.withSpinning(parseOnOff(spinning));
        }
        MachineInfo before = MachineInfo.now();
        BenchmarkReport report;
        try (OnnxClassifier classifier = modelOptions.load(settings)) {
            FrameSource frameSource = openSource(frames + warmup);
            BenchmarkResult result = PipelineBenchmark.run(frameSource, classifier,
                    new PipelineBenchmark.Options(frames, warmup, noPytorch ? 0 : pytorchFrames));
            double[] loadAfter = MachineInfo.currentLoad();
            int size = classifier.descriptor().input().size();
            PytorchReference pytorch = reference(classifier, result, size, settings);
            report = new BenchmarkReport(result, new BenchmarkReport.ModelFacts(classifier.modelFile().toString(),
                    classifier.descriptor().name(), classifier.descriptor().architecture(), size), classifier.device(),
                    settings, Core.getNumThreads(), before, loadAfter, pytorch);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.toJsonText() : report.toText());
        out.flush();
        return ExitCodes.OK;
    }

    private FrameSource openSource(int needed) throws java.io.IOException {
        if (source != null) {
            return SourceSpec.parse(source).create(CameraSource.Resolution.VGA, 0, true);
        }
        Optional<EncodedSequence> sequence = KaggleSequence.load(data, needed);
        return sequence.orElseThrow(() -> new IllegalArgumentException("no --source given and " + data.resolve(
                KaggleSequence.PACK) + " not found: pass --source folder:DIR or video:FILE, or --data DIR"));
    }

    private PytorchReference reference(OnnxClassifier classifier, BenchmarkResult result, int size,
                                       SessionSettings settings) {
        if (noPytorch) {
            return PytorchReference.skipped("not run: --no-pytorch");
        }
        if (!"resnet18".equalsIgnoreCase(classifier.descriptor().architecture())) {
            String architecture = classifier.descriptor().architecture();
            return PytorchReference.skipped("the reference is a ResNet-18 and this model's descriptor says "
                    + (architecture.isEmpty() ? "no architecture" : "'" + architecture + "'"));
        }
        if (!"CPU".equals(classifier.device())) {
            return PytorchReference.skipped("the reference runs on the CPU and the classifier ran on "
                    + classifier.device());
        }
        int threads = settings.intraOpThreads() > 0 ? settings.intraOpThreads()
                : Runtime.getRuntime().availableProcessors();
        return PytorchReference.run(new PytorchReference.Setup(python, pytorchScript, checkpoint, 600),
                result.tensors(), size, threads, Math.min(10, warmup));
    }

    private static boolean parseOnOff(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "1" -> true;
            case "off", "false", "0" -> false;
            default -> throw new IllegalArgumentException("--spinning " + value + ": use on or off");
        };
    }
}
