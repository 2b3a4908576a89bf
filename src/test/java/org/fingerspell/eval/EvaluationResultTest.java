package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationResultTest {

    @Test
    void subset_metricsOfKeptRecordsOnly_filterByFile() {
        List<ImageRecord> records = List.of(
                EvalFixtures.record("set/A/dim1.png", "A", "A", 0.9),
                EvalFixtures.record("set/A/bright1.png", "A", "B", 0.8),
                EvalFixtures.record("set/B/dim2.png", "B", "A", 0.7),
                EvalFixtures.record("set/B/bright2.png", "B", "B", 0.6));
        EvaluationResult all = EvalFixtures.result(Path.of("set"), List.of("A", "B"), records);
        EvaluationResult dim = all.subset(r -> r.file().getFileName().toString().startsWith("dim"));
        EvaluationResult alone = EvalFixtures.result(Path.of("set"), List.of("A", "B"),
                List.of(records.get(0), records.get(2)));
        assertEquals(2, dim.records().size());
        assertEquals(alone.metrics().accuracy(), dim.metrics().accuracy());
        assertEquals(alone.metrics().macroF1(), dim.metrics().macroF1());
        assertEquals(1, dim.confusion().count("B", "A"));
        assertEquals(0, dim.confusion().count("A", "B"));
    }
}
