package org.fingerspell.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.fingerspell.model.OrtModel;
import org.fingerspell.model.SessionSettings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The classifier's network in ONNX Runtime's own Java API with nothing around it: the yardstick the benchmark
 * divides Fingerspell's time by. Same file and same session settings as the app's session; the input is copied
 * into a direct buffer outside the timed part, so only {@code OrtSession.run} is timed.
 */
public final class BareOrtSession implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final String inputName;
    private final long[] shape;
    private final FloatBuffer buffer;

    /** Opens the session; the DJL engine must already be up (it owns the process-wide environment). */
    public BareOrtSession(Path modelFile, String inputName, int size, SessionSettings settings) throws OrtException {
        this.environment = OrtEnvironment.getEnvironment();
        this.options = settings.toSessionOptions();
        try {
            this.session = environment.createSession(modelFile.toString(), options);
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
        this.inputName = inputName;
        this.shape = new long[] {1, 3, size, size};
        this.buffer = ByteBuffer.allocateDirect(3 * size * size * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** Runs one tensor (CHW values of one image) and returns the nanoseconds {@code run} took. */
    public long time(float[] tensor) throws OrtException {
        buffer.clear();
        buffer.put(tensor, 0, buffer.capacity());
        buffer.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(environment, buffer, shape)) {
            long start = System.nanoTime();
            try (OrtSession.Result result = session.run(Map.of(inputName, input))) {
                return System.nanoTime() - start;
            }
        }
    }

    @Override
    public void close() {
        OrtModel.close(session, options);
    }
}
