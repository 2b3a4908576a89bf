package org.fingerspell.hand;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detectors built on several threads at once must not crash the process: OpenCV 4.9's model import is not
 * thread-safe (a crash on CI in the crop command's two workers, exit 134). The race hits only a process's first
 * imports, and about one fresh process in 20-40 without the lock, so the test starts many processes.
 */
class PalmDetectorConcurrencyTest {

    private static final int PROCESSES = 16;
    private static final int THREADS = 4;

    @Test
    void detectorsBuiltConcurrently_inFreshProcesses_neverCrash() throws Exception {
        var model = DetectorLocator.find();
        Assumptions.assumeTrue(model.isPresent(), "skipped: the palm detector is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < PROCESSES; run++) {
            Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:-CreateCoredumpOnCrash",
                    "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/fingerspell-hs_err_%p.log",
                    "-cp", System.getProperty("java.class.path"), ConcurrentDetectorLoad.class.getName(),
                    model.get().toString(), Integer.toString(THREADS))
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "process " + run + " did not finish");
            assertEquals(0, child.exitValue(), "process " + run + " of " + PROCESSES + " failed:\n" + output);
            assertTrue(output.contains("loaded " + THREADS), output);
        }
    }
}
