package org.fingerspell.bench;

import org.fingerspell.hand.Crop;

import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param stages                per stage, over the frames where it ran
 * @param endToEnd              decode to post-processing, per frame
 * @param compute               end to end without decoding: what the live view's inference thread does per frame
 * @param bareOrt               the bare ONNX Runtime session on the same tensors, per classified frame
 * @param computeNanos          the measured frames' compute time, summed
 * @param bareOrtNanos          the bare session's time, summed
 * @param detectorNetworkNanos  time inside the palm detector's network (OpenCV DNN's native forward), summed
 * @param detectorRuns          detector passes over the measured frames (a retry with a border counts again)
 * @param cropSources           how each measured frame's crop was found
 * @param tensors               some of the classifier's input tensors, for the PyTorch reference
 */
public record BenchmarkResult(String source, PipelineBenchmark.Options options, Map<Stage, LatencyStats> stages,
                              LatencyStats endToEnd, LatencyStats compute, LatencyStats bareOrt, long computeNanos,
                              long bareOrtNanos, long detectorNetworkNanos, long detectorRuns,
                              Map<Crop.Source, Integer> cropSources, List<float[]> tensors) {

    /** Frames per second decoding and reading one after the other on one thread. */
    public double endToEndFps() {
        return endToEnd.throughputFps();
    }

    /** Frames per second the inference thread sustains when decoding runs on the capture thread, as in the app. */
    public double computeFps() {
        return compute.throughputFps();
    }

    /**
     * Compute time over the time the networks themselves took: the bare ONNX Runtime session (classifier) plus the
     * palm detector's native forward passes. 1.0 would mean the Java side costs nothing. The hand landmark stage has
     * no bare twin here, so its time is left out of the compute time rather than counted as overhead; the stage
     * table reports it on its own.
     */
    public double overheadRatio() {
        long networks = bareOrtNanos + detectorNetworkNanos;
        LatencyStats landmarks = stages.getOrDefault(Stage.LANDMARKS, LatencyStats.EMPTY);
        long compared = computeNanos - Math.round(landmarks.totalMillis() * 1e6);
        return networks > 0 ? (double) compared / networks : Double.NaN;
    }

    /** The classifier stage through DJL over the bare session, both medians: the Java cost of one inference. */
    public double classifierOverheadRatio() {
        LatencyStats classifier = stages.get(Stage.CLASSIFIER);
        return bareOrt.count() > 0 && classifier.count() > 0 ? classifier.medianMillis() / bareOrt.medianMillis()
                : Double.NaN;
    }
}
