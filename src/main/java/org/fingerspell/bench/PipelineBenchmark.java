package org.fingerspell.bench;

import ai.onnxruntime.OrtException;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.HandCropper;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.video.FrameClassifier;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.FrameSource;
import org.fingerspell.video.FrameSourceException;
import org.fingerspell.video.LandmarkModels;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the live view's per-frame code ({@link FrameClassifier#forVideo}: palm detector with tracking, crop,
 * preprocessing, ONNX Runtime through DJL) over a source on one thread and times every stage. After each measured
 * frame the bare ONNX Runtime session runs the very tensor the app's session ran, so the two are timed under the
 * same load. The first {@code warmup} frames (JIT, ONNX Runtime's memory arena, OpenCV's buffers) are not counted.
 */
public final class PipelineBenchmark {

    /**
     * @param frames      frames measured
     * @param warmup      frames run first and not counted
     * @param keepTensors how many of the classifier's input tensors to keep for the PyTorch reference
     */
    public record Options(int frames, int warmup, int keepTensors) {
        public Options {
            if (frames < 1 || warmup < 0 || keepTensors < 0) {
                throw new IllegalArgumentException("frames must be at least 1, warm-up and kept tensors not negative");
            }
        }
    }

    private PipelineBenchmark() {
    }

    public static BenchmarkResult run(FrameSource source, OnnxClassifier classifier, Options options)
            throws ModelException, FrameSourceException, OrtException {
        StageRecorder recorder = new StageRecorder();
        List<float[]> kept = new ArrayList<>();
        Map<Crop.Source, Integer> sources = new EnumMap<>(Crop.Source.class);
        long[] bare = new long[options.frames()];
        int bareCount = 0;
        long detectorNetwork = 0;
        long detectorRuns = 0;
        source.open();
        try (LandmarkModels landmarks = LandmarkModels.forModel(classifier);
             FrameClassifier reader = FrameClassifier.forVideo(classifier, landmarks);
             BareOrtSession bareSession = new BareOrtSession(classifier.modelFile(),
                     classifier.descriptor().inputName(), classifier.descriptor().input().size(),
                     classifier.settings())) {
            HandCropper hands = reader.cropper() instanceof HandCropper h ? h : null;
            for (int i = 0; i < options.warmup() + options.frames(); i++) {
                boolean measured = i >= options.warmup();
                if (i == options.warmup()) {
                    recorder.reset();
                }
                long networkBefore = hands == null ? 0 : hands.detectorNetworkNanos();
                long runsBefore = hands == null ? 0 : hands.detectorRuns();
                recorder.begin();
                Mat frame = source.grab();
                if (frame == null) {
                    throw new FrameSourceException(FrameSourceException.Kind.NOT_FOUND, source.describe()
                            + " ended after " + i + " frames");
                }
                FrameResult result;
                try {
                    recorder.lap(Stage.DECODE);
                    result = reader.classify(frame, recorder);
                    recorder.end();
                } finally {
                    frame.release();
                }
                long bareNanos = result.classifierRan() ? bareSession.time(reader.session().lastInput()) : -1;
                if (measured) {
                    sources.merge(result.source(), 1, Integer::sum);
                    if (hands != null) {
                        detectorNetwork += hands.detectorNetworkNanos() - networkBefore;
                        detectorRuns += hands.detectorRuns() - runsBefore;
                    }
                    if (bareNanos >= 0) {
                        bare[bareCount++] = bareNanos;
                        if (kept.size() < options.keepTensors()) {
                            kept.add(reader.session().lastInput());
                        }
                    }
                }
            }
        } finally {
            source.close();
        }
        return new BenchmarkResult(source.describe(), options, recorder.stageStats(),
                LatencyStats.ofNanos(recorder.endToEnd()), LatencyStats.ofNanos(recorder.compute()),
                LatencyStats.ofNanos(java.util.Arrays.copyOf(bare, bareCount)), sum(recorder.compute()),
                sum(java.util.Arrays.copyOf(bare, bareCount)), detectorNetwork, detectorRuns, sources, kept);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
