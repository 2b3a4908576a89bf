package org.fingerspell.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifyCommandTest {

    @TempDir
    Path dir;
    private Path model;
    private Path images;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @BeforeEach
    void setUp() throws Exception {
        model = TinyModel.install(Files.createDirectory(dir.resolve("model")));
        images = Files.createDirectories(dir.resolve("images/nested"));
        Mat image = new Mat(60, 80, CvType.CV_8UC3, new Scalar(40, 90, 160));
        Imgcodecs.imwrite(images.resolve("good.jpg").toString(), image);
        Imgcodecs.imwrite(images.getParent().resolve("top.png").toString(), image);
        image.release();
    }

    @Test
    void classify_folder_walksRecursivelyAndPrintsTopThree() {
        CliRun run = CliRun.of("classify", "--model", model.toString(), dir.resolve("images").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].contains("good.jpg"));
        assertTrue(lines[0].contains("top-3:"));
        assertEquals(3, lines[0].split("top-3:")[1].trim().split(" ").length / 2);
    }

    @Test
    void classify_badFilesAmongGood_reportsEachAndGoesOn() throws Exception {
        Path text = Files.writeString(images.resolve("notes.dat"), "not an image");
        Path empty = Files.write(images.resolve("empty.jpg"), new byte[0]);
        CliRun run = CliRun.of("classify", "--model", model.toString(), dir.resolve("images").toString());
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains(text + ": not an image"), run.err());
        assertTrue(run.err().contains(empty + ": empty file"), run.err());
        assertTrue(run.out().contains("good.jpg"), "the good images are still classified");
        assertTrue(run.out().contains("top.png"));
        assertFalse(run.err().contains("at org."), "no stack trace for a user error");
    }

    @Test
    void classify_json_givesOneRecordPerFileWithErrors() throws Exception {
        Files.writeString(images.resolve("broken.jpg"), "xx");
        CliRun run = CliRun.of("classify", "--json", "--model", model.toString(), dir.resolve("images").toString());
        JsonArray records = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals(3, records.size());
        long errors = records.asList().stream().filter(r -> r.getAsJsonObject().has("error")).count();
        assertEquals(1, errors);
        var ok = records.asList().stream().filter(r -> r.getAsJsonObject().has("label")).findFirst().orElseThrow();
        assertEquals(3, ok.getAsJsonObject().getAsJsonArray("top").size());
    }

    @Test
    void classify_missingModel_isOneLineAndExitTwo() {
        CliRun run = CliRun.of("classify", "--model", dir.resolve("nope.onnx").toString(), images.toString());
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains("nope.onnx: model file not found"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
    }

    @Test
    void classify_descriptorWithWrongLabels_isOneLineAndExitTwo() throws Exception {
        Path json = dir.resolve("model/tiny.json");
        Files.writeString(json, Files.readString(json).replace("\"space\"", "\"blank\""));
        CliRun run = CliRun.of("classify", "--model", model.toString(), images.toString());
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains("do not match"), run.err());
    }

    @Test
    void classify_signingHandLeft_readsTheImageAsItsMirrorImage() throws Exception {
        Path lopsided = Files.createDirectory(dir.resolve("lopsided"));
        Mat image = new Mat(60, 80, CvType.CV_8UC3, new Scalar(10, 20, 30));
        image.submat(0, 60, 50, 80).setTo(new Scalar(230, 200, 120));
        image.submat(0, 20, 0, 30).setTo(new Scalar(90, 250, 40));
        Imgcodecs.imwrite(lopsided.resolve("image.png").toString(), image);
        Mat mirror = new Mat();
        Core.flip(image, mirror, 1);
        Imgcodecs.imwrite(lopsided.resolve("mirror.png").toString(), mirror);
        image.release();
        mirror.release();

        String asLeft = topOf(CliRun.of("classify", "--json", "--signing-hand", "left", "--model", model.toString(),
                lopsided.resolve("image.png").toString()));
        String mirrorAsRight = topOf(CliRun.of("classify", "--json", "--model", model.toString(),
                lopsided.resolve("mirror.png").toString()));
        String asRight = topOf(CliRun.of("classify", "--json", "--signing-hand", "RIGHT", "--model",
                model.toString(), lopsided.resolve("image.png").toString()));
        assertEquals(mirrorAsRight, asLeft);
        assertNotEquals(asRight, asLeft, "the tiny model reads this image and its mirror differently");
    }

    @Test
    void classify_unknownSigningHand_isUsageErrorNamingTheValue() {
        CliRun run = CliRun.of("classify", "--signing-hand", "both", "--model", model.toString(), images.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("right or left, not 'both'"), run.err());
    }

    /** The top-3 labels and probabilities of a one-image --json run. */
    private static String topOf(CliRun run) {
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return JsonParser.parseString(run.out()).getAsJsonArray().get(0).getAsJsonObject().get("top").toString();
    }

    @Test
    void classify_unknownOption_isUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("classify", "--bogus", "x.jpg").exitCode());
    }

    @Test
    void classify_noArguments_isUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("classify").exitCode());
    }

    @Test
    void version_printsAppVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("Fingerspell "), run.out());
    }

    @Test
    void help_onEveryCommand_exitsZero() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(ExitCodes.OK, run.exitCode(), command);
            assertTrue(run.out().contains("Usage:"), command);
        }
    }

    @Test
    void info_tinyModel_namesDeviceAndEngine() {
        CliRun run = CliRun.of("info", "--model", model.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Device      CPU"), run.out());
        assertTrue(run.out().contains("OnnxRuntime"), run.out());
    }
}
