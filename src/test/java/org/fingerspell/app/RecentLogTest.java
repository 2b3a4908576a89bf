package org.fingerspell.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentLogTest {

    @Test
    void lines_keepOnlyTheNewest_whenFull() {
        RecentLog recent = new RecentLog(3);
        for (int i = 1; i <= 5; i++) {
            recent.publish(new LogRecord(Level.INFO, "line " + i));
        }
        List<String> lines = recent.lines();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).endsWith("line 3") && lines.get(2).endsWith("line 5"), lines.toString());
    }

    @Test
    void constructor_rejectsZeroCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new RecentLog(0));
    }
}
