package org.fingerspell.hand;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.LabeledImage;
import org.fingerspell.image.ImageLoader;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: on {@code massey} (hands segmented on black) measures, per margin and rotation choice, how much of
 * the hand (non-black pixels) the policy crop holds and how much of the crop the hand fills.
 * {@code MarginStudy DETECTOR MASSEY_DIR STEP}.
 */
public final class MarginStudy {

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        List<LabeledImage> images = ClassFolderSet.scan(Path.of(args[1])).images();
        int step = Integer.parseInt(args[2]);
        double[] margins = {0, 0.05, 0.1, 0.15, 0.2, 0.3};
        boolean[] uprights = {false, true};
        int configs = margins.length * uprights.length;
        double[] coverage = new double[configs];
        double[] fill = new double[configs];
        int[] under95 = new int[configs];
        int n = 0;
        int missed = 0;
        ImageLoader loader = new ImageLoader();
        try (HandCropper cropper = new HandCropper(new PalmDetector(model), 0, false, HandCropper.STILL_ATTEMPTS,
                HandCropper.Tracking.OFF)) {
            for (int i = 0; i < images.size(); i += step) {
                try (ImageLoader.LoadedImage loaded = loader.load(images.get(i).file())) {
                    HandCropper.Location location = cropper.locate(loaded.bgr());
                    if (location.hand() == null) {
                        missed++;
                        continue;
                    }
                    Mat gray = new Mat();
                    Imgproc.cvtColor(loaded.bgr(), gray, Imgproc.COLOR_BGR2GRAY);
                    int w = gray.cols();
                    int h = gray.rows();
                    byte[] pixels = new byte[w * h];
                    gray.get(0, 0, pixels);
                    gray.release();
                    n++;
                    int c = 0;
                    for (boolean upright : uprights) {
                        for (double margin : margins) {
                            CropRegion r = HandGeometry.policyRegion(location.hand(), margin, upright);
                            long fg = 0;
                            long in = 0;
                            for (int y = 0; y < h; y++) {
                                for (int x = 0; x < w; x++) {
                                    if ((pixels[y * w + x] & 0xff) > 40) {
                                        fg++;
                                        if (HandCropperRealImagesTest.contains(r, x + 0.5, y + 0.5)) {
                                            in++;
                                        }
                                    }
                                }
                            }
                            double cov = fg == 0 ? 1 : in / (double) fg;
                            coverage[c] += cov;
                            fill[c] += in / (r.side() * r.side());
                            if (cov < 0.95) {
                                under95[c]++;
                            }
                            c++;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "massey: %d images with a hand found, %d without%n", n, missed);
        System.out.println("rotate   margin  hand inside crop (mean)  crops holding <95% of the hand  hand fills crop");
        int c = 0;
        for (boolean upright : uprights) {
            for (double margin : margins) {
                System.out.printf(Locale.ROOT, "%-7s  %5.2f  %8.1f%%  %14.1f%%  %20.1f%%%n", upright ? "upright" : "no",
                        margin, 100 * coverage[c] / n, 100.0 * under95[c] / n, 100 * fill[c] / n);
                c++;
            }
        }
        Arrays.fill(coverage, 0);
    }
}
