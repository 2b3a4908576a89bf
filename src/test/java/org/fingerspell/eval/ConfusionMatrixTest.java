package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfusionMatrixTest {

    private static ConfusionMatrix sample() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B", "C"));
        m.add("A", "A");
        m.add("A", "A");
        m.add("A", "B");
        m.add("B", "C");
        m.add("C", "nothing");
        return m;
    }

    @Test
    void count_rowsTrueColumnsPredicted_afterAdds() {
        ConfusionMatrix m = sample();
        assertEquals(2, m.count("A", "A"));
        assertEquals(1, m.count("A", "B"));
        assertEquals(0, m.count("B", "A"));
        assertEquals(1, m.count("B", "C"));
    }

    @Test
    void add_predictionOutsideScoredClasses_goesToOtherColumn() {
        ConfusionMatrix m = sample();
        assertEquals(1, m.otherCount("C"));
        assertEquals(1, m.count(2, 3));
        assertEquals(1, m.otherTotal());
        assertEquals(1, m.count("C", "space"));
    }

    @Test
    void totals_countEveryImageOnce_includingOther() {
        ConfusionMatrix m = sample();
        assertEquals(5, m.total());
        assertEquals(3, m.rowTotal("A"));
        assertEquals(1, m.rowTotal("C"));
        assertEquals(2, m.columnTotal("A"));
        assertEquals(0, m.columnTotal("nothing"));
        assertEquals(2, m.correct());
    }

    @Test
    void add_trueLabelOutsideScoredClasses_throws() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B"));
        assertThrows(IllegalArgumentException.class, () -> m.add("del", "A"));
    }

    @Test
    void new_duplicateLabels_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("A", "A")));
    }

    @Test
    void new_noLabels_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of()));
    }

    @Test
    void confusedPairs_largestFirstWithShareOfRow_offDiagonalOnly() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B"));
        m.add("A", "B");
        m.add("B", "A");
        m.add("B", "A");
        m.add("B", "B");
        m.add("B", "del");
        List<ConfusedPair> pairs = m.confusedPairs();
        assertEquals(3, pairs.size());
        assertEquals(new ConfusedPair("B", "A", 2, 0.5), pairs.get(0));
        assertEquals(new ConfusedPair("A", "B", 1, 1.0), pairs.get(1));
        assertEquals(new ConfusedPair("B", ConfusionMatrix.OTHER, 1, 0.25), pairs.get(2));
    }
}
