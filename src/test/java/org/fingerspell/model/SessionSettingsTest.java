package org.fingerspell.model;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionSettingsTest {

    @Test
    void optLevel_shortAndLongNames() {
        assertEquals(OptLevel.ALL_OPT, SessionSettings.parseOptLevel("all"));
        assertEquals(OptLevel.BASIC_OPT, SessionSettings.parseOptLevel(" Basic "));
        assertEquals(OptLevel.NO_OPT, SessionSettings.parseOptLevel("none"));
        assertEquals(OptLevel.EXTENDED_OPT, SessionSettings.parseOptLevel("EXTENDED_OPT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionSettings.parseOptLevel("max"));
        assertTrue(e.getMessage().contains("none, basic, extended or all"));
    }

    @Test
    void defaults_spinOffWithEveryOptimisation() {
        SessionSettings settings = SessionSettings.defaults(2);
        assertFalse(settings.spinning());
        assertEquals(OptLevel.ALL_OPT, settings.optLevel());
        assertEquals(2, settings.intraOpThreads());
        assertTrue(settings.withSpinning(true).spinning());
        assertEquals("2 intra-op threads, spinning off, ALL_OPT", settings.toString());
    }

    @Test
    void negativeThreads_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> SessionSettings.defaults(-1));
    }
}
