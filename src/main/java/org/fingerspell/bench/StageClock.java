package org.fingerspell.bench;

/**
 * Marks where one frame's work moves from stage to stage: {@code lap(stage)} says "the time since the last lap was
 * spent in {@code stage}". The live pipeline passes {@link #NONE}, which costs one interface call; the benchmark
 * passes a {@link StageRecorder}, so it times the very code the live view runs.
 */
@FunctionalInterface
public interface StageClock {

    StageClock NONE = stage -> {
    };

    void lap(Stage stage);
}
