package org.fingerspell.dataset;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageTest {

    private static ManifestRow row(String label, String lighting) {
        CaptureSession session = new CaptureSession("s", "sam", "right", lighting, "plain", "", "");
        return new ManifestRow(label + "/x.png", label, session, null, Instant.EPOCH, "", "", false);
    }

    @Test
    void of_countsPerClassAndCondition() {
        Coverage coverage = Coverage.of(List.of(row("A", "dim"), row("A", "dim"), row("A", "daylight"),
                row("M", "indoor")), Conditions.Dimension.LIGHTING, List.of("A", "M"));

        assertEquals(2, coverage.count("A", "dim"));
        assertEquals(1, coverage.count("A", "daylight"));
        assertEquals(0, coverage.count("M", "dim"));
        assertEquals(3, coverage.total("A"));
        assertEquals(Conditions.LIGHTING, coverage.values());
    }

    @Test
    void missing_namesEachEmptySuggestedCell() {
        Coverage coverage = Coverage.of(List.of(row("A", "dim"), row("A", "daylight"), row("A", "indoor"),
                row("A", "backlit"), row("M", "indoor")), Conditions.Dimension.LIGHTING, List.of("A", "M", "N"));

        assertEquals(List.of("M: no daylight images yet", "M: no dim-light images yet",
                "M: no backlit images yet", "N: no images yet"), coverage.missing());
    }

    @Test
    void of_valueNotSuggested_becomesAColumnButNotAGap() {
        Coverage coverage = Coverage.of(List.of(row("A", "candle"), row("A", "")), Conditions.Dimension.LIGHTING,
                List.of("A"));

        assertEquals(List.of("daylight", "indoor", "dim", "backlit", "candle", "unknown"), coverage.values());
        assertEquals(1, coverage.count("A", "candle"));
        assertEquals(1, coverage.count("A", "unknown"));
        assertTrue(coverage.missing().stream().noneMatch(line -> line.contains("candle") || line.contains("unknown")));
    }

    @Test
    void of_byHandedness_reportsTheMissingHand() {
        Coverage coverage = Coverage.of(List.of(row("A", "dim")), Conditions.Dimension.HANDEDNESS, List.of("A"));

        assertEquals(List.of("A: no left-hand images yet"), coverage.missing());
    }
}
