package org.fingerspell.bench;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.Cropper;
import org.fingerspell.hand.Croppers;
import org.fingerspell.hand.RegionCutter;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Classification;
import org.fingerspell.model.ClassifierSession;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.model.Preprocessor;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: how much the classifier's input changes, and what it saves, when the hand region is cut on a grid of
 * at most {@code k} × the input side (then area-averaged) instead of at its native resolution.
 * {@code CutStudy MODEL DATA_ROOT [MASSEY_EVERY_NTH]}: the benchmark's kaggle-train sequence and every n-th
 * {@code massey} photo.
 */
public final class CutStudy {

    private static final int[] FACTORS = {0, 4, 3, 2};

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int everyNth = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (OnnxClassifier classifier = OnnxClassifier.load(model)) {
            List<Mat> frames = new ArrayList<>();
            EncodedSequence sequence = KaggleSequence.load(data, 300).orElseThrow();
            sequence.open();
            for (int i = 0; i < sequence.size(); i++) {
                frames.add(sequence.grab());
            }
            study("kaggle-train sequence 640x480", frames, classifier);
            frames.forEach(Mat::release);
            frames.clear();
            ImageLoader loader = new ImageLoader();
            List<Path> photos;
            try (Stream<Path> files = Files.walk(data.resolve("massey"))) {
                photos = files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg"))
                        .sorted().toList();
            }
            for (int i = 0; i < photos.size(); i += everyNth) {
                try (ImageLoader.LoadedImage loaded = loader.load(photos.get(i))) {
                    frames.add(loaded.bgr().clone());
                }
            }
            study("massey photos", frames, classifier);
            frames.forEach(Mat::release);
        }
    }

    private static void study(String name, List<Mat> frames, OnnxClassifier classifier) throws Exception {
        ClassifierSession session = classifier.newSession();
        Preprocessor preprocessor = session.preprocessor();
        int side = preprocessor.size();
        Cropper cropper = Croppers.forPolicy(classifier.descriptor().crop());
        long[] nanos = new long[FACTORS.length];
        double[] absDiff = new double[FACTORS.length];
        int[] agree = new int[FACTORS.length];
        double[] probDiff = new double[FACTORS.length];
        int counted = 0;
        double nativeSides = 0;
        for (Mat frame : frames) {
            CropRegion region;
            try (Crop crop = cropper.crop(frame)) {
                if (!crop.handFound()) {
                    continue;
                }
                region = crop.region();
            }
            counted++;
            nativeSides += Math.min(RegionCutter.MAX_NATIVE_SIDE, region.side());
            float[][] tensors = new float[FACTORS.length][];
            for (int round = 0; round < 3; round++) {
                for (int f = 0; f < FACTORS.length; f++) {
                    int v = (f + round) % FACTORS.length;
                    long start = System.nanoTime();
                    Mat cut = FACTORS[v] == 0 ? RegionCutter.cutNative(frame, region)
                            : RegionCutter.cut(frame, region, side, FACTORS[v] * side);
                    tensors[v] = preprocessor.toTensor(cut);
                    cut.release();
                    if (round > 0) {
                        nanos[v] += System.nanoTime() - start;
                    }
                }
            }
            Classification reference = session.classifyTensors(tensors[0], 1).get(0);
            for (int v = 0; v < FACTORS.length; v++) {
                double sum = 0;
                for (int i = 0; i < tensors[v].length; i++) {
                    sum += Math.abs(tensors[v][i] - tensors[0][i]);
                }
                absDiff[v] += sum / tensors[v].length;
                Classification c = session.classifyTensors(tensors[v], 1).get(0);
                if (c.label().equals(reference.label())) {
                    agree[v]++;
                }
                probDiff[v] += Math.abs(c.probabilityOf(reference.label()) - reference.confidence());
            }
        }
        session.close();
        cropper.close();
        System.out.printf(Locale.ROOT, "%s: %d frames with a hand, mean region side %.0f px%n", name, counted,
                nativeSides / counted);
        for (int v = 0; v < FACTORS.length; v++) {
            String label = FACTORS[v] == 0 ? "native grid (current)" : "grid <= " + FACTORS[v] + " x input";
            System.out.printf(Locale.ROOT, "  %-22s cut+preprocess %.3f ms (ratio %.2f)  mean |dTensor| %.4f  "
                            + "top-1 agrees %d/%d  mean |dP(top)| %.4f%n", label, nanos[v] / 2e6 / counted,
                    (double) nanos[v] / nanos[0], absDiff[v] / counted, agree[v], counted, probDiff[v] / counted);
        }
    }
}
