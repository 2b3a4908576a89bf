package org.fingerspell.video;

/**
 * A snapshot of the pipeline's health.
 *
 * @param captureFps       frames read from the source per second
 * @param inferenceFps     frames classified per second
 * @param latencyMillis    capture to result, recent mean
 * @param inferenceMillis  crop + classify, recent mean
 * @param captured         frames read in all
 * @param inferred         frames classified in all
 * @param dropped          frames replaced before inference took them
 * @param errors           inference failures
 * @param captureAlive     whether the capture thread is running
 * @param inferenceAlive   whether the inference thread is running
 */
public record PipelineStats(double captureFps, double inferenceFps, double latencyMillis, double inferenceMillis,
                            long captured, long inferred, long dropped, long errors,
                            boolean captureAlive, boolean inferenceAlive) {
}
