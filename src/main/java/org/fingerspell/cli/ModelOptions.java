package org.fingerspell.cli;

import org.fingerspell.app.Diagnostics;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.ModelLocator;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.model.SessionSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that runs the classifier shares. */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE",
            description = "ONNX model with its .json descriptor beside it (default: the committed models/fingerspell.onnx).")
    private Path model;

    @Option(names = "--device", paramLabel = "auto|cpu|cuda", defaultValue = "auto",
            description = "Where the classifier runs (default: ${DEFAULT-VALUE}: CUDA when the GPU build finds a GPU).")
    private String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime intra-op threads (0 = all cores).")
    private int threads;

    public Path modelFile() {
        return model != null ? model : ModelLocator.defaultModel();
    }

    public DeviceChoice deviceChoice() {
        return DeviceChoice.parse(device);
    }

    public int threads() {
        return threads;
    }

    public OnnxClassifier load() throws ModelException {
        return load(SessionSettings.defaults(threads));
    }

    /** Loads the model with these ONNX Runtime settings instead of the defaults for {@code --threads}. */
    public OnnxClassifier load(SessionSettings settings) throws ModelException {
        OnnxClassifier classifier = OnnxClassifier.load(modelFile(), DeviceChoice.parse(device), settings);
        Diagnostics.put(Diagnostics.MODEL, classifier.modelFile().toAbsolutePath().normalize() + " ("
                + classifier.descriptor().name() + " " + classifier.descriptor().version() + ")");
        Diagnostics.put(Diagnostics.DEVICE, classifier.device());
        return classifier;
    }
}
