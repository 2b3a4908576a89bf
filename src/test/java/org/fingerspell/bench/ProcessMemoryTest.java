package org.fingerspell.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessMemoryTest {

    @Test
    void rss_isReadFromTheVmRssLine(@TempDir Path dir) throws Exception {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  524288 kB\n");
        assertEquals(512.0, ProcessMemory.rssMb(status), 1e-9);
    }

    @Test
    void rss_withoutTheLine_isMinusOne(@TempDir Path dir) throws Exception {
        assertEquals(-1, ProcessMemory.rssMb(Files.writeString(dir.resolve("status"), "Name:\tjava\n")));
        assertEquals(-1, ProcessMemory.rssMb(dir.resolve("absent")));
    }

    @Test
    void now_seesAHeapInUse() {
        ProcessMemory memory = ProcessMemory.now();
        assertTrue(memory.heapUsedMb() > 0, memory.toString());
        assertTrue(memory.heapAfterGcMb() >= 0, memory.toString());
    }
}
