package org.fingerspell.hand;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.LabeledImage;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Labels;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not a test: measures how often the palm detector finds a hand per pack, first letterboxed alone, then with a
 * black border retry of each given size. {@code DetectionStudy DETECTOR PACK_DIR STEP PAD...}.
 */
public final class DetectionStudy {

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path pack = Path.of(args[1]);
        int step = Integer.parseInt(args[2]);
        double[] pads = new double[args.length - 3];
        for (int i = 3; i < args.length; i++) {
            pads[i - 3] = Double.parseDouble(args[i]);
        }
        ImageLoader loader = new ImageLoader();
        List<LabeledImage> images = ClassFolderSet.scan(pack).images();
        Map<String, int[]> perClass = new TreeMap<>();
        int[] letters = new int[pads.length + 2];
        int[] nothing = new int[pads.length + 2];
        try (PalmDetector detector = new PalmDetector(model)) {
            for (int i = 0; i < images.size(); i += step) {
                LabeledImage image = images.get(i);
                try (ImageLoader.LoadedImage loaded = loader.load(image.file())) {
                    boolean first = !detector.detect(loaded.bgr(), 0).isEmpty();
                    int[] counts = image.label().equals(Labels.NOTHING) ? nothing : letters;
                    int[] cls = perClass.computeIfAbsent(image.label(), k -> new int[pads.length + 2]);
                    counts[0]++;
                    cls[0]++;
                    if (first) {
                        counts[1]++;
                        cls[1]++;
                    }
                    for (int p = 0; p < pads.length; p++) {
                        boolean found = first || !detector.detect(loaded.bgr(), pads[p]).isEmpty();
                        if (found) {
                            counts[p + 2]++;
                            cls[p + 2]++;
                        }
                    }
                }
            }
        }
        StringBuilder header = new StringBuilder("class      n   letterbox");
        for (double pad : pads) {
            header.append(String.format(Locale.ROOT, "  +pad%.2f", pad));
        }
        System.out.println(pack.getFileName() + " (every " + step + "th image)");
        System.out.println(header);
        for (Map.Entry<String, int[]> e : perClass.entrySet()) {
            System.out.println(row(e.getKey(), e.getValue()));
        }
        System.out.println(row("LETTERS", letters));
        if (nothing[0] > 0) {
            System.out.println(row("NOTHING", nothing));
        }
    }

    private static String row(String name, int[] c) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s %5d", name, c[0]));
        for (int i = 1; i < c.length; i++) {
            s.append(String.format(Locale.ROOT, "  %7.1f%%", 100.0 * c[i] / Math.max(1, c[0])));
        }
        return s.toString();
    }
}
