package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelComparisonTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    private static EvaluationResult run(String... predicted) {
        String[] truth = {"A", "A", "B", "B"};
        List<ImageRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            records.add(EvalFixtures.record("set/" + truth[i] + "/" + i + ".png", truth[i], predicted[i], 0.9));
        }
        return EvalFixtures.result(Path.of("set"), ABC, records);
    }

    @Test
    void differences_secondMinusFirst_secondModelBetter() {
        EvaluationResult a = run("A", "B", "B", "B");
        EvaluationResult b = run("A", "A", "B", "B");
        ModelComparison comparison = new ModelComparison(a, b);
        assertEquals(a.metrics().accuracy(), comparison.accuracyA());
        assertEquals(1.0, comparison.accuracyB());
        assertEquals(1.0 - a.metrics().accuracy(), comparison.accuracyDifference(), 1e-12);
        assertEquals(b.metrics().macroF1() - a.metrics().macroF1(), comparison.macroF1Difference(), 1e-12);
        assertTrue(comparison.macroF1Difference() > 0);
    }

    @Test
    void perClass_eachModelsF1AndNaNForAbsentClass() {
        EvaluationResult a = run("A", "B", "B", "B");
        EvaluationResult b = run("A", "A", "B", "B");
        List<ModelComparison.ClassRow> rows = new ModelComparison(a, b).perClass();
        assertEquals(List.of("A", "B", "C"), rows.stream().map(ModelComparison.ClassRow::label).toList());
        assertEquals(a.metrics().of("B").f1(), rows.get(1).f1A());
        assertEquals(1.0, rows.get(1).f1B());
        assertEquals(0, rows.get(2).support());
        assertTrue(Double.isNaN(rows.get(2).difference()));
    }

    @Test
    void constructor_throws_differentImages() {
        EvaluationResult a = run("A", "B", "B", "B");
        EvaluationResult b = run("A", "A", "B");
        assertThrows(IllegalArgumentException.class, () -> new ModelComparison(a, b));
    }

    @Test
    void constructor_throws_differentScoredClasses() {
        EvaluationResult a = run("A", "B");
        EvaluationResult b = EvalFixtures.result(Path.of("set"), List.of("A", "B"), a.records());
        assertThrows(IllegalArgumentException.class, () -> new ModelComparison(a, b));
    }
}
