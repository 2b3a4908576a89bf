package org.fingerspell.model;

import ai.djl.engine.Engine;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A bare ONNX Runtime session on a model file, with the options it was made with; closed together. For the small
 * networks that need no DJL predictor (hand landmarks, the landmark classifier). {@code OrtSession.run} is
 * thread-safe, so one instance serves every thread.
 */
public final class OrtModel implements AutoCloseable {

    private final Path file;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;

    private OrtModel(Path file, OrtSession.SessionOptions options, OrtSession session) {
        this.file = file;
        this.options = options;
        this.session = session;
    }

    /**
     * The process-wide environment. DJL's engine creates it with its own thread pool and fails if one exists, so
     * the engine must come up before anything touches ONNX Runtime directly.
     */
    public static OrtEnvironment environment() {
        Engine.getEngine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }

    /** Opens {@code file}; {@code what} names the network in error messages ("hand landmark model"). */
    public static OrtModel open(Path file, SessionSettings settings, String what) throws ModelException {
        if (!Files.isRegularFile(file)) {
            throw new ModelException(file + ": " + what + " not found");
        }
        OrtEnvironment environment = environment();
        OrtSession.SessionOptions options;
        try {
            options = settings.toSessionOptions();
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime rejected the session settings " + settings + ": "
                    + firstLine(e), e);
        }
        try {
            return new OrtModel(file, options, environment.createSession(file.toString(), options));
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw new ModelException(file + ": not a valid ONNX " + what + " (" + firstLine(e) + ")", e);
        }
    }

    public Path file() {
        return file;
    }

    public OrtSession session() {
        return session;
    }

    public Map<String, NodeInfo> inputs() throws ModelException {
        try {
            return session.getInputInfo();
        } catch (OrtException e) {
            throw new ModelException(file + ": cannot read the inputs (" + firstLine(e) + ")", e);
        }
    }

    public Map<String, NodeInfo> outputs() throws ModelException {
        try {
            return session.getOutputInfo();
        } catch (OrtException e) {
            throw new ModelException(file + ": cannot read the outputs (" + firstLine(e) + ")", e);
        }
    }

    /** The shape of the named input or output (-1 for a free dimension); a clear error when there is none. */
    public long[] shapeOf(Map<String, NodeInfo> nodes, String name) throws ModelException {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw new ModelException(file + ": no tensor named '" + name + "' (has " + nodes.keySet() + ")");
        }
        if (!(node.getInfo() instanceof TensorInfo tensor)) {
            throw new ModelException(file + ": '" + name + "' is not a tensor");
        }
        return tensor.getShape();
    }

    /** Whether {@code shape} is {@code expected}, where -1 in either stands for any size (the batch). */
    public static boolean matches(long[] shape, long... expected) {
        if (shape.length != expected.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && expected[i] >= 0 && shape[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** For messages: "[-1, 224, 224, 3]". */
    public static String describe(long[] shape) {
        return Arrays.toString(shape);
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        close(session, options);
    }

    /** Closes a bare session and then the options it was made with (the options must outlive the session). */
    public static void close(OrtSession session, OrtSession.SessionOptions options) {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session that failed to close has nothing left to do
        } finally {
            options.close();
        }
    }
}
