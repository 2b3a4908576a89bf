package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSummaryTest {

    private static String summary() {
        List<ImageRecord> records = List.of(
                EvalFixtures.record("/d/A/1.png", "A", "A", 0.9),
                EvalFixtures.record("/d/A/2.png", "A", "B", 0.6),
                EvalFixtures.record("/d/B/1.png", "B", "nothing", 0.7),
                ImageRecord.failed(Path.of("/d/B/x.jpg"), "B", "empty file"));
        return TextSummary.format(EvalFixtures.result(Path.of("/d"), List.of("A", "B", "Z"), records), 5);
    }

    @Test
    void format_headlineNumbers_nAccuracyMacroF1() {
        String text = summary();
        assertTrue(text.contains("n         3 images scored (1 more could not be read)"), text);
        assertTrue(text.contains("accuracy  0.333 (1/3)"), text);
        assertTrue(text.contains("macro-F1  0.333 over 2 classes present: A B; absent from the set, not scored: Z"),
                text);
    }

    @Test
    void format_flagsAbsentAndNeverPredictedClasses_perClassTable() {
        String text = summary();
        assertTrue(text.contains("absent, not scored"), text);
        assertTrue(text.contains("1 prediction fell outside the scored classes and counts as an error"), text);
    }

    @Test
    void format_listsConfusedPairs_largestFirst() {
        String text = summary();
        assertTrue(text.contains("A       -> B           1  (50.0% of A)"), text);
        assertTrue(text.contains("B       -> other       1  (100.0% of B)"), text);
    }

    @Test
    void format_namesClassesWhoseImagesAllFailed_unreadableClass() {
        List<ImageRecord> records = List.of(
                EvalFixtures.record("/d/A/1.png", "A", "A", 0.9),
                ImageRecord.failed(Path.of("/d/B/x.jpg"), "B", "empty file"));
        String text = TextSummary.format(EvalFixtures.result(Path.of("/d"), List.of("A", "B"), records), 5);
        assertTrue(text.contains("not scored because none of their images could be read: B"), text);
    }
}
