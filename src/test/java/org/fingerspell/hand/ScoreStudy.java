package org.fingerspell.hand;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.LabeledImage;
import org.fingerspell.image.ImageLoader;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the best palm score of each image under several input variants, one CSV line per image, so that
 * retry strategies and thresholds can be compared offline. {@code ScoreStudy DETECTOR PACK_DIR STEP}.
 * Variants: letterbox; black border 0.25, 0.5, 1.0; contrast-equalised (CLAHE on lightness) with and without a 0.5
 * border; mirrored with a 0.5 border.
 */
public final class ScoreStudy {

    public static void main(String[] args) throws Exception {
        org.fingerspell.image.OpenCv.load();
        Core.setNumThreads(1);
        Path model = Path.of(args[0]);
        Path pack = Path.of(args[1]);
        int step = Integer.parseInt(args[2]);
        List<LabeledImage> images = ClassFolderSet.scan(pack).images();
        ImageLoader loader = new ImageLoader();
        CLAHE clahe = Imgproc.createCLAHE(2.0, new Size(4, 4));
        System.out.println("pack,label,file,lb,pad25,pad50,pad100,eq,eq_pad50,flip_pad50");
        try (PalmDetector detector = new PalmDetector(model, 0.2)) {
            for (int i = 0; i < images.size(); i += step) {
                LabeledImage image = images.get(i);
                try (ImageLoader.LoadedImage loaded = loader.load(image.file())) {
                    Mat bgr = loaded.bgr();
                    List<Double> s = new ArrayList<>();
                    s.add(best(detector.detect(bgr, 0)));
                    s.add(best(detector.detect(bgr, 0.25)));
                    s.add(best(detector.detect(bgr, 0.5)));
                    s.add(best(detector.detect(bgr, 1.0)));
                    Mat lab = new Mat();
                    Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
                    List<Mat> ch = new ArrayList<>();
                    Core.split(lab, ch);
                    Mat l2 = new Mat();
                    clahe.apply(ch.get(0), l2);
                    ch.set(0, l2);
                    Core.merge(ch, lab);
                    Mat eq = new Mat();
                    Imgproc.cvtColor(lab, eq, Imgproc.COLOR_Lab2BGR);
                    s.add(best(detector.detect(eq, 0)));
                    s.add(best(detector.detect(eq, 0.5)));
                    Mat flip = new Mat();
                    Core.flip(bgr, flip, 1);
                    s.add(best(detector.detect(flip, 0.5)));
                    StringBuilder line = new StringBuilder(pack.getFileName() + "," + image.label() + ","
                            + image.file().getFileName());
                    for (double v : s) {
                        line.append(String.format(Locale.ROOT, ",%.4f", v));
                    }
                    System.out.println(line);
                    lab.release();
                    eq.release();
                    flip.release();
                    ch.forEach(Mat::release);
                }
            }
        }
    }

    private static double best(List<PalmDetection> palms) {
        return palms.isEmpty() ? 0 : palms.get(0).score();
    }
}
