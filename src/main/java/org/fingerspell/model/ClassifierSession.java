package org.fingerspell.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/** Classifies BGR crops on one thread: preprocessing in Java/OpenCV, inference in ONNX Runtime. */
public final class ClassifierSession implements AutoCloseable {

    private final ModelDescriptor descriptor;
    private final Predictor<TensorBatch, RawOutputs> predictor;
    private final Preprocessor preprocessor;

    ClassifierSession(ModelDescriptor descriptor, Predictor<TensorBatch, RawOutputs> predictor) {
        this.descriptor = descriptor;
        this.predictor = predictor;
        this.preprocessor = new Preprocessor(descriptor.input());
    }

    /** Classifies one crop (the region the crop policy selected, any size). */
    public Classification classify(Mat bgrCrop) throws ModelException {
        return classifyAll(List.of(bgrCrop)).get(0);
    }

    /** Classifies several crops in one ONNX Runtime call. */
    public List<Classification> classifyAll(List<Mat> bgrCrops) throws ModelException {
        int n = bgrCrops.size();
        float[] data = new float[n * preprocessor.tensorLength()];
        for (int i = 0; i < n; i++) {
            preprocessor.toTensor(bgrCrops.get(i), data, i * preprocessor.tensorLength());
        }
        return run(new TensorBatch(data, n, preprocessor.size()));
    }

    /** Runs an already preprocessed tensor batch: used by benchmarks and parity checks. */
    public List<Classification> classifyTensors(float[] data, int count) throws ModelException {
        return run(new TensorBatch(data, count, preprocessor.size()));
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    private List<Classification> run(TensorBatch batch) throws ModelException {
        RawOutputs outputs;
        try {
            outputs = predictor.predict(batch);
        } catch (TranslateException e) {
            throw new ModelException("inference failed: " + e.getMessage(), e);
        }
        List<String> labels = descriptor.labels();
        int classes = outputs.classes();
        List<Classification> results = new ArrayList<>(batch.count());
        for (int i = 0; i < batch.count(); i++) {
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
