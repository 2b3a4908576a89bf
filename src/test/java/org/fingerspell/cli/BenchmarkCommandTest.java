package org.fingerspell.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.fingerspell.bench.Stage;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark on a few frames of the kilobyte test model: the report's shape, never its timings. */
class BenchmarkCommandTest {

    @TempDir
    Path dir;
    private Path model;
    private Path frames;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @BeforeEach
    void setUp() throws Exception {
        model = TinyModel.install(Files.createDirectory(dir.resolve("model")));
        frames = Files.createDirectory(dir.resolve("frames"));
        for (int i = 0; i < 4; i++) {
            Mat noise = new Mat(480, 640, CvType.CV_8UC3);
            Core.randu(noise, 0, 255);
            Imgcodecs.imwrite(frames.resolve("f" + i + ".png").toString(), noise);
            noise.release();
        }
    }

    private CliRun benchmark(String... extra) {
        String[] base = {"benchmark", "--model", model.toString(), "--source", "folder:" + frames, "--frames", "10",
                "--warmup", "2"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void json_hasTheHeadlineNumbersAndEveryStage() {
        CliRun run = benchmark("--json", "--no-pytorch");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertTrue(json.get("e2e_fps").getAsDouble() > 0, run.out());
        assertTrue(json.get("ort_overhead_ratio").getAsDouble() > 0, run.out());
        assertTrue(json.get("speedup_vs_pytorch").isJsonNull());
        assertTrue(json.get("speedup_vs_pytorch_reason").getAsString().contains("--no-pytorch"));
        assertEquals(10, json.get("frames").getAsInt());
        assertEquals(2, json.get("warmup_frames").getAsInt());
        assertEquals("CPU", json.get("device").getAsString());
        assertEquals(16, json.getAsJsonObject("model").get("input_size").getAsInt());
        assertTrue(json.getAsJsonObject("threads").get("cores").getAsInt() >= 1);
        assertEquals(3, json.getAsJsonObject("machine").getAsJsonArray("load_average_start").size());

        JsonObject stages = json.getAsJsonObject("stages");
        for (Stage stage : Stage.values()) {
            JsonObject s = stages.getAsJsonObject(stage.key());
            assertTrue(s != null, "no stage " + stage.key() + " in " + stages.keySet());
            for (String key : new String[] {"count", "median_ms", "p95_ms", "p99_ms", "mean_ms", "fps"}) {
                assertTrue(s.has(key), stage.key() + " lacks " + key);
            }
        }
        // The whole-frame policy: every frame decoded and classified, the detector never asked.
        assertEquals(10, stages.getAsJsonObject("decode").get("count").getAsInt());
        assertEquals(10, stages.getAsJsonObject("classifier").get("count").getAsInt());
        assertEquals(0, stages.getAsJsonObject("hand_detection").get("count").getAsInt());
        assertEquals(10, stages.getAsJsonObject("end_to_end").get("count").getAsInt());
        JsonObject e2e = stages.getAsJsonObject("end_to_end");
        assertTrue(e2e.get("median_ms").getAsDouble() <= e2e.get("p95_ms").getAsDouble());
        assertTrue(e2e.get("p95_ms").getAsDouble() <= e2e.get("p99_ms").getAsDouble());
        assertEquals(10, json.getAsJsonObject("bare_ort_classifier").get("count").getAsInt());
        assertTrue(json.get("pytorch").isJsonNull());
    }

    @Test
    void text_showsTheStageTable() {
        CliRun run = benchmark("--no-pytorch");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        for (Stage stage : Stage.values()) {
            assertTrue(run.out().contains(stage.title()), run.out());
        }
        assertTrue(run.out().contains("end to end"));
        assertTrue(run.out().contains("bare ORT classifier"));
        assertTrue(run.out().contains("10 measured after 2 warm-up"));
    }

    @Test
    void modelThatIsNotResNet18_saysWhyThereIsNoPytorchRatio() {
        CliRun run = benchmark("--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertTrue(json.get("speedup_vs_pytorch").isJsonNull());
        assertTrue(json.get("speedup_vs_pytorch_reason").getAsString().contains("ResNet-18"), run.out());
    }

    @Test
    void noSourceAndNoData_isAClearInputError() {
        CliRun run = CliRun.of("benchmark", "--model", model.toString(), "--data", dir.resolve("absent").toString(),
                "--frames", "3");
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains("kaggle-train not found"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void spinning_isReportedAsSet() {
        CliRun run = benchmark("--json", "--no-pytorch", "--spinning", "on", "--opt-level", "basic");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject session = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("session");
        assertTrue(session.get("spinning").getAsBoolean());
        assertEquals("BASIC_OPT", session.get("opt_level").getAsString());
    }
}
