package org.fingerspell.hand;

import org.fingerspell.image.ImageLoader;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: runs candidate extra detector passes on exactly the images a {@code fingerspell crop} run found no
 * hand in. {@code MissStudy DETECTOR PACK_DIR CROPS_CSV}; rows of {@code nothing} count as false detections.
 */
public final class MissStudy {

    private record Variant(String name, double gamma, boolean equalise, double pad) {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path pack = Path.of(args[1]);
        List<MissedImage> missed = MissedImage.read(Path.of(args[2]));
        List<Variant> variants = List.of(new Variant("brightened, border 1.0", 0.45, false, 1.0),
                new Variant("gamma 0.3, border 0.25", 0.3, false, 0.25),
                new Variant("brightened + equalised, border 0.5", 0.45, true, 0.5),
                new Variant("brightened, letterbox", 0.45, false, 0.0));
        int[] hands = new int[variants.size()];
        int[] falses = new int[variants.size()];
        ImageLoader loader = new ImageLoader();
        try (PalmDetector detector = new PalmDetector(model)) {
            for (MissedImage image : missed) {
                boolean nothing = image.nothing();
                try (ImageLoader.LoadedImage loaded = loader.load(pack.resolve(image.file()))) {
                    for (int v = 0; v < variants.size(); v++) {
                        Variant variant = variants.get(v);
                        Mat input = BacklitStudy.gamma(loaded.bgr(), variant.gamma());
                        if (variant.equalise()) {
                            Mat eq = CropStudies.equalised(input);
                            input.release();
                            input = eq;
                        }
                        boolean found = !detector.detect(input, variant.pad()).isEmpty();
                        input.release();
                        if (found) {
                            if (nothing) {
                                falses[v]++;
                            } else {
                                hands[v]++;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d hand images and %d nothing images with no hand found%n",
                pack.getFileName(), MissedImage.hands(missed), missed.size() - MissedImage.hands(missed));
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "%-36s hands found %d, false detections %d%n", variants.get(v).name(),
                    hands[v], falses[v]);
        }
    }
}
