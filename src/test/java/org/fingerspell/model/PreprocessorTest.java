package org.fingerspell.model;

import com.google.gson.JsonObject;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreprocessorTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    private Preprocessor preprocessor(String colorOrder) throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("input").addProperty("size", 16);
        json.getAsJsonObject("input").addProperty("color_order", colorOrder);
        return new Preprocessor(ModelDescriptor.read(DescriptorFixtures.write(dir, "d.json", json)).input());
    }

    @Test
    void toTensor_rgb_putsRedPlaneFirstAndNormalises() throws Exception {
        Mat bgr = new Mat(32, 32, CvType.CV_8UC3, new Scalar(0, 128, 255)); // B=0, G=128, R=255
        float[] t = preprocessor("RGB").toTensor(bgr);
        assertEquals(768, t.length);
        assertEquals((1.0 - 0.485) / 0.229, t[0], 1e-5);          // R plane
        assertEquals((128 / 255.0 - 0.456) / 0.224, t[256], 1e-5); // G plane
        assertEquals((0.0 - 0.406) / 0.225, t[512], 1e-5);        // B plane
        bgr.release();
    }

    @Test
    void toTensor_bgr_keepsBluePlaneFirst() throws Exception {
        Mat bgr = new Mat(16, 16, CvType.CV_8UC3, new Scalar(255, 0, 0));
        float[] t = preprocessor("BGR").toTensor(bgr);
        assertEquals((1.0 - 0.485) / 0.229, t[0], 1e-5);
        bgr.release();
    }

    @Test
    void toTensor_grayImage_isRejected() throws Exception {
        Mat gray = new Mat(4, 4, CvType.CV_8UC1, new Scalar(1));
        Preprocessor p = preprocessor("RGB");
        assertThrows(IllegalArgumentException.class, () -> p.toTensor(gray));
        gray.release();
    }
}
