package org.fingerspell.training;

import org.fingerspell.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the training pipeline's Python unit tests (split integrity, parameter shares of the study's
 * configurations, augmentations, ONNX export) as part of the one test command.
 */
class TrainingPythonTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void pythonUnitTests_allPass() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "skipped: " + PYTHON + " not installed");
        Assumptions.assumeTrue(exitCode(PYTHON, "-c", "import torch, torchvision, onnx") == 0,
                "skipped: " + PYTHON + " lacks torch/torchvision/onnx (apt-get install python3-torch "
                        + "python3-torchvision python3-onnx)");
        Path repo = TestData.repoRoot();
        Process process = new ProcessBuilder(PYTHON, "-m", "unittest", "discover", "-s", "training/tests",
                "-t", "training", "-v")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "python tests timed out");
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("OK"), output);
    }

    private static int exitCode(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
