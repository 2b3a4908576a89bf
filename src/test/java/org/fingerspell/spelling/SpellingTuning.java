package org.fingerspell.spelling;

import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.video.FrameClassifier;
import org.fingerspell.video.LandmarkModels;
import org.fingerspell.video.NaturalOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tunes the speller's defaults on real frame sequences: every class folder of a pack is classified in frame
 * order, then played at 30 fps as "nothing (1 s) → the sign (1.5 s) → nothing (1 s)" windows, and each setting is
 * scored on whether the sign was typed exactly once and nothing else was typed.
 * Only the held-out frames (the val and test blocks of the split file) are used. Each setting is scored twice:
 * with a reading for every frame (inference keeping up with 30 fps) and for every third frame (10 readings a
 * second, what a slow CPU manages), as the smoothing counts readings, not time.
 * <pre>java [-Dfingerspell.tuning.signFrames=N] -cp ... org.fingerspell.spelling.SpellingTuning MODEL SPLITS.csv PACK_DIR [PACK_DIR...]</pre>
 */
public final class SpellingTuning {

    private static final long FRAME_NANOS = 33_333_333L;
    /** Frames per reading: every frame (30 readings a second), every third frame (10). */
    private static final int[] READING_STEPS = {1, 3};
    /**
     * Frames a sign is held in each window: 45 (1.5 s) by default; {@code -Dfingerspell.tuning.signFrames=30} for a
     * split whose held-out blocks hold fewer than 45 frames a class (blocks_88_2_10: 36), which would give no window.
     */
    private static final int SIGN_FRAMES = Integer.getInteger("fingerspell.tuning.signFrames", 45);
    private static final int GAP_FRAMES = 30;

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path splits = Path.of(args[1]);
        java.util.Set<String> heldOut = new java.util.HashSet<>();
        for (String line : Files.readAllLines(splits)) {
            String[] f = line.split(",");
            if (f.length == 4 && (f[3].equals("val") || f[3].equals("test"))) {
                heldOut.add(f[0] + "/" + f[1]);
            }
        }
        Map<String, Map<String, List<double[]>>> packs = new java.util.TreeMap<>();
        // Classifying thousands of frames is the slow part: cache it per model file (size and time stamp).
        Path cache = Path.of("target", "spelling-tuning-" + Files.size(model) + "-"
                + Files.getLastModifiedTime(model).toMillis() + ".cache");
        if (Files.isRegularFile(cache)) {
            try (var in = new java.io.ObjectInputStream(Files.newInputStream(cache))) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, List<double[]>>> cached = (Map<String, Map<String, List<double[]>>>) in.readObject();
                packs.putAll(cached);
            }
        }
        if (packs.isEmpty()) {
            classify(model, heldOut, args, packs);
            try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(cache))) {
                out.writeObject(new HashMap<>(packs));
            }
        }
        report(packs);
    }

    private static void classify(Path model, java.util.Set<String> heldOut, String[] args,
                                 Map<String, Map<String, List<double[]>>> packs) throws Exception {
        try (OnnxClassifier classifier = OnnxClassifier.load(model, DeviceChoice.CPU, 2);
             LandmarkModels landmarks = LandmarkModels.forModel(classifier);
             FrameClassifier frames = FrameClassifier.forStills(classifier, landmarks)) {
            ImageLoader loader = new ImageLoader();
            for (int a = 2; a < args.length; a++) {
                Path pack = Path.of(args[a]);
                Map<String, List<double[]>> byClass = new HashMap<>();
                for (String label : Labels.ALL) {
                    Path folder = pack.resolve(label);
                    if (!Files.isDirectory(folder)) {
                        continue;
                    }
                    List<Path> files;
                    try (Stream<Path> list = Files.list(folder)) {
                        files = list.filter(p -> heldOut.contains(pack.getFileName() + "/" + label + "/" + p.getFileName()))
                                .sorted(NaturalOrder.PATHS).toList();
                    }
                    ArrayList<double[]> probabilities = new ArrayList<>();
                    for (Path file : files) {
                        try (ImageLoader.LoadedImage image = loader.load(file)) {
                            probabilities.add(frames.classify(image.bgr()).classification().probabilities());
                        }
                    }
                    byClass.put(label, probabilities);
                }
                packs.put(pack.getFileName().toString(), new HashMap<>(byClass));
                System.err.println("classified " + pack);
            }
        }
    }

    private static void report(Map<String, Map<String, List<double[]>>> packs) {
        for (var pack : packs.entrySet()) {
            Map<String, List<double[]>> byClass = pack.getValue();
            int top1 = 0;
            int total = 0;
            for (var entry : byClass.entrySet()) {
                for (double[] p : entry.getValue()) {
                    total++;
                    if (argmax(p) == Labels.indexOf(entry.getKey())) {
                        top1++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%n== %s: per-frame top-1 %.3f over %d frames%n", pack.getKey(),
                    top1 / (double) total, total);
            StringBuilder perClass = new StringBuilder("per class:");
            for (String label : Labels.ALL) {
                List<double[]> list = byClass.get(label);
                if (list != null && !list.isEmpty()) {
                    long right = list.stream().filter(p -> argmax(p) == Labels.indexOf(label)).count();
                    double meanTrue = list.stream().mapToDouble(p -> p[Labels.indexOf(label)]).average().orElse(0);
                    perClass.append(String.format(Locale.ROOT, " %s=%.2f(p%.2f)", label, right / (double) list.size(),
                            meanTrue));
                }
            }
            System.out.println(perClass);
            System.out.println("readings_per_s\tthreshold\thold_ms\tsmoothing\twindows\ttyped_once\tmissed\t"
                    + "extra_or_wrong\tmean_ms_to_type");
            for (double threshold : new double[] {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8}) {
                for (long hold : new long[] {200, 300, 400, 500, 600, 800, 1000}) {
                    for (int smoothing : new int[] {1, 3, 5, 8}) {
                        for (int step : READING_STEPS) {
                            score(byClass, new SpellingSettings(threshold, hold, smoothing), step);
                        }
                    }
                }
            }
        }
    }

    private static void score(Map<String, List<double[]>> byClass, SpellingSettings settings, int step) {
        List<double[]> nothing = byClass.get(Labels.NOTHING);
        int windows = 0;
        int once = 0;
        int missed = 0;
        int wrong = 0;
        long typedAfterNanos = 0;
        for (var entry : byClass.entrySet()) {
            String label = entry.getKey();
            if (label.equals(Labels.NOTHING)) {
                continue;
            }
            List<double[]> sign = entry.getValue();
            for (int start = 0; start + SIGN_FRAMES <= sign.size(); start += SIGN_FRAMES) {
                windows++;
                Speller speller = new Speller(settings);
                int correct = 0;
                int other = 0;
                long firstTyped = -1;
                List<double[]> sequence = new ArrayList<>();
                for (int i = 0; i < GAP_FRAMES; i++) {
                    sequence.add(nothing.get(i % nothing.size()));
                }
                sequence.addAll(sign.subList(start, start + SIGN_FRAMES));
                for (int i = 0; i < GAP_FRAMES; i++) {
                    sequence.add(nothing.get((GAP_FRAMES + i) % nothing.size()));
                }
                Edit expected = Edit.forLabel(label);
                for (int i = 0; i < sequence.size(); i += step) {
                    long t = i * FRAME_NANOS;
                    SpellStep spelled = speller.accept(sequence.get(i), t);
                    if (spelled.edit() != null) {
                        if (spelled.edit().equals(expected) && correct == 0 && i >= GAP_FRAMES) {
                            correct++;
                            firstTyped = t - GAP_FRAMES * FRAME_NANOS;
                        } else {
                            other++;
                        }
                    }
                }
                if (correct == 1 && other == 0) {
                    once++;
                    typedAfterNanos += firstTyped;
                }
                if (correct == 0) {
                    missed++;
                }
                wrong += other;
            }
        }
        System.out.printf(Locale.ROOT, "%d\t%.2f\t%d\t%d\t%d\t%d\t%d\t%d\t%.0f%n", 30 / step, settings.threshold(),
                settings.holdMillis(), settings.smoothingFrames(), windows, once, missed, wrong,
                once == 0 ? 0 : typedAfterNanos / 1e6 / once);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
