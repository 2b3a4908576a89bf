package org.fingerspell.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MallocArenasTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void capsTheArenasThroughGlibcsMallopt() {
        // The test JVM runs on glibc (Debian in CI); mallopt answers 1 when it takes the value.
        String state = MallocArenas.apply("Linux", Map.of(), null);
        assertEquals("glibc malloc arenas: at most 2 (mallopt)", state);
        assertEquals("glibc malloc arenas: at most 4 (mallopt)", MallocArenas.apply("Linux", Map.of(), " 4 "));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aBadPropertyFallsBackToTheDefaultAndSaysSo() {
        String state = MallocArenas.apply("Linux", Map.of(), "many");
        assertTrue(state.startsWith("glibc malloc arenas: at most 2 (mallopt)"), state);
        assertTrue(state.contains("'many' is not a whole number"), state);
    }

    @Test
    void theUsersEnvironmentWins() {
        assertEquals("glibc malloc arenas: MALLOC_ARENA_MAX=8 from the environment",
                MallocArenas.apply("Linux", Map.of("MALLOC_ARENA_MAX", "8"), "2"));
    }

    @Test
    void leavesOtherSystemsAndTheOptOutAlone() {
        assertEquals("glibc malloc arenas: not Linux, left alone", MallocArenas.apply("Windows 11", Map.of(), null));
        assertEquals("glibc malloc arenas: not Linux, left alone", MallocArenas.apply("Mac OS X", Map.of(), "2"));
        assertEquals("glibc malloc arenas: glibc's default (-Dfingerspell.malloc.arenas=default)",
                MallocArenas.apply("Linux", Map.of(), "Default"));
    }

    @Test
    void parsesTheLimit() {
        assertEquals(MallocArenas.DEFAULT_LIMIT, MallocArenas.parseLimit(null));
        assertEquals(MallocArenas.DEFAULT_LIMIT, MallocArenas.parseLimit(" "));
        assertEquals(3, MallocArenas.parseLimit("3"));
        assertEquals(-1, MallocArenas.parseLimit("0"));
        assertEquals(-1, MallocArenas.parseLimit("2.5"));
    }
}
