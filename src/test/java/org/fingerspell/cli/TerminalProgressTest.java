package org.fingerspell.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalProgressTest {

    private final StringWriter text = new StringWriter();

    private TerminalProgress progress(boolean interactive, int total) {
        TerminalProgress progress = new TerminalProgress(new PrintWriter(text, true), interactive, "eval");
        progress.start(total);
        for (int i = 1; i <= total; i++) {
            progress.update(i);
        }
        progress.finish();
        return progress;
    }

    @Test
    void update_silent_smallBatch() {
        progress(false, TerminalProgress.MIN_IMAGES);
        assertEquals("", text.toString());
    }

    @Test
    void update_oneLinePerTenPercent_notATerminal() {
        progress(false, 200);
        String[] lines = text.toString().split("\\R");
        assertEquals(11, lines.length);
        assertTrue(lines[10].contains("200/200 100%"), lines[10]);
        assertFalse(text.toString().contains("\r"));
    }

    @Test
    void update_redrawsWithCarriageReturn_onTerminal() {
        progress(true, 50);
        assertTrue(text.toString().contains("\reval ["), text.toString());
        assertTrue(text.toString().contains("50/50 100%"));
    }

    @Test
    void message_printsOnItsOwnLine_whileBarIsDrawn() {
        TerminalProgress progress = new TerminalProgress(new PrintWriter(text, true), true, "eval");
        progress.start(100);
        progress.update(10);
        progress.message("fingerspell: x.jpg: empty file");
        assertTrue(text.toString().contains("\rfingerspell: x.jpg: empty file") || text.toString()
                .contains("\r" + " ".repeat(90) + "\rfingerspell: x.jpg: empty file"), text.toString());
    }
}
