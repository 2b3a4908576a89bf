package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassMetricsTest {

    @Test
    void of_precisionRecallF1_handComputed() {
        ClassMetrics c = ClassMetrics.of("A", 3, 5, 2);
        assertEquals(0.4, c.precision(), 1e-12);
        assertEquals(2.0 / 3, c.recall(), 1e-12);
        assertEquals(0.5, c.f1(), 1e-12);
        assertTrue(c.present());
        assertFalse(c.noPredictions());
    }

    @Test
    void of_precisionIsZeroAndFlagged_whenNeverPredicted() {
        ClassMetrics c = ClassMetrics.of("D", 1, 0, 0);
        assertEquals(0.0, c.precision());
        assertEquals(0.0, c.recall());
        assertEquals(0.0, c.f1());
        assertTrue(c.noPredictions());
    }

    @Test
    void of_recallAndF1NotScored_whenAbsentFromSet() {
        ClassMetrics c = ClassMetrics.of("Z", 0, 2, 0);
        assertFalse(c.present());
        assertEquals(0.0, c.precision());
        assertTrue(Double.isNaN(c.recall()));
        assertTrue(Double.isNaN(c.f1()));
        assertFalse(c.noPredictions());
    }

    @Test
    void of_precisionUndefined_whenAbsentAndNeverPredicted() {
        ClassMetrics c = ClassMetrics.of("Z", 0, 0, 0);
        assertTrue(Double.isNaN(c.precision()));
    }
}
