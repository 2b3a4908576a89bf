package org.fingerspell.ui.evaluation;

import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.ImageRecord;
import org.fingerspell.eval.ModelComparison;
import org.fingerspell.model.Score;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PerClassTableTest {

    private static ImageRecord record(String file, String truth, String predicted) {
        return ImageRecord.predicted(Path.of(file), truth, predicted, 0.9, List.of(new Score(predicted, 0.9)), true,
                "detected");
    }

    /** A scores A 1/2 and B 2/2 (C absent); {@code second} reads every image right. */
    private static EvaluationResult result(boolean second) {
        return new EvaluationResult(Path.of("set"), List.of("A", "B", "C"), 0, List.of(), List.of(), List.of(
                record("set/A/1.png", "A", "A"), record("set/A/2.png", "A", second ? "A" : "B"),
                record("set/B/1.png", "B", "B"), record("set/B/2.png", "B", "B")), false, null, Instant.EPOCH);
    }

    @Test
    void of_rowPerPresentClassWithThreeDecimals_oneModel() {
        PerClassTable table = PerClassTable.of(result(false));
        assertEquals(List.of("Class", "Images", "Precision", "Recall", "F1"), table.headers());
        assertEquals(List.of(List.of("A", "2", "1.000", "0.500", "0.667"), List.of("B", "2", "0.667", "1.000",
                "0.800")), table.rows());
    }

    @Test
    void of_eachModelsF1AndSignedDifference_twoModels() {
        PerClassTable table = PerClassTable.of(new ModelComparison(result(false), result(true)), "1", "2");
        assertEquals(List.of("Class", "Images", "F1 1", "F1 2", "Difference"), table.headers());
        assertEquals(List.of(List.of("A", "2", "0.667", "1.000", "+0.333"), List.of("B", "2", "0.800", "1.000",
                "+0.200")), table.rows());
    }

    @Test
    void signed_signOnlyWhenItShowsInThreeDecimals() {
        assertEquals("+0.125", PerClassTable.signed(0.125));
        assertEquals("−0.333", PerClassTable.signed(-1.0 / 3));
        assertEquals("0.000", PerClassTable.signed(-0.0001));
        assertEquals("n/a", PerClassTable.signed(Double.NaN));
    }
}
