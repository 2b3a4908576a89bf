package org.fingerspell.model;

import org.fingerspell.cli.TinyModel;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The soak counters: tensors created and released per inference, crops opened and closed. */
class LiveTensorsTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void classify_createsInputAndOutputTensors_andReleasesThemAll(@TempDir Path dir) throws Exception {
        Path onnx = TinyModel.install(dir);
        Mat image = new Mat(32, 32, CvType.CV_8UC3, new Scalar(10, 20, 30));
        try (OnnxClassifier classifier = OnnxClassifier.load(onnx, DeviceChoice.CPU, 1);
             ClassifierSession session = classifier.newSession()) {
            session.classify(image);
            long before = LiveTensors.created();
            session.classify(image);
            session.classify(image);
            // input + logits + embedding per inference
            assertEquals(6, LiveTensors.created() - before);
            assertEquals(0, LiveTensors.live());
        } finally {
            image.release();
        }
    }

    @Test
    void crop_countsOpenUntilClosedOnce() {
        int before = Crop.openCount();
        Crop crop = new Crop(new Mat(4, 4, CvType.CV_8UC3), CropRegion.centredSquare(4, 4), true, 1,
                Crop.Source.WHOLE_FRAME, null);
        assertEquals(before + 1, Crop.openCount());
        crop.close();
        crop.close();
        assertEquals(before, Crop.openCount());
        new Crop(new Mat(), CropRegion.centredSquare(4, 4), false, 0, Crop.Source.NO_HAND, null).close();
        assertEquals(before, Crop.openCount(), "an empty image holds no native memory");
    }
}
