package org.fingerspell.model;

import com.google.gson.JsonObject;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads tiny ONNX models (made by training/make_test_fixtures.py) to check loading, checks and inference. */
class OnnxClassifierTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    private Path install(String resource, JsonObject descriptor) throws Exception {
        Path onnx = dir.resolve("model.onnx");
        try (InputStream in = getClass().getResourceAsStream("/models/" + resource)) {
            Files.copy(in, onnx);
        }
        DescriptorFixtures.write(dir, "model.json", descriptor);
        return onnx;
    }

    private static JsonObject descriptorOfSize(int size) {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("input").addProperty("size", size);
        return json;
    }

    private String loadError(Path onnx) {
        return assertThrows(ModelException.class, () -> OnnxClassifier.load(onnx, DeviceChoice.CPU, 1).close())
                .getMessage();
    }

    @Test
    void load_tinyModel_runsOnCpuAndReturnsAProbabilityPerLabel() throws Exception {
        Path onnx = install("tiny.onnx", descriptorOfSize(16));
        Mat image = new Mat(40, 30, CvType.CV_8UC3, new Scalar(10, 200, 90));
        try (OnnxClassifier classifier = OnnxClassifier.load(onnx, DeviceChoice.AUTO, 1);
             ClassifierSession session = classifier.newSession()) {
            assertEquals("CPU", classifier.device());
            Classification c = session.classify(image);
            double sum = 0;
            for (double p : c.probabilities()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9);
            assertEquals(29, c.probabilities().length);
            assertEquals(8, c.embedding().length);
        } finally {
            image.release();
        }
    }

    @Test
    void classifyAll_batch_matchesOneByOne() throws Exception {
        Path onnx = install("tiny.onnx", descriptorOfSize(16));
        Mat a = new Mat(16, 16, CvType.CV_8UC3, new Scalar(0, 0, 255));
        Mat b = new Mat(32, 32, CvType.CV_8UC3, new Scalar(255, 0, 0));
        try (OnnxClassifier classifier = OnnxClassifier.load(onnx, DeviceChoice.CPU, 1);
             ClassifierSession session = classifier.newSession()) {
            List<Classification> batch = session.classifyAll(List.of(a, b));
            double[] single = session.classify(b).probabilities();
            double[] batched = batch.get(1).probabilities();
            for (int i = 0; i < single.length; i++) {
                assertEquals(single[i], batched[i], 1e-6);
            }
        } finally {
            OpenCv.release(a, b);
        }
    }

    @Test
    void load_missingModelFile_saysNotFound() {
        String message = loadError(dir.resolve("absent.onnx"));
        assertTrue(message.contains("absent.onnx: model file not found"), message);
    }

    @Test
    void load_garbageBytes_saysNotValidOnnx() throws Exception {
        Path onnx = dir.resolve("model.onnx");
        Files.write(onnx, "definitely not a protobuf".getBytes());
        DescriptorFixtures.write(dir, "model.json", descriptorOfSize(16));
        String message = loadError(onnx);
        assertTrue(message.contains("model.onnx"), message);
        assertTrue(message.contains("not a valid ONNX model") || message.contains("cannot load"), message);
    }

    @Test
    void load_modelWithoutDescriptor_saysDescriptorMissing() throws Exception {
        Path onnx = install("tiny.onnx", descriptorOfSize(16));
        Files.delete(dir.resolve("model.json"));
        assertTrue(loadError(onnx).contains("descriptor not found"));
    }

    @Test
    void load_oneChannelInput_isRejectedWithTheShape() throws Exception {
        String message = loadError(install("tiny-one-channel.onnx", descriptorOfSize(16)));
        assertTrue(message.contains("input shape"), message);
    }

    @Test
    void load_sizeDisagreeingWithDescriptor_isRejected() throws Exception {
        String message = loadError(install("tiny.onnx", descriptorOfSize(112)));
        assertTrue(message.contains("does not match the descriptor"), message);
    }

    @Test
    void load_tenOutputsForTwentyNineLabels_isRejected() throws Exception {
        String message = loadError(install("tiny-ten-classes.onnx", descriptorOfSize(16)));
        assertTrue(message.contains("outputs 10 scores"), message);
    }

    @Test
    void load_wrongInputName_isRejected() throws Exception {
        JsonObject json = descriptorOfSize(16);
        json.addProperty("input_name", "pixels");
        String message = loadError(install("tiny.onnx", json));
        assertTrue(message.contains("input is named 'input'"), message);
    }

    @Test
    void load_cudaOnCpuBuild_explainsHowToGetIt() throws Exception {
        Path onnx = install("tiny.onnx", descriptorOfSize(16));
        org.junit.jupiter.api.Assumptions.assumeFalse(OnnxClassifier.cudaProviderAvailable(),
                "skipped: this build has CUDA");
        ModelException e = assertThrows(ModelException.class,
                () -> OnnxClassifier.load(onnx, DeviceChoice.CUDA, 1).close());
        assertTrue(e.getMessage().contains("-Pgpu"), e.getMessage());
    }
}
