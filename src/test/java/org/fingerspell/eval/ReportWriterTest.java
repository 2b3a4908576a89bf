package org.fingerspell.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    @TempDir
    Path dir;

    private EvaluationResult result() throws IOException {
        Path a1 = EvalFixtures.png(dir.resolve("data/A/a1.png"), Color.WHITE);
        Path a2 = EvalFixtures.png(dir.resolve("data/A/a2.png"), Color.GRAY);
        Path b1 = EvalFixtures.png(dir.resolve("data/B/b1.png"), Color.BLACK);
        List<ImageRecord> records = new ArrayList<>();
        records.add(EvalFixtures.record(a1.toString(), "A", "A", 0.9));
        records.add(EvalFixtures.record(a2.toString(), "A", "B", 0.7));
        records.add(EvalFixtures.record(b1.toString(), "B", "nothing", 0.6));
        records.add(ImageRecord.failed(dir.resolve("data/B/bad.jpg"), "B", "truncated JPEG (no end-of-image marker)"));
        return EvalFixtures.result(dir.resolve("data"), List.of("A", "B", "C"), records);
    }

    private Path writeReport() throws IOException {
        Path report = dir.resolve("report");
        new ReportWriter(new ImageLoader()).write(result(), report);
        return report;
    }

    @Test
    void write_createsEveryReportFile_inNewFolder() throws IOException {
        Path report = writeReport();
        for (String name : List.of("metrics.json", "per_class.csv", "confusion.csv", "predictions.csv",
                "confusion.png", "report.html")) {
            assertTrue(Files.size(report.resolve(name)) > 0, name);
        }
    }

    @Test
    void write_metricsJsonStartsWithNAccuracyMacroF1_asFractions() throws IOException {
        String json = Files.readString(writeReport().resolve("metrics.json"));
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        List<String> keys = new ArrayList<>(root.keySet());
        assertEquals(List.of("n", "accuracy", "macro_f1"), keys.subList(0, 3));
        assertEquals(3, root.get("n").getAsInt());
        assertEquals(1.0 / 3, root.get("accuracy").getAsDouble(), 1e-9);
        // A: P 1/1 R 1/2 F1 2/3; B: never predicted, F1 0; C absent. Macro over A, B = 1/3.
        assertEquals(1.0 / 3, root.get("macro_f1").getAsDouble(), 1e-9);
        assertEquals("[\"A\",\"B\"]", root.get("classes_scored").toString());
        assertEquals("[\"C\"]", root.get("classes_absent").toString());
        assertEquals(1, root.getAsJsonArray("errors").size());
        assertTrue(root.getAsJsonArray("errors").get(0).getAsJsonObject().get("file").getAsString()
                .endsWith("bad.jpg"));
        assertEquals(3, root.getAsJsonArray("per_class").size());
        assertTrue(root.getAsJsonArray("per_class").get(2).getAsJsonObject().get("recall").isJsonNull());
        assertEquals("test-model", root.getAsJsonObject("model").get("name").getAsString());
        assertNotNull(root.getAsJsonObject("model").get("descriptor_sha256"));
        assertTrue(root.getAsJsonObject("dataset").get("path").getAsString().endsWith("data"));
        assertEquals("2026-11-25T12:00:00Z", root.get("date").getAsString());
    }

    @Test
    void write_confusionJsonHasOtherColumn_outOfSubsetPrediction() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(writeReport().resolve("metrics.json")))
                .getAsJsonObject();
        JsonArray counts = root.getAsJsonObject("confusion").getAsJsonArray("counts");
        assertEquals("[1,1,0,0]", counts.get(0).toString());
        assertEquals("[0,0,0,1]", counts.get(1).toString());
        assertEquals(1, root.get("other_predictions").getAsInt());
    }

    @Test
    void write_perClassCsvHasHeaderAndNotes_neverPredictedAndAbsent() throws IOException {
        List<String> lines = Files.readAllLines(writeReport().resolve("per_class.csv"));
        assertEquals("label,support,predicted,correct,precision,recall,f1,note", lines.get(0));
        assertEquals("A,2,1,1,1.000000,0.500000,0.666667,", lines.get(1));
        assertTrue(lines.get(2).startsWith("B,1,1,0,0.000000,0.000000,0.000000,"), lines.get(2));
        assertEquals("C,0,0,0,,,,absent from the set: not scored", lines.get(3));
    }

    @Test
    void write_confusionCsvRowsTrueColumnsPredicted_withOther() throws IOException {
        List<String> lines = Files.readAllLines(writeReport().resolve("confusion.csv"));
        assertEquals(List.of("true\\predicted,A,B,C,other", "A,1,1,0,0", "B,0,0,0,1", "C,0,0,0,0"), lines);
    }

    @Test
    void write_thumbnailsForMisclassifiedOnly_smallJpegs() throws IOException {
        Path thumbs = writeReport().resolve("thumbs");
        List<Path> files;
        try (var stream = Files.list(thumbs)) {
            files = stream.sorted().toList();
        }
        assertEquals(2, files.size());
        BufferedImage thumb = ImageIO.read(files.get(0).toFile());
        assertTrue(thumb.getWidth() <= ReportWriter.THUMBNAIL_SIDE);
        assertTrue(files.get(0).getFileName().toString().endsWith("_A_as_B.jpg"));
    }

    @Test
    void write_pngIsReadableHeatMap_confusionPng() throws IOException {
        BufferedImage png = ImageIO.read(writeReport().resolve("confusion.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 200 && png.getHeight() > 100);
    }

    @Test
    void write_allTwentyNineClasses_fullSelection() throws IOException {
        EvaluationResult result = EvalFixtures.result(dir, Labels.ALL,
                List.of(EvalFixtures.record("x/A/1.png", "A", "A", 1.0)));
        Path report = dir.resolve("full");
        new ReportWriter(null).write(result, report);
        JsonObject root = JsonParser.parseString(Files.readString(report.resolve("metrics.json"))).getAsJsonObject();
        assertEquals(28, root.getAsJsonArray("classes_absent").size());
        assertEquals(1.0, root.get("macro_f1").getAsDouble());
    }
}
