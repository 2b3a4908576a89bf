package org.fingerspell.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import org.fingerspell.bench.Stage;
import org.fingerspell.bench.StageClock;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies BGR crops on one thread: preprocessing in Java/OpenCV, inference in ONNX Runtime. The input tensor is
 * written into one float array and one direct buffer that live as long as the session, so a frame allocates no
 * input memory and ONNX Runtime reads the buffer in place.
 */
public final class ClassifierSession implements AutoCloseable {

    private final ModelDescriptor descriptor;
    private final Predictor<TensorBatch, RawOutputs> predictor;
    private final Preprocessor preprocessor;
    private float[] values;
    private FloatBuffer input;
    private int lastLength;

    ClassifierSession(ModelDescriptor descriptor, Predictor<TensorBatch, RawOutputs> predictor) {
        this.descriptor = descriptor;
        this.predictor = predictor;
        this.preprocessor = new Preprocessor(descriptor.input());
        ensureCapacity(1);
    }

    /** Classifies one crop (the region the crop policy selected, any size). */
    public Classification classify(Mat bgrCrop) throws ModelException {
        return classify(bgrCrop, StageClock.NONE);
    }

    /** Classifies one crop, marking preprocessing and inference on {@code clock}. */
    public Classification classify(Mat bgrCrop, StageClock clock) throws ModelException {
        preprocessor.toTensor(bgrCrop, values, 0);
        clock.lap(Stage.CROP_PREPROCESS);
        RawOutputs outputs = run(1);
        clock.lap(Stage.CLASSIFIER);
        return toClassifications(outputs, 1).get(0);
    }

    /** Classifies several crops in one ONNX Runtime call. */
    public List<Classification> classifyAll(List<Mat> bgrCrops) throws ModelException {
        int n = bgrCrops.size();
        ensureCapacity(n);
        for (int i = 0; i < n; i++) {
            preprocessor.toTensor(bgrCrops.get(i), values, i * preprocessor.tensorLength());
        }
        return toClassifications(run(n), n);
    }

    /** Runs an already preprocessed tensor batch: used by benchmarks and parity checks. */
    public List<Classification> classifyTensors(float[] data, int count) throws ModelException {
        if (data.length < count * preprocessor.tensorLength()) {
            throw new IllegalArgumentException(data.length + " values are fewer than " + count + " tensors");
        }
        ensureCapacity(count);
        System.arraycopy(data, 0, values, 0, count * preprocessor.tensorLength());
        return toClassifications(run(count), count);
    }

    /** A copy of the tensor values the last inference ran on (benchmarks time bare ONNX Runtime on them). */
    public float[] lastInput() {
        return java.util.Arrays.copyOf(values, lastLength);
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    private void ensureCapacity(int count) {
        int length = count * preprocessor.tensorLength();
        if (values == null || values.length < length) {
            values = new float[length];
            input = ByteBuffer.allocateDirect(length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
    }

    private RawOutputs run(int count) throws ModelException {
        int length = count * preprocessor.tensorLength();
        input.clear();
        input.put(values, 0, length);
        input.flip();
        lastLength = length;
        try {
            return predictor.predict(new TensorBatch(input, count, preprocessor.size()));
        } catch (TranslateException e) {
            throw new ModelException("inference failed: " + e.getMessage(), e);
        }
    }

    private List<Classification> toClassifications(RawOutputs outputs, int count) {
        List<String> labels = descriptor.labels();
        int classes = outputs.classes();
        List<Classification> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] logits = new float[classes];
            System.arraycopy(outputs.logits(), i * classes, logits, 0, classes);
            float[] embedding = null;
            if (outputs.embedding() != null) {
                embedding = new float[outputs.embeddingDim()];
                System.arraycopy(outputs.embedding(), i * outputs.embeddingDim(), embedding, 0, embedding.length);
            }
            results.add(Classification.fromLogits(labels, logits, embedding));
        }
        return results;
    }

    @Override
    public void close() {
        predictor.close();
        preprocessor.release();
    }
}
