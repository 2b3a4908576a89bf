package org.fingerspell.bench;

import org.fingerspell.image.OpenCv;
import org.fingerspell.model.ClassifierSession;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.OnnxClassifier;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a timed test: the classifier's Java cost alone. The app's session (DJL predictor, translator, output copy,
 * softmax) and the bare {@code OrtSession.run} take turns on the same tensor, with nothing else in between and
 * the order swapped every pair, so neither always runs on the heels of the other. In the full benchmark the app's
 * session runs right after the palm detector and the crop, which on two shared cores also counts contention.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.fingerspell.bench.ClassifierOverheadStudy [pairs]
 * </pre>
 */
public final class ClassifierOverheadStudy {

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        OpenCv.load();
        EncodedSequence sequence = KaggleSequence.load(Path.of("../shared/data"), 1)
                .orElseThrow(() -> new IllegalStateException("needs ../shared/data/kaggle-train"));
        System.out.println("Machine: " + MachineInfo.now().describe());
        Mat frame = sequence.grab();
        try (OnnxClassifier classifier = OnnxClassifier.load(Path.of("models/fingerspell.onnx"), DeviceChoice.CPU, 0);
             ClassifierSession session = classifier.newSession();
             BareOrtSession bare = new BareOrtSession(classifier.modelFile(), classifier.descriptor().inputName(),
                     classifier.descriptor().input().size(), classifier.settings())) {
            float[] tensor = session.preprocessor().toTensor(frame);
            long[] app = new long[pairs];
            long[] ort = new long[pairs];
            for (int i = -20; i < pairs; i++) {
                long appNanos;
                long ortNanos;
                if ((i & 1) == 0) {
                    appNanos = timeApp(session, tensor);
                    ortNanos = bare.time(tensor);
                } else {
                    ortNanos = bare.time(tensor);
                    appNanos = timeApp(session, tensor);
                }
                if (i >= 0) {
                    app[i] = appNanos;
                    ort[i] = ortNanos;
                }
            }
            LatencyStats a = LatencyStats.ofNanos(app);
            LatencyStats b = LatencyStats.ofNanos(ort);
            System.out.printf(Locale.ROOT, "app session (DJL): median %.3f ms, mean %.3f ms, min %.3f ms%n",
                    a.medianMillis(), a.meanMillis(), a.minMillis());
            System.out.printf(Locale.ROOT, "bare OrtSession:   median %.3f ms, mean %.3f ms, min %.3f ms%n",
                    b.medianMillis(), b.meanMillis(), b.minMillis());
            System.out.printf(Locale.ROOT, "ratio: median %.3f, mean %.3f, min %.3f (%d pairs); load at the end %s%n",
                    a.medianMillis() / b.medianMillis(), a.meanMillis() / b.meanMillis(), a.minMillis() / b.minMillis(),
                    pairs, MachineInfo.formatLoad(MachineInfo.currentLoad()));
        } finally {
            frame.release();
        }
    }

    private static long timeApp(ClassifierSession session, float[] tensor) throws Exception {
        long start = System.nanoTime();
        session.classifyTensors(tensor, 1);
        return System.nanoTime() - start;
    }
}
