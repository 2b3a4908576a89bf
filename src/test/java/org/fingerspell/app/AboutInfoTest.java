package org.fingerspell.app;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.cli.TinyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AboutInfoTest {

    @TempDir
    Path dir;

    private AboutInfo.Builder builder(Path model) {
        return AboutInfo.builder().model(model).device("cpu()").logFolder(dir.resolve("logs")).appVersion("9.9.9");
    }

    @Test
    void build_takesNameDateAndMetricsFromDescriptorAndCard() throws IOException {
        Path model = TinyModel.install(dir);
        Files.writeString(dir.resolve("MODEL_CARD.md"), ModelCardTest.CARD);

        AboutInfo about = builder(model).build();

        assertEquals("tiny", about.model().name());
        assertTrue(about.model().loaded());
        assertEquals(List.of("kaggle-test: accuracy 0.9643, macro-F1 0.9524 (n 28)",
                "massey: accuracy 0.4121, macro-F1 0.3905 (n 1815)"), about.model().metrics());
        assertTrue(about.model().summary().startsWith("Quick whole-frame first model."));
        assertEquals("cpu()", about.device());
        assertEquals("9.9.9", about.appVersion());
    }

    @Test
    void build_fallsBackToDescriptorMetrics_whenThereIsNoCard() throws IOException {
        Path model = TinyModel.install(dir);
        Path json = dir.resolve("tiny.json");
        JsonObject descriptor = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        descriptor.addProperty("created", "2026-11-25T14:02:11Z");
        JsonObject massey = new JsonObject();
        massey.addProperty("accuracy", 0.41206);
        massey.addProperty("n", 1815);
        JsonObject metrics = new JsonObject();
        metrics.add("massey", massey);
        descriptor.add("metrics", metrics);
        Files.writeString(json, descriptor.toString());

        AboutInfo about = builder(model).build();

        assertEquals("2026-11-25T14:02:11Z", about.model().created());
        assertEquals(List.of("massey: accuracy 0.4121, n 1815"), about.model().metrics());
        assertEquals("", about.model().summary());
    }

    @Test
    void build_describesAMissingModel_insteadOfThrowing() {
        AboutInfo about = builder(dir.resolve("absent.onnx")).build();

        assertFalse(about.model().loaded());
        assertTrue(about.model().title().startsWith("no model ("), about.model().title());
    }

    @Test
    void build_listsTheBundledLicences() throws IOException {
        AboutInfo about = builder(TinyModel.install(dir)).build();

        assertTrue(about.components().stream().anyMatch(c -> c.name().startsWith("ONNX Runtime")
                && c.version().equals("1.21.1") && c.licence().equals("MIT")), about.toText());
    }

    @Test
    void toText_holdsEverySection() throws IOException {
        Files.writeString(dir.resolve("MODEL_CARD.md"), ModelCardTest.CARD);
        String text = builder(TinyModel.install(dir)).build().toText();

        for (String expected : List.of("Fingerspell 9.9.9", "Model: tiny", "massey: accuracy 0.4121", "Device: cpu()",
                "Logs and crash reports: " + dir.resolve("logs"), "OpenCV")) {
            assertTrue(text.contains(expected), expected + " missing in:\n" + text);
        }
    }
}
