package org.fingerspell.hand;

import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: on the images a {@code fingerspell crop} run found no palm in, how often the hand landmark model,
 * given the frame's centred square (at a few sizes), says a hand is present. {@code LandmarkFallbackStudy
 * LANDMARK_ONNX PACK_DIR CROPS_CSV [EVERY [OUT_CSV]]}; rows of {@code nothing} count as false detections. OUT_CSV
 * gets, for each such image, the landmarks of the whole centred square in the columns of {@code crops.csv}
 * ({@code source_file,landmark_presence,landmarks}).
 */
public final class LandmarkFallbackStudy {

    private static final double[] SCALES = {1.0, 0.8, 0.65};
    private static final double[] THRESHOLDS = {0.5, 0.7, 0.9};

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path pack = Path.of(args[1]);
        List<MissedImage> missed = MissedImage.read(Path.of(args[2]));
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int[][] hands = new int[SCALES.length + 1][THRESHOLDS.length];
        int[][] falses = new int[SCALES.length + 1][THRESHOLDS.length];
        List<MissedImage> sample = new ArrayList<>();
        for (int i = 0; i < missed.size(); i += every) {
            sample.add(missed.get(i));
        }
        StringBuilder dump = new StringBuilder("source_file,landmark_presence,landmarks\n");
        ImageLoader loader = new ImageLoader();
        try (HandLandmarker landmarker = HandLandmarker.open(model, SessionSettings.defaults(2))) {
            for (MissedImage image : sample) {
                boolean nothing = image.nothing();
                try (ImageLoader.LoadedImage loaded = loader.load(pack.resolve(image.file()))) {
                    int w = loaded.bgr().cols();
                    int h = loaded.bgr().rows();
                    double best = 0;
                    for (int s = 0; s < SCALES.length; s++) {
                        CropRegion square = new CropRegion(w / 2.0, h / 2.0, Math.min(w, h) * SCALES[s], 0);
                        HandLandmarks found = landmarker.locate(loaded.bgr(), square);
                        double presence = found.presence();
                        if (s == 0) {
                            dump.append(image.file()).append(',').append(String.format(Locale.ROOT, "%.4f", presence))
                                    .append(',').append(joined(found.points())).append('\n');
                        }
                        best = Math.max(best, presence);
                        count(presence, s, nothing, hands, falses);
                    }
                    count(best, SCALES.length, nothing, hands, falses);
                }
            }
        }
        if (args.length > 4) {
            Files.writeString(Path.of(args[4]), dump);
        }
        System.out.printf(Locale.ROOT, "%s: %d hand images and %d nothing images with no palm found%n",
                pack.getFileName(), MissedImage.hands(sample), sample.size() - MissedImage.hands(sample));
        for (int s = 0; s <= SCALES.length; s++) {
            String name = s < SCALES.length ? "centred square x" + SCALES[s] : "best of the three";
            for (int t = 0; t < THRESHOLDS.length; t++) {
                System.out.printf(Locale.ROOT, "%-24s presence >= %.1f: hands %d, false %d%n", name, THRESHOLDS[t],
                        hands[s][t], falses[s][t]);
            }
        }
    }

    private static String joined(float[] points) {
        StringBuilder b = new StringBuilder();
        for (float v : points) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return b.toString();
    }

    private static void count(double presence, int s, boolean nothing, int[][] hands, int[][] falses) {
        for (int t = 0; t < THRESHOLDS.length; t++) {
            if (presence >= THRESHOLDS[t]) {
                if (nothing) {
                    falses[s][t]++;
                } else {
                    hands[s][t]++;
                }
            }
        }
    }
}
