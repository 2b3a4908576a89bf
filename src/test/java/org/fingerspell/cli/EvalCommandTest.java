package org.fingerspell.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
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
        assertEquals(ExitCodes.INPUT_ERROR, code, err.toString());
        assertTrue(err.toString().contains("cut.jpg: truncated JPEG"), err.toString());
        assertFalse(err.toString().contains("\tat "), "stack trace on stderr: " + err);
        assertTrue(out.toString().contains("n         5 images scored (1 more could not be read)"), out.toString());
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
        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(out.toString().contains("n         3 images scored"), out.toString());
        assertTrue(out.toString().contains("2 images of nothing, space not scored"), out.toString());
    }

    @Test
    void call_usageErrorExitOne_unknownClass() {
        int code = run("eval", dir.toString(), "--classes", "A,B,zz");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("unknown class 'zz'"), err.toString());
    }

    @Test
    void call_oneLineExitTwo_missingFolder() {
        int code = run("eval", dir.resolve("nope").toString());
        assertEquals(ExitCodes.INPUT_ERROR, code);
        assertTrue(err.toString().contains("nope: not found"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void call_exitTwo_noClassFolders() throws IOException {
        Files.createDirectories(dir.resolve("holiday"));
        int code = run("eval", dir.toString());
        assertEquals(ExitCodes.INPUT_ERROR, code);
        assertTrue(err.toString().contains("ignoring folders that are not classes: holiday"), err.toString());
        assertTrue(err.toString().contains("no images in class folders"), err.toString());
    }

    @Test
    void call_exitTwo_noImagesOfSelectedClasses() throws IOException {
        Files.createDirectories(dir.resolve("del"));
        Files.write(dir.resolve("del").resolve("x.jpg"), new byte[] {1, 2, 3});
        int code = run("eval", dir.toString(), "--classes", "letters");
        assertEquals(ExitCodes.INPUT_ERROR, code);
        assertTrue(err.toString().contains("no images of the classes selected"), err.toString());
    }
}
