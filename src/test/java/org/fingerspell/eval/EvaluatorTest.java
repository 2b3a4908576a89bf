package org.fingerspell.eval;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Labels;
import org.fingerspell.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    @TempDir
    Path dir;

    /** Reads bright images as A and dark ones as B, like a model would read hands. */
    private static final Evaluator.FrameReader BRIGHT_IS_A = (file, bgr) -> EvalFixtures.frameResult(
            Core.mean(bgr).val[0] > 127 ? "A" : "B", 0.9);

    private ClassFolderSet set() throws IOException {
        EvalFixtures.png(dir.resolve("a/1.png"), Color.WHITE);
        EvalFixtures.png(dir.resolve("a/2.png"), Color.BLACK);
        EvalFixtures.png(dir.resolve("B/1.png"), Color.BLACK);
        EvalFixtures.png(dir.resolve("Del/1.png"), Color.WHITE);
        Files.writeString(dir.resolve("B/broken.jpg"), "this is not a JPEG");
        return ClassFolderSet.scan(dir);
    }

    @Test
    void evaluate_scoresReadableImagesAndRecordsErrors_corruptFileInBatch() throws IOException {
        Evaluator evaluator = new Evaluator(BRIGHT_IS_A, new ImageLoader(), EvalFixtures.MODEL);
        EvaluationResult result = evaluator.evaluate(set(), Labels.ALL, EvaluationListener.NONE, () -> false);
        assertEquals(5, result.records().size());
        assertEquals(1, result.errors().size());
        ImageRecord error = result.errors().get(0);
        assertEquals("broken.jpg", error.file().getFileName().toString());
        assertTrue(error.error().contains("not an image"), error.error());
        Metrics metrics = result.metrics();
        assertEquals(4, metrics.n());
        assertEquals(2, metrics.correct());
        assertEquals(1, metrics.confusion().count("del", "A"));
    }

    @Test
    void evaluate_skipsImagesOutsideSelection_subsetOfClasses() throws IOException {
        Evaluator evaluator = new Evaluator(BRIGHT_IS_A, new ImageLoader(), EvalFixtures.MODEL);
        EvaluationResult result = evaluator.evaluate(set(), Labels.LETTERS, EvaluationListener.NONE, () -> false);
        assertEquals(4, result.records().size());
        assertEquals(1, result.excludedImages());
        assertEquals(List.of("del"), result.excludedClasses());
        assertEquals(Labels.LETTERS, result.scoredClasses());
    }

    @Test
    void evaluate_reportsEveryImageToListener_inOrder() throws IOException {
        List<Integer> done = new ArrayList<>();
        AtomicInteger started = new AtomicInteger(-1);
        Evaluator evaluator = new Evaluator(BRIGHT_IS_A, new ImageLoader(), EvalFixtures.MODEL);
        evaluator.evaluate(set(), Labels.ALL, new EvaluationListener() {
            @Override
            public void started(int total) {
                started.set(total);
            }

            @Override
            public void imageDone(int count, int total, ImageRecord record) {
                done.add(count);
            }
        }, () -> false);
        assertEquals(5, started.get());
        assertEquals(List.of(1, 2, 3, 4, 5), done);
    }

    @Test
    void evaluate_stopsAndMarksCancelled_whenCancelledMidway() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        Evaluator evaluator = new Evaluator((file, bgr) -> {
            reads.incrementAndGet();
            return EvalFixtures.frameResult("A", 0.9);
        }, new ImageLoader(), EvalFixtures.MODEL);
        EvaluationResult result = evaluator.evaluate(set(), Labels.ALL, EvaluationListener.NONE,
                () -> reads.get() >= 2);
        assertTrue(result.cancelled());
        assertEquals(2, result.records().size());
    }

    @Test
    void evaluate_recordsModelFailureAndGoesOn_classifierThrows() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Evaluator evaluator = new Evaluator((file, bgr) -> {
            if (calls.incrementAndGet() == 1) {
                throw new ModelException("inference failed: boom");
            }
            return EvalFixtures.frameResult("A", 0.9);
        }, new ImageLoader(), EvalFixtures.MODEL);
        EvaluationResult result = evaluator.evaluate(set(), Labels.ALL, EvaluationListener.NONE, () -> false);
        assertFalse(result.cancelled());
        assertEquals(2, result.errors().size());
        assertEquals(3, result.metrics().n());
    }

    @Test
    void evaluate_keepsTopThreeAndHandSource_perRecord() throws IOException {
        Evaluator evaluator = new Evaluator(BRIGHT_IS_A, new ImageLoader(), EvalFixtures.MODEL);
        ImageRecord first = evaluator.evaluate(set(), Labels.ALL, EvaluationListener.NONE, () -> false)
                .records().get(0);
        assertEquals(3, first.top().size());
        assertEquals("whole_frame", first.handSource());
        assertEquals(0.9, first.confidence(), 1e-9);
    }
}
