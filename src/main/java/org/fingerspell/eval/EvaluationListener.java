package org.fingerspell.eval;

/**
 * Hears about an evaluation as it runs, on the thread that runs it (a UI hands the calls over to its own thread).
 * Plain Java: the command line draws a progress bar, a JavaFX view binds a progress property.
 */
public interface EvaluationListener {

    EvaluationListener NONE = new EvaluationListener() {
    };

    /** Called once before the first image. */
    default void started(int total) {
    }

    /** Called after each image, failed or not; {@code done} counts from 1 to {@code total}. */
    default void imageDone(int done, int total, ImageRecord record) {
    }
}
