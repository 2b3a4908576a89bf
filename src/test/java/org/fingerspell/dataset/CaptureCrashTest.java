package org.fingerspell.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.fingerspell.dataset.DatasetAssertions.assertConsistent;
import static org.fingerspell.dataset.DatasetAssertions.manifestRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real capture process (destroyForcibly: SIGKILL, no shutdown hooks) between writing an image and
 * appending its manifest row, then opens the set again as the app would after a restart.
 */
class CaptureCrashTest {

    @TempDir
    Path root;

    @Test
    void killedBetweenImageAndRow_restartAdoptsTheImageAndKeepsTheRest() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingCapture.class.getName(), root.toString(), "3")
                .redirectErrorStream(true).start();
        String orphan;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            orphan = awaitHook(out);
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child did not die");
        } finally {
            child.destroyForcibly();
        }
        assertNotNull(orphan, "the child never reached the hook");
        assertEquals(3, manifestRows(root).size(), "rows written before the kill");

        CaptureStore restarted = CaptureStore.open(root);

        assertEquals(List.of(orphan), restarted.recovery().adopted());
        assertEquals(List.of(), restarted.recovery().missingFiles());
        assertEquals(4, restarted.rows().size());
        assertEquals("B", restarted.rows().get(3).label());
        assertConsistent(root);
    }

    private static String awaitHook(BufferedReader out) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(CrashingCapture.AT_HOOK)) {
                return line.substring(CrashingCapture.AT_HOOK.length()).trim();
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child exited before the hook:\n" + seen);
    }
}
