package org.fingerspell.hand;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.LabeledImage;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Labels;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: on images the still-image passes miss, how many does a brightened (gamma) pass find, at which
 * score? {@code BacklitStudy DETECTOR PACK_DIR MIN_FRAME STEP}; {@code nothing} images are counted as false
 * detections.
 */
public final class BacklitStudy {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path pack = Path.of(args[1]);
        int minFrame = Integer.parseInt(args[2]);
        int step = Integer.parseInt(args[3]);
        double[] gammas = {0.6, 0.45, 0.3};
        ImageLoader loader = new ImageLoader();
        List<LabeledImage> images = new ArrayList<>();
        for (LabeledImage image : ClassFolderSet.scan(pack).images()) {
            Matcher m = NUMBER.matcher(image.file().getFileName().toString());
            if (m.find() && Integer.parseInt(m.group(1)) >= minFrame) {
                images.add(image);
            }
        }
        int hands = 0;
        int nothings = 0;
        int foundNow = 0;
        int falseNow = 0;
        int[] foundGamma = new int[gammas.length];
        int[] falseGamma = new int[gammas.length];
        try (PalmDetector detector = new PalmDetector(model);
             HandCropper still = new HandCropper(new PalmDetector(model), 0.1, false, HandCropper.STILL_ATTEMPTS,
                     HandCropper.Tracking.OFF)) {
            for (int i = 0; i < images.size(); i += step) {
                LabeledImage image = images.get(i);
                boolean isNothing = image.label().equals(Labels.NOTHING);
                try (ImageLoader.LoadedImage loaded = loader.load(image.file())) {
                    boolean now = still.locate(loaded.bgr()).handFound();
                    if (isNothing) {
                        nothings++;
                        falseNow += now ? 1 : 0;
                    } else {
                        hands++;
                        foundNow += now ? 1 : 0;
                    }
                    for (int g = 0; g < gammas.length; g++) {
                        boolean found = now;
                        if (!found) {
                            Mat bright = gamma(loaded.bgr(), gammas[g]);
                            found = !detector.detect(bright, 0.25).isEmpty()
                                    || !detector.detect(bright, 0.5).isEmpty();
                            bright.release();
                        }
                        if (isNothing) {
                            falseGamma[g] += found ? 1 : 0;
                        } else {
                            foundGamma[g] += found ? 1 : 0;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s frames>=%d step %d: hands %d, nothing %d%n", pack.getFileName(), minFrame,
                step, hands, nothings);
        System.out.printf(Locale.ROOT, "current passes: found %.1f%%, false %d%n", 100.0 * foundNow / hands, falseNow);
        for (int g = 0; g < gammas.length; g++) {
            System.out.printf(Locale.ROOT, "+gamma %.2f (pad .25,.5): found %.1f%%, false %d%n", gammas[g],
                    100.0 * foundGamma[g] / hands, falseGamma[g]);
        }
    }

    static Mat gamma(Mat bgr, double gamma) {
        Mat lut = new Mat(1, 256, CvType.CV_8UC1);
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (byte) Math.round(255 * Math.pow(v / 255.0, gamma));
        }
        lut.put(0, 0, table);
        Mat out = new Mat();
        Core.LUT(bgr, lut, out);
        lut.release();
        return out;
    }
}
