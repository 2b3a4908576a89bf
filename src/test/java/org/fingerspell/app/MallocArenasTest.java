package org.fingerspell.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MallocArenasTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void restartsTheSameProcessOnceWithTheArenasCapped() throws Exception {
        List<String> lines = probe(null, List.of());
        // "before" twice (the process printed it, then its re-executed self did), "after" once, one pid throughout.
        assertEquals(3, lines.size(), lines.toString());
        String pid = lines.get(0).substring("before pid=".length());
        assertEquals("before pid=" + pid, lines.get(1));
        assertEquals("after pid=" + pid + " env=2 args=a|b c|ü glibc malloc arenas: MALLOC_ARENA_MAX=2", lines.get(2));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void leavesAUsersSettingAndTheOptOutAlone() throws Exception {
        List<String> own = probe("8", List.of());
        assertEquals(2, own.size(), own.toString());
        assertTrue(own.get(1).endsWith("env=8 args=a|b c|ü glibc malloc arenas: MALLOC_ARENA_MAX=8"), own.get(1));

        List<String> optOut = probe(null, List.of("-D" + MallocArenas.PROPERTY + "=default"));
        assertEquals(2, optOut.size(), optOut.toString());
        assertTrue(optOut.get(1).endsWith("env=null args=a|b c|ü glibc malloc arenas: glibc's default"), optOut.get(1));
    }

    @Test
    void decidesWhatToSet() {
        assertEquals("2", MallocArenas.limitToSet("Linux", Map.of(), null));
        assertEquals("4", MallocArenas.limitToSet("Linux", Map.of(), " 4 "));
        assertEquals("2", MallocArenas.limitToSet("Linux", Map.of(), "many"));
        assertEquals("2", MallocArenas.limitToSet("Linux", Map.of(), "0"));
        assertNull(MallocArenas.limitToSet("Linux", Map.of(), "Default"));
        assertNull(MallocArenas.limitToSet("Linux", Map.of("MALLOC_ARENA_MAX", "8"), "2"));
        assertNull(MallocArenas.limitToSet("Windows 11", Map.of(), null));
        assertNull(MallocArenas.limitToSet("Mac OS X", Map.of(), "2"));
    }

    @Test
    void aJpackageLauncherIsRunAgainWithTheAppsArguments() throws Exception {
        assertEquals(List.of("/opt/fingerspell/bin/fingerspell", "live", "--source", "folder:/a b"),
                MallocArenas.command("/opt/fingerspell/bin/fingerspell", new String[]{"live", "--source", "folder:/a b"}));
    }

    private static List<String> probe(String environmentValue, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MallocArenasProbe.class.getName());
        command.addAll(List.of("a", "b c", "ü"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(MallocArenas.ENVIRONMENT);
        if (environmentValue != null) {
            builder.environment().put(MallocArenas.ENVIRONMENT, environmentValue);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
