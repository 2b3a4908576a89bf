package org.fingerspell.video;

/**
 * One inferred frame, as the live view needs it.
 *
 * @param result          the classification and where the hand was
 * @param sequence        the frame's number since the source opened
 * @param captureNanos    when the frame was captured ({@link System#nanoTime()})
 * @param frameWidth      the frame's size, for drawing the hand box
 * @param frameHeight     the frame's size
 * @param inferenceNanos  crop + classify time
 * @param latencyNanos    capture to result, waiting included
 */
public record Reading(FrameResult result, long sequence, long captureNanos, int frameWidth, int frameHeight,
                      long inferenceNanos, long latencyNanos) {
}
