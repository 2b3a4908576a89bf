package org.fingerspell.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exposure step against the cases {@code training/make_exposure_fixtures.py} wrote with the Python side's
 * {@code lift_gamma}: same gamma, same bytes, so train-time and run-time crops cannot drift.
 */
class ExposureLiftTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void gammaAndLiftedPixels_matchThePythonSide_onEveryCase() throws Exception {
        JsonObject index;
        try (InputStream in = ExposureLiftTest.class.getResourceAsStream("/exposure/cases.json")) {
            index = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        int lifted = 0;
        int untouched = 0;
        for (JsonElement e : index.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            byte[] pixels = bgrBytes(name + ".png");
            byte[] expected = bgrBytes(name + ".lifted.png");
            int side = (int) Math.round(Math.sqrt(pixels.length / 3.0));
            double g = new ExposureLift().apply(pixels, side, true);
            assertEquals(c.get("gamma").getAsDouble(), g, 1e-9, name + ": " + c.get("why").getAsString());
            assertArrayEquals(expected, pixels, name + ": lifted bytes");
            if (c.get("lifted").getAsBoolean()) {
                lifted++;
            } else {
                untouched++;
            }
        }
        assertTrue(lifted >= 3 && untouched >= 3, "cases on both sides of the rule: " + lifted + " / " + untouched);
    }

    @Test
    void gamma_readsRgbAndBgrOrderAlike() {
        byte[] bgr = new byte[3 * 16 * 16];
        for (int i = 0; i < 16 * 16; i++) {
            int y = i / 16;
            int x = i % 16;
            boolean middle = y >= 4 && y < 12 && x >= 4 && x < 12;
            bgr[3 * i] = (byte) (middle ? 10 : 200);     // blue
            bgr[3 * i + 1] = (byte) (middle ? 20 : 240); // green
            bgr[3 * i + 2] = (byte) (middle ? 40 : 250); // red
        }
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        double g = ExposureLift.gamma(bgr, 16, true);
        assertTrue(g < 1.0, "a dark middle before a bright scene is lifted");
        assertEquals(g, ExposureLift.gamma(rgb, 16, false), 0.0);
    }

    @Test
    void preprocessor_appliesTheLiftOnlyWhenTheDescriptorNamesIt() throws Exception {
        Mat backlit = new Mat(32, 32, CvType.CV_8UC3, new Scalar(235, 240, 245));
        backlit.submat(8, 24, 8, 24).setTo(new Scalar(15, 20, 25));
        float[] plain = preprocessor("none").toTensor(backlit);
        float[] lifted = preprocessor("backlight_lift").toTensor(backlit);
        int centre = 16 * 32 + 16;
        assertTrue(Math.abs(lifted[0] - plain[0]) < 0.15f, "the bright corner barely moves: " + plain[0] + " -> " + lifted[0]);
        assertTrue(lifted[centre] - plain[centre] > 1.0f,
                "the dark middle is brightened: " + plain[centre] + " -> " + lifted[centre]);
        backlit.release();
    }

    private Preprocessor preprocessor(String exposure) throws Exception {
        return new Preprocessor(DescriptorFixtures.input(dir, 32, exposure));
    }

    private byte[] bgrBytes(String resource) throws Exception {
        Path file = dir.resolve(resource);
        try (InputStream in = ExposureLiftTest.class.getResourceAsStream("/exposure/" + resource)) {
            Files.copy(in, file);
        }
        Mat m = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        byte[] out = new byte[(int) (m.total() * m.channels())];
        m.get(0, 0, out);
        m.release();
        return out;
    }
}
