package org.fingerspell.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.OrtProvider;
import org.fingerspell.image.OpenCv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A ResNet classifier in ONNX Runtime through DJL, configured entirely by its {@link ModelDescriptor}.
 * Load once (off the UI thread), open one {@link ClassifierSession} per thread, close when done.
 */
public final class OnnxClassifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxClassifier.class);

    private final Path modelFile;
    private final ModelDescriptor descriptor;
    private final Model model;
    private final OrtSession.SessionOptions sessionOptions;
    private final SessionSettings settings;
    private final FingerspellTranslator translator;
    private final String device;

    private OnnxClassifier(Path modelFile, ModelDescriptor descriptor, Model model,
                           OrtSession.SessionOptions sessionOptions, SessionSettings settings, String device) {
        this.modelFile = modelFile;
        this.descriptor = descriptor;
        this.model = model;
        this.sessionOptions = sessionOptions;
        this.settings = settings;
        this.translator = new FingerspellTranslator(descriptor);
        this.device = device;
    }

    public static OnnxClassifier load(Path modelFile) throws ModelException {
        return load(modelFile, DeviceChoice.AUTO, 0);
    }

    /**
     * Loads and checks the model: the descriptor must be valid and the network must take [N,3,S,S] and return
     * one score per label. {@code intraOpThreads} 0 lets ONNX Runtime use every core.
     */
    public static OnnxClassifier load(Path modelFile, DeviceChoice choice, int intraOpThreads) throws ModelException {
        return load(modelFile, choice, SessionSettings.defaults(intraOpThreads));
    }

    /** Loads and checks the model with these ONNX Runtime settings (the benchmark compares them). */
    public static OnnxClassifier load(Path modelFile, DeviceChoice choice, SessionSettings settings)
            throws ModelException {
        OpenCv.load();
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelException(modelFile + ": model file not found");
        }
        ModelDescriptor descriptor = ModelDescriptor.forModel(modelFile);
        boolean cudaAvailable = cudaProviderAvailable();
        if (choice == DeviceChoice.CUDA && !cudaAvailable) {
            throw new ModelException("CUDA was requested but this build has no CUDA support "
                    + "(build with -Pgpu on a machine with an NVIDIA GPU) ");
        }
        if (choice != DeviceChoice.CPU && cudaAvailable) {
            try {
                OnnxClassifier gpu = open(modelFile, descriptor, Device.gpu(0), settings);
                LOG.info("Classifier {} runs on CUDA (GPU 0)", descriptor.name());
                return gpu;
            } catch (ModelException | RuntimeException e) {
                if (choice == DeviceChoice.CUDA) {
                    throw e instanceof ModelException me ? me : new ModelException("CUDA failed: " + e.getMessage(), e);
                }
                LOG.warn("CUDA is present but failed ({}); falling back to CPU", e.getMessage());
            }
        }
        OnnxClassifier cpu = open(modelFile, descriptor, Device.cpu(), settings);
        LOG.info("Classifier {} runs on CPU", descriptor.name());
        return cpu;
    }

    static boolean cudaProviderAvailable() {
        try {
            OrtModel.environment();
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * DJL's Criteria passes only string options, so the model is loaded directly: DJL's ONNX Runtime engine takes a
     * ready {@code sessionOptions} object, which is the only way to set a session config entry such as spinning.
     */
    private static OnnxClassifier open(Path modelFile, ModelDescriptor descriptor, Device device,
                                       SessionSettings settings) throws ModelException {
        checkSignature(modelFile, descriptor);
        OrtSession.SessionOptions options;
        try {
            options = settings.toSessionOptions();
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime rejected the session settings " + settings + ": "
                    + OrtModel.firstLine(e), e);
        }
        Model model = Model.newInstance(descriptor.name(), device, "OnnxRuntime");
        try {
            String name = modelFile.getFileName().toString().replaceFirst("\\.onnx$", "");
            model.load(modelFile, name, Map.of("sessionOptions", options));
        } catch (MalformedModelException | IOException e) {
            close(model, options);
            throw new ModelException(modelFile + ": not a valid ONNX model (" + OrtModel.firstLine(e) + ")", e);
        } catch (RuntimeException e) {
            close(model, options);
            throw new ModelException(modelFile + ": ONNX Runtime cannot load it (" + OrtModel.firstLine(e) + ")", e);
        }
        String deviceName = device.isGpu() ? "CUDA:" + device.getDeviceId() : "CPU";
        return new OnnxClassifier(modelFile, descriptor, model, options, settings, deviceName);
    }

    private static void close(Model model, OrtSession.SessionOptions options) {
        model.close();
        options.close();
    }

    /**
     * The network must agree with its descriptor: input name and shape, and one logit per label. DJL does not
     * report ONNX shapes, so the file is inspected with a bare ONNX Runtime session (metadata only).
     */
    private static void checkSignature(Path modelFile, ModelDescriptor descriptor) throws ModelException {
        OrtEnvironment environment = OrtModel.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            try (OrtSession session = environment.createSession(modelFile.toString(), options)) {
                checkInputs(modelFile, descriptor, session.getInputInfo());
                checkOutputs(modelFile, descriptor, session.getOutputInfo());
            }
        } catch (OrtException e) {
            throw new ModelException(modelFile + ": not a valid ONNX model (" + OrtModel.firstLine(e) + ")", e);
        }
    }

    private static void checkInputs(Path modelFile, ModelDescriptor descriptor, Map<String, NodeInfo> inputs)
            throws ModelException {
        if (inputs.size() != 1) {
            throw new ModelException(modelFile + ": expected 1 input, the model has " + inputs.size());
        }
        Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
        if (!descriptor.inputName().equals(input.getKey())) {
            throw new ModelException(modelFile + ": input is named '" + input.getKey()
                    + "' but the descriptor says '" + descriptor.inputName() + "'");
        }
        long[] shape = shapeOf(modelFile, input.getValue());
        int size = descriptor.input().size();
        if (shape.length != 4 || shape[1] != 3 || !matches(shape[2], size) || !matches(shape[3], size)) {
            throw new ModelException(modelFile + ": input shape " + java.util.Arrays.toString(shape)
                    + " does not match the descriptor's [N, 3, " + size + ", " + size + "]");
        }
    }

    private static void checkOutputs(Path modelFile, ModelDescriptor descriptor, Map<String, NodeInfo> outputs)
            throws ModelException {
        NodeInfo logits = outputs.get(descriptor.logitsOutput());
        if (logits == null) {
            throw new ModelException(modelFile + ": no output named '" + descriptor.logitsOutput()
                    + "' (outputs: " + outputs.keySet() + ")");
        }
        long[] shape = shapeOf(modelFile, logits);
        long classes = shape[shape.length - 1];
        if (classes != descriptor.labels().size()) {
            throw new ModelException(modelFile + ": the model outputs " + classes + " scores but the descriptor has "
                    + descriptor.labels().size() + " labels");
        }
        if (descriptor.embeddingOutput() != null && !outputs.containsKey(descriptor.embeddingOutput())) {
            throw new ModelException(modelFile + ": no output named '" + descriptor.embeddingOutput() + "'");
        }
    }

    private static long[] shapeOf(Path modelFile, NodeInfo node) throws ModelException {
        if (!(node.getInfo() instanceof TensorInfo tensor)) {
            throw new ModelException(modelFile + ": '" + node.getName() + "' is not a tensor");
        }
        return tensor.getShape();
    }

    private static boolean matches(long dimension, int expected) {
        return dimension == expected || dimension < 0;
    }

    /** A session owns a DJL predictor and reusable buffers; it is not thread-safe: one per thread. */
    public ClassifierSession newSession() {
        return new ClassifierSession(descriptor, model.newPredictor(translator));
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public Path modelFile() {
        return modelFile;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** "CPU" or "CUDA:0": the device this model actually runs on. */
    public String device() {
        return device;
    }

    @Override
    public void close() {
        close(model, sessionOptions);
    }
}
