package org.fingerspell.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CropCommandTest {

    @TempDir
    Path dir;

    /** Two images of two massey classes and one of kaggle-test's nothing, copied into a small set. */
    private Path smallSet() throws Exception {
        Path massey = TestData.pack("massey");
        Path in = dir.resolve("in");
        for (String label : List.of("A", "B")) {
            Files.createDirectories(in.resolve(label));
            try (var files = Files.list(massey.resolve(label))) {
                for (Path file : files.sorted().limit(2).toList()) {
                    Files.copy(file, in.resolve(label).resolve(file.getFileName()));
                }
            }
        }
        Path nothing = TestData.pack("kaggle-test").resolve("nothing").resolve("nothing_test.jpg");
        Files.createDirectories(in.resolve("nothing"));
        Files.copy(nothing, in.resolve("nothing").resolve("nothing_test.jpg"));
        return in;
    }

    @Test
    void crop_smallSet_writesCropsCsvJsonAndContactSheet() throws Exception {
        Path in = smallSet();
        Path out = dir.resolve("out");

        int code = Main.run("crop", in.toString(), out.toString(), "--margin", "0.1", "--no-rotate-upright",
                "--size", "64", "--context", "1.25", "--threads", "2");

        assertEquals(ExitCodes.OK, code);
        List<String> csv = Files.readAllLines(out.resolve("crops.csv"));
        assertEquals("file,label,source_file,detected,source,score,center_x,center_y,side,rotation_degrees,"
                + "hand_rotation_degrees", csv.get(0));
        assertEquals(6, csv.size());
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("nothing/nothing_test.png,nothing,")));
        for (String line : csv.subList(1, csv.size())) {
            String file = line.split(",")[0];
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("crops.json"))).getAsJsonObject();
        assertEquals(0.1, json.get("margin").getAsDouble(), 1e-9);
        assertEquals(false, json.get("rotate_upright").getAsBoolean());
        assertEquals(1.25, json.get("context").getAsDouble(), 1e-9);
        assertEquals(64, json.get("size").getAsInt());
        assertTrue(json.has("detector_sha256") && json.has("app_version") && json.has("created"));
        assertTrue(Files.size(out.resolve("contact_sheet.png")) > 0);
        org.opencv.core.Mat crop = org.opencv.imgcodecs.Imgcodecs.imread(out.resolve("A").resolve(
                Files.list(out.resolve("A")).findFirst().orElseThrow().getFileName()).toString());
        try {
            assertEquals(64, crop.cols());
            assertEquals(64, crop.rows());
        } finally {
            crop.release();
        }
    }

    /** The hand's own direction is written whatever the policy: an upright crop turns by exactly that angle. */
    @Test
    void crop_handRotation_isTheUprightTurnEvenWhenTheCropKeepsTheFrameAxes() throws Exception {
        Path in = smallSet();
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("axes").toString(),
                "--no-rotate-upright", "--threads", "1"));
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("upright").toString(),
                "--rotate-upright", "--threads", "1"));
        List<String[]> axes = rows(dir.resolve("axes"));
        List<String[]> upright = rows(dir.resolve("upright"));
        assertEquals(5, axes.size());
        int handsWithATurn = 0;
        for (int i = 0; i < axes.size(); i++) {
            String[] a = axes.get(i);
            String[] u = upright.get(i);
            assertEquals(a[0], u[0]);
            if (a[3].equals("true")) {
                assertEquals(0.0, Double.parseDouble(a[9]), 1e-9, a[0]);
                assertEquals(Double.parseDouble(u[9]), Double.parseDouble(a[10]), 0.011, a[0]);
                assertEquals(a[10], u[10], a[0]);
                handsWithATurn += Math.abs(Double.parseDouble(a[10])) > 1 ? 1 : 0;
            } else {
                assertEquals(10, a.length, "no hand, no direction: " + a[0]);
            }
        }
        assertTrue(axes.stream().anyMatch(r -> r[3].equals("false")), "the empty scene has no hand");
        assertTrue(handsWithATurn > 0, "massey hands are not all exactly upright");
    }

    private static List<String[]> rows(Path out) throws Exception {
        return Files.readAllLines(out.resolve("crops.csv")).stream().skip(1).sorted().map(l -> l.split(",")).toList();
    }

    @Test
    void crop_badImage_isReportedSkippedAndFailsTheRun() throws Exception {
        Path in = smallSet();
        Files.writeString(in.resolve("A").resolve("broken.jpg"), "not a jpeg");
        Path out = dir.resolve("out");

        int code = Main.run("crop", in.toString(), out.toString(), "--margin", "0", "--rotate-upright");

        assertEquals(ExitCodes.INPUT_ERROR, code);
        List<String> csv = Files.readAllLines(out.resolve("crops.csv"));
        assertEquals(6, csv.size());
        assertTrue(csv.stream().noneMatch(line -> line.contains("broken")));
    }

    @Test
    void crop_badSize_isAUsageError() {
        assertEquals(ExitCodes.USAGE, Main.run("crop", dir.toString(), dir.resolve("o").toString(), "--size", "0"));
    }

    @Test
    void crop_missingInput_isAnInputError() {
        assertEquals(ExitCodes.INPUT_ERROR, Main.run("crop", dir.resolve("absent").toString(),
                dir.resolve("o").toString()));
    }
}
