package org.fingerspell.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassificationTest {

    @Test
    void fromLogits_ranksBySoftmaxProbability() {
        float[] logits = new float[29];
        logits[Labels.indexOf("C")] = 5f;
        logits[Labels.indexOf("O")] = 4f;
        logits[Labels.indexOf("space")] = 3f;
        Classification c = Classification.fromLogits(Labels.ALL, logits, null);
        assertEquals("C", c.label());
        assertEquals("O", c.top(3).get(1).label());
        assertEquals("space", c.top(3).get(2).label());
        double expected = Math.exp(5) / (Math.exp(5) + Math.exp(4) + Math.exp(3) + 26);
        assertEquals(expected, c.confidence(), 1e-9);
    }

    @Test
    void softmax_largeLogits_staysFiniteAndSumsToOne() {
        double[] p = Softmax.of(new float[] {1000f, 999f, -1000f});
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        assertEquals(1 / (1 + Math.exp(-1)), p[0], 1e-12);
    }

    @Test
    void top_kLargerThanClasses_returnsAll() {
        Classification c = new Classification(java.util.List.of("A", "B"), new double[] {0.3, 0.7}, null);
        assertEquals(2, c.top(5).size());
        assertEquals("B", c.label());
    }
}
