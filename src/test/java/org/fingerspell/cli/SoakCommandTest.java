package org.fingerspell.cli;

import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A few seconds of soak on the test model: the counters are printed, and nothing is left open at the end. */
class SoakCommandTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void shortSoak_printsSamplesAndReleasesEverything(@TempDir Path dir) throws Exception {
        Path model = TinyModel.install(Files.createDirectory(dir.resolve("model")));
        Path frames = Files.createDirectory(dir.resolve("frames"));
        for (int i = 0; i < 3; i++) {
            Mat image = new Mat(120, 160, CvType.CV_8UC3, new Scalar(40 * i, 90, 160));
            Imgcodecs.imwrite(frames.resolve("f" + i + ".png").toString(), image);
            image.release();
        }
        CliRun run = CliRun.of("soak", "--model", model.toString(), "--source", "folder:" + frames,
                "--minutes", "0.05", "--interval", "1", "--warmup", "1", "--fps", "20");
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        String[] lines = run.out().split("\n");
        long samples = java.util.Arrays.stream(lines).filter(l -> l.matches("\\s+\\d+\\s+\\d+.*")).count();
        assertTrue(samples >= 2, run.out());
        assertTrue(run.out().contains("rss_mb") && run.out().contains("tensors"), run.out());
        assertTrue(run.out().contains("After closing: 0 frames, 0 crops open; 0 ONNX tensors live (nothing leaked)"),
                run.out());
        String lastSample = java.util.Arrays.stream(lines).filter(l -> l.matches("\\s+\\d+\\s+\\d+.*"))
                .reduce((a, b) -> b).orElseThrow();
        String[] columns = lastSample.trim().split("\\s+");
        assertTrue(Long.parseLong(columns[2]) > 0, "nothing classified: " + lastSample);
        assertTrue(Long.parseLong(columns[12]) >= 2 * Long.parseLong(columns[2]),
                "each classification creates an input and output tensors: " + lastSample);
    }
}
