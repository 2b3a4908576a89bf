package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    /**
     * Scored A..E. A: A A B; B: A A; C: C nothing; D: A; E absent.
     * Hand-computed: n 8, correct 3, accuracy 3/8. A P 2/5 R 2/3 F1 1/2; B P 0/1 R 0 F1 0; C P 1/1 R 1/2 F1 2/3;
     * D never predicted: P 0 R 0 F1 0. Macro-F1 over A..D = (1/2 + 0 + 2/3 + 0) / 4 = 7/24.
     */
    private static Metrics handCase() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B", "C", "D", "E"));
        m.add("A", "A");
        m.add("A", "A");
        m.add("A", "B");
        m.add("B", "A");
        m.add("B", "A");
        m.add("C", "C");
        m.add("C", "nothing");
        m.add("D", "A");
        return Metrics.of(m);
    }

    @Test
    void accuracy_correctOverScored_handComputed() {
        Metrics metrics = handCase();
        assertEquals(8, metrics.n());
        assertEquals(3, metrics.correct());
        assertEquals(3.0 / 8, metrics.accuracy(), 1e-12);
    }

    @Test
    void perClass_matchesHandComputedValues_mixedCase() {
        Metrics metrics = handCase();
        assertEquals(0.4, metrics.of("A").precision(), 1e-12);
        assertEquals(2.0 / 3, metrics.of("A").recall(), 1e-12);
        assertEquals(0.5, metrics.of("A").f1(), 1e-12);
        assertEquals(0.0, metrics.of("B").precision(), 1e-12);
        assertEquals(0.0, metrics.of("B").f1(), 1e-12);
        assertEquals(1.0, metrics.of("C").precision(), 1e-12);
        assertEquals(0.5, metrics.of("C").recall(), 1e-12);
        assertEquals(2.0 / 3, metrics.of("C").f1(), 1e-12);
    }

    @Test
    void perClass_precisionZero_classWithNoPredictions() {
        Metrics metrics = handCase();
        assertEquals(0.0, metrics.of("D").precision());
        assertEquals(0, metrics.of("D").predicted());
        assertEquals(List.of("D"), metrics.classesNeverPredicted());
    }

    @Test
    void macroF1_averagesOnlyClassesPresent_absentClassNotScored() {
        Metrics metrics = handCase();
        assertEquals(7.0 / 24, metrics.macroF1(), 1e-12);
        assertEquals(List.of("A", "B", "C", "D"), metrics.classesPresent());
        assertEquals(List.of("E"), metrics.classesAbsent());
    }

    @Test
    void macroF1_absentClassThatIsPredicted_stillNotAveraged() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B"));
        m.add("A", "A");
        m.add("A", "B");
        Metrics metrics = Metrics.of(m);
        assertEquals(2.0 / 3, metrics.macroF1(), 1e-12);
        assertEquals(0.0, metrics.of("B").precision());
        assertTrue(Double.isNaN(metrics.of("B").recall()));
    }

    @Test
    void otherPredictions_countAsErrors_subsetScoring() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B"));
        m.add("A", "A");
        m.add("A", "nothing");
        m.add("B", "space");
        m.add("B", "B");
        Metrics metrics = Metrics.of(m);
        assertEquals(4, metrics.n());
        assertEquals(0.5, metrics.accuracy(), 1e-12);
        assertEquals(2, metrics.otherPredictions());
        assertEquals(1.0, metrics.of("A").precision(), 1e-12);
        assertEquals(0.5, metrics.of("A").recall(), 1e-12);
        assertEquals(2.0 / 3, metrics.macroF1(), 1e-12);
    }

    @Test
    void metrics_allOne_perfectPredictions() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B", "del"));
        for (String label : List.of("A", "A", "B", "del")) {
            m.add(label, label);
        }
        Metrics metrics = Metrics.of(m);
        assertEquals(1.0, metrics.accuracy());
        assertEquals(1.0, metrics.macroF1());
        assertTrue(metrics.topConfusions(5).isEmpty());
    }

    @Test
    void metrics_allZero_everyPredictionWrong() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B"));
        m.add("A", "B");
        m.add("B", "A");
        Metrics metrics = Metrics.of(m);
        assertEquals(0.0, metrics.accuracy());
        assertEquals(0.0, metrics.macroF1());
    }

    @Test
    void metrics_undefined_nothingScored() {
        Metrics metrics = Metrics.of(new ConfusionMatrix(List.of("A")));
        assertEquals(0, metrics.n());
        assertTrue(Double.isNaN(metrics.accuracy()));
        assertTrue(Double.isNaN(metrics.macroF1()));
    }

    @Test
    void topConfusions_limitedToK_largestFirst() {
        List<ConfusedPair> top = handCase().topConfusions(2);
        assertEquals(2, top.size());
        assertEquals(new ConfusedPair("B", "A", 2, 1.0), top.get(0));
    }
}
