package org.fingerspell.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fingerspell.image.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    /** Synthetic images in class folders: {@code perClass} PNGs for each of A, b, Del, plus a truncated JPEG in b. */
    private Path syntheticSet(int perClass) throws IOException {
        OpenCv.load();
        Path set = dir.resolve("synthetic");
        int shade = 0;
        for (String folder : new String[] {"A", "b", "Del"}) {
            Path target = Files.createDirectories(set.resolve(folder));
            for (int i = 0; i < perClass; i++) {
                Mat image = new Mat(48, 64, CvType.CV_8UC3, new Scalar(shade % 256, (shade * 7) % 256, 90));
                Imgcodecs.imwrite(target.resolve(String.format("%03d.png", i)).toString(), image);
                image.release();
                shade += 13;
            }
        }
        Mat image = new Mat(48, 64, CvType.CV_8UC3, new Scalar(10, 200, 30));
        Path jpeg = set.resolve("b").resolve("whole.jpg");
        Imgcodecs.imwrite(jpeg.toString(), image);
        image.release();
        byte[] bytes = Files.readAllBytes(jpeg);
        Files.write(set.resolve("b").resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(jpeg);
        return set;
    }

    @Test
    void call_exitsTwoNamesFileAndWritesReport_tinyModelWithCorruptFile() throws IOException {
        Path model = TinyModel.install(Files.createDirectory(dir.resolve("model")));
        Path set = syntheticSet(3);
        Path report = dir.resolve("report");
        int code = run("eval", set.toString(), "--model", model.toString(), "--report", report.toString());
        assertEquals(ExitCodes.INPUT_ERROR, code, err);
        assertTrue(err.contains(set.resolve("b").resolve("cut.jpg") + ": truncated JPEG"), err);
        assertTrue(err.contains("1 of 10 files could not be read"), err);
        assertFalse(err.contains("\tat "), "stack trace on stderr: " + err);
        assertTrue(out.contains("n         9 images scored (1 more could not be read)"), out);
        assertTrue(out.contains("macro-F1"), out);
        JsonObject metrics = JsonParser.parseString(Files.readString(report.resolve("metrics.json")))
                .getAsJsonObject();
        assertEquals(9, metrics.get("n").getAsInt());
        assertEquals("tiny", metrics.getAsJsonObject("model").get("name").getAsString());
        assertEquals(64, metrics.getAsJsonObject("model").get("descriptor_sha256").getAsString().length());
        for (String name : new String[] {"per_class.csv", "confusion.csv", "confusion.png", "report.html"}) {
            assertTrue(Files.size(report.resolve(name)) > 0, name);
        }
    }

    @Test
    void call_printsProgressLines_largeSetNotOnTerminal() throws IOException {
        Path model = TinyModel.install(Files.createDirectory(dir.resolve("model")));
        Path set = syntheticSet(15);
        Files.delete(set.resolve("b").resolve("cut.jpg"));
        int code = run("eval", set.toString(), "--model", model.toString());
        assertEquals(ExitCodes.OK, code, err);
        assertTrue(err.contains("45/45 100%"), err);
        assertFalse(err.contains("\r"), err);
    }

    /** A few real Kaggle test images in lower- and mixed-case class folders, plus a corrupt one. */
    private Path smallSet() throws IOException {
        Path kaggle = TestData.pack("kaggle-test");
        Path set = dir.resolve("set");
        for (String[] pair : new String[][] {{"A", "a"}, {"B", "B"}, {"L", "l"}, {"nothing", "Nothing"},
            {"space", "SPACE"}}) {
            Path target = Files.createDirectories(set.resolve(pair[1]));
            try (var files = Files.list(kaggle.resolve(pair[0]))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        byte[] jpeg = Files.readAllBytes(set.resolve("a").resolve("A_test.jpg"));
        Files.write(set.resolve("B").resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        return set;
    }

    @Test
    void call_exitsTwoNamesFileAndScoresRest_corruptFileInSet() throws IOException {
        Path model = TestData.committedModel();
        Path set = smallSet();
        Path report = dir.resolve("report");
        int code = run("eval", set.toString(), "--model", model.toString(), "--report", report.toString());
        assertEquals(ExitCodes.INPUT_ERROR, code, err);
        assertTrue(err.contains("cut.jpg: truncated JPEG"), err);
        assertFalse(err.contains("\tat "), "stack trace on stderr: " + err);
        assertTrue(out.contains("n         5 images scored (1 more could not be read)"), out);
        JsonObject metrics = JsonParser.parseString(Files.readString(report.resolve("metrics.json")))
                .getAsJsonObject();
        assertEquals(5, metrics.get("n").getAsInt());
        assertEquals(1, metrics.getAsJsonArray("errors").size());
        assertTrue(Files.exists(report.resolve("report.html")));
        assertTrue(Files.exists(report.resolve("confusion.png")));
    }

    @Test
    void call_scoresOnlySelectedClasses_lettersOption() throws IOException {
        Path model = TestData.committedModel();
        Path set = smallSet();
        Files.delete(set.resolve("B").resolve("cut.jpg"));
        int code = run("eval", set.toString(), "--model", model.toString(), "--classes", "letters");
        assertEquals(ExitCodes.OK, code, err);
        assertTrue(out.contains("n         3 images scored"), out);
        assertTrue(out.contains("2 images of nothing, space not scored"), out);
    }

    @Test
    void call_usageErrorExitOne_unknownClass() {
        int code = run("eval", dir.toString(), "--classes", "A,B,zz");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.contains("unknown class 'zz'"), err);
    }

    @Test
    void call_oneLineExitTwo_missingFolder() {
        int code = run("eval", dir.resolve("nope").toString());
        assertEquals(ExitCodes.INPUT_ERROR, code);
        assertTrue(err.contains("nope: not found"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void call_exitTwo_noClassFolders() throws IOException {
        Files.createDirectories(dir.resolve("holiday"));
        int code = run("eval", dir.toString());
        assertEquals(ExitCodes.INPUT_ERROR, code);
        assertTrue(err.contains("ignoring folders that are not classes: holiday"), err);
        assertTrue(err.contains("no images in class folders"), err);
    }

    @Test
    void call_exitTwo_noImagesOfSelectedClasses() throws IOException {
        Files.createDirectories(dir.resolve("del"));
        Files.write(dir.resolve("del").resolve("x.jpg"), new byte[] {1, 2, 3});
        int code = run("eval", dir.toString(), "--classes", "letters");
        assertEquals(ExitCodes.INPUT_ERROR, code);
        assertTrue(err.contains("no images of the classes selected"), err);
    }

    @Test
    void call_usageErrorExitOne_negativeTopConfusions() {
        int code = run("eval", dir.toString(), "--top-confusions", "-1");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.contains("must be 0 or more"), err);
    }

    @Test
    void leftHandImagesNamedByTheManifest_areReadMirrored() throws IOException {
        OpenCv.load();
        Path model = TinyModel.install(Files.createDirectory(dir.resolve("model")));
        Path right = dir.resolve("right");
        Path left = dir.resolve("left");
        StringBuilder manifest = new StringBuilder("file,label,handedness\n");
        for (String label : new String[] {"A", "B"}) {
            for (int i = 0; i < 3; i++) {
                Mat image = new Mat(48, 64, CvType.CV_8UC3, new Scalar(20 + 60 * i, 40, 200));
                image.submat(0, 48, 0, 20 + 10 * i).setTo(new Scalar(250, 30 * i, 10));
                String name = label + "/" + i + ".png";
                Files.createDirectories(right.resolve(label));
                Files.createDirectories(left.resolve(label));
                Imgcodecs.imwrite(right.resolve(name).toString(), image);
                Core.flip(image, image, 1);
                Imgcodecs.imwrite(left.resolve(name).toString(), image);
                image.release();
                manifest.append(name).append(',').append(label).append(",left\n");
            }
        }
        assertEquals(ExitCodes.OK, run("eval", right.toString(), "--model", model.toString(), "--report",
                dir.resolve("report-right").toString()), err);
        assertEquals(ExitCodes.OK, run("eval", left.toString(), "--model", model.toString(), "--report",
                dir.resolve("report-left-as-is").toString()), err);
        Files.writeString(left.resolve("manifest.csv"), manifest);
        assertEquals(ExitCodes.OK, run("eval", left.toString(), "--model", model.toString(), "--report",
                dir.resolve("report-left").toString()), err);
        assertTrue(err.contains("6 images signed with the left hand"), err);

        List<String> asRight = readings(dir.resolve("report-right"));
        assertEquals(asRight, readings(dir.resolve("report-left")));
        assertNotEquals(asRight, readings(dir.resolve("report-left-as-is")),
                "without the manifest the mirrored images read differently");
    }

    /** Each image (class folder and name), class, prediction and confidence from a report's predictions.csv. */
    private static List<String> readings(Path report) throws IOException {
        return Files.readAllLines(report.resolve("predictions.csv")).stream().skip(1)
                .map(line -> {
                    String[] cells = line.split(",");
                    Path file = Path.of(cells[0]);
                    return file.getParent().getFileName() + "/" + file.getFileName() + " " + cells[1] + " "
                            + cells[2] + " " + cells[3];
                }).sorted().toList();
    }
}
