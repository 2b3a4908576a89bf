package org.fingerspell.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.fingerspell.model.DescriptorFixtures;
import org.junit.jupiter.api.Assumptions;
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
                + "hand_rotation_degrees,landmark_presence,landmarks", csv.get(0));
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

    /** The tiny classifier, its descriptor naming the real hand landmark model when {@code landmarks}. */
    private Path tinyModel(boolean landmarks) throws Exception {
        Path models = Files.createDirectories(dir.resolve(landmarks ? "with-landmarks" : "without-landmarks"));
        Path onnx = TinyModel.install(models);
        if (landmarks) {
            Path landmarkModel = TestData.repoRoot().resolve("models/hand_landmark_full.onnx");
            Assumptions.assumeTrue(Files.isRegularFile(landmarkModel), "skipped: no " + landmarkModel);
            Files.copy(landmarkModel, models.resolve("hand.onnx"));
            JsonObject descriptor = JsonParser.parseString(Files.readString(models.resolve("tiny.json")))
                    .getAsJsonObject();
            descriptor.add("landmarks", DescriptorFixtures.landmarks("hand.onnx", "absent-classifier.onnx", 0.5));
            Files.writeString(models.resolve("tiny.json"), descriptor.toString());
        }
        return onnx;
    }

    /**
     * With a landmark model, every detected hand gets its presence and 63 coordinates (frame pixels, 3 decimals,
     * near the hand); an image without a hand gets neither. Two workers share the landmark session and write what
     * one does.
     */
    @Test
    void crop_modelWithLandmarks_writesPresenceAndTheLandmarksOfEachHand() throws Exception {
        Path in = smallSet();
        Path model = tinyModel(true);
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("one").toString(), "--margin", "0.1",
                "--no-rotate-upright", "--model", model.toString(), "--threads", "1"));
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("two").toString(), "--margin", "0.1",
                "--no-rotate-upright", "--model", model.toString(), "--threads", "2"));
        List<String[]> one = rows(dir.resolve("one"));
        List<String[]> two = rows(dir.resolve("two"));
        int hands = 0;
        for (int i = 0; i < one.size(); i++) {
            String[] row = one.get(i);
            if (!row[3].equals("true")) {
                assertEquals(10, row.length, "no hand, no landmarks: " + row[0]);
                continue;
            }
            hands++;
            assertEquals(13, row.length, row[0]);
            assertTrue(row[11].matches("\\d\\.\\d{4}"), row[11]);
            assertTrue(Double.parseDouble(row[11]) > 0.5, row[0] + " presence " + row[11]);
            String[] values = row[12].split(" ", -1);
            assertEquals(63, values.length, row[12]);
            double cx = Double.parseDouble(row[6]);
            double cy = Double.parseDouble(row[7]);
            double side = Double.parseDouble(row[8]);
            for (int p = 0; p < 21; p++) {
                assertTrue(values[3 * p].matches("-?\\d+\\.\\d{3}"), values[3 * p]);
                assertEquals(cx, Double.parseDouble(values[3 * p]), side, row[0] + " x of point " + p);
                assertEquals(cy, Double.parseDouble(values[3 * p + 1]), side, row[0] + " y of point " + p);
            }
            String[] twoValues = two.get(i)[12].split(" ");
            for (int v = 0; v < 63; v++) {
                assertEquals(Double.parseDouble(values[v]), Double.parseDouble(twoValues[v]), 0.01, row[0]);
            }
        }
        assertTrue(hands >= 3, "the massey hands are found");
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("one").resolve("crops.json")))
                .getAsJsonObject();
        assertEquals(64, json.get("landmark_model_sha256").getAsString().length());
    }

    @Test
    void crop_modelWithoutLandmarks_leavesBothColumnsEmpty() throws Exception {
        Path in = smallSet();
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("out").toString(), "--margin", "0.1",
                "--no-rotate-upright", "--model", tinyModel(false).toString(), "--threads", "1"));
        List<String> csv = Files.readAllLines(dir.resolve("out").resolve("crops.csv"));
        for (String line : csv.subList(1, csv.size())) {
            assertTrue(line.endsWith(",,"), line);
        }
    }

    /**
     * kaggle-test's D is a hand backlit against a window. The first detector pass finds a "palm" on two of its
     * fingers (a square of 47 px in a 200 px frame, landmark presence near 0); with the presence check that palm is
     * passed over and a later pass finds the whole hand, which the landmark model takes for a hand.
     */
    @Test
    void crop_minLandmarkPresence_passesOverAPalmThatIsNoHand() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("D"));
        Files.copy(TestData.pack("kaggle-test").resolve("D").resolve("D_test.jpg"),
                in.resolve("D").resolve("D_test.jpg"));
        Path model = tinyModel(true);
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("plain").toString(), "--margin", "0.1",
                "--no-rotate-upright", "--model", model.toString(), "--threads", "1"));
        assertEquals(ExitCodes.OK, Main.run("crop", in.toString(), dir.resolve("checked").toString(), "--margin",
                "0.1", "--no-rotate-upright", "--model", model.toString(), "--threads", "1",
                "--min-landmark-presence", "0.5"));
        String[] plain = rows(dir.resolve("plain")).get(0);
        String[] checked = rows(dir.resolve("checked")).get(0);
        assertEquals("detected", plain[4]);
        assertTrue(Double.parseDouble(plain[11]) < 0.5, "presence " + plain[11]);
        assertTrue(Double.parseDouble(plain[8]) < 100, "side " + plain[8]);
        assertEquals("detected", checked[4]);
        assertTrue(Double.parseDouble(checked[11]) >= 0.5, "presence " + checked[11]);
        assertTrue(Double.parseDouble(checked[8]) > 150, "the whole hand: side " + checked[8]);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("checked").resolve("crops.json")))
                .getAsJsonObject();
        assertEquals(0.5, json.get("min_landmark_presence").getAsDouble(), 1e-12);
        assertEquals(1, json.get("palms_rejected_by_landmarks").getAsLong());
        JsonObject plainJson = JsonParser.parseString(Files.readString(dir.resolve("plain").resolve("crops.json")))
                .getAsJsonObject();
        assertEquals(0, plainJson.get("min_landmark_presence").getAsDouble(), 1e-12);
    }

    @Test
    void crop_minLandmarkPresenceWithoutALandmarkModel_isAUsageError() throws Exception {
        Path in = smallSet();
        assertEquals(ExitCodes.USAGE, Main.run("crop", in.toString(), dir.resolve("out").toString(), "--model",
                tinyModel(false).toString(), "--min-landmark-presence", "0.5"));
        assertEquals(ExitCodes.USAGE, Main.run("crop", in.toString(), dir.resolve("out").toString(),
                "--min-landmark-presence", "1.5"));
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
