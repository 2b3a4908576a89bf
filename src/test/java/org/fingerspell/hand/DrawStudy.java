package org.fingerspell.hand;

import org.fingerspell.image.ImageLoader;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: draws palms (box, keypoints) and the hand square on images.
 * {@code DrawStudy DETECTOR OUT PAD FILE...}
 */
public final class DrawStudy {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path out = Path.of(args[1]);
        double pad = Double.parseDouble(args[2]);
        ImageLoader loader = new ImageLoader();
        java.nio.file.Files.createDirectories(out);
        try (PalmDetector detector = new PalmDetector(model)) {
            for (int i = 3; i < args.length; i++) {
                Path file = Path.of(args[i]);
                try (ImageLoader.LoadedImage image = loader.load(file)) {
                    Mat bgr = image.bgr();
                    List<PalmDetection> palms = detector.detect(bgr, pad);
                    StringBuilder line = new StringBuilder(file.getFileName().toString());
                    for (PalmDetection p : palms) {
                        CropRegion hand = HandGeometry.handRegion(p);
                        line.append(String.format(Locale.ROOT,
                                " | score %.3f box %.0f,%.0f,%.0f,%.0f hand c=%.0f,%.0f s=%.0f r=%.0f", p.score(),
                                p.xMin(), p.yMin(), p.xMax(), p.yMax(), hand.centerX(), hand.centerY(), hand.side(),
                                hand.rotationDegrees()));
                        Imgproc.rectangle(bgr, new Point(p.xMin(), p.yMin()), new Point(p.xMax(), p.yMax()),
                                new Scalar(0, 255, 0), 1);
                        for (int k = 0; k < 7; k++) {
                            Scalar colour = k == 0 ? new Scalar(0, 0, 255)
                                    : k == 2 ? new Scalar(255, 0, 0) : new Scalar(0, 255, 255);
                            Imgproc.circle(bgr, new Point(p.keypointX(k), p.keypointY(k)), 2, colour, -1);
                        }
                        drawRegion(bgr, hand, new Scalar(255, 0, 255));
                    }
                    System.out.println(line);
                    String name = file.getFileName().toString().replaceAll("\\.[a-z]+$", ".png");
                    Imgcodecs.imwrite(out.resolve(name).toString(), bgr);
                }
            }
        }
    }

    static void drawRegion(Mat bgr, CropRegion r, Scalar colour) {
        double a = Math.toRadians(r.rotationDegrees());
        double h = r.side() / 2;
        Point[] corners = new Point[4];
        double[][] local = {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
        for (int i = 0; i < 4; i++) {
            double x = local[i][0];
            double y = local[i][1];
            corners[i] = new Point(r.centerX() + x * Math.cos(a) - y * Math.sin(a),
                    r.centerY() + x * Math.sin(a) + y * Math.cos(a));
        }
        for (int i = 0; i < 4; i++) {
            Imgproc.line(bgr, corners[i], corners[(i + 1) % 4], colour, 1);
        }
        Imgproc.line(bgr, corners[0], corners[1], new Scalar(255, 255, 255), 2);
    }
}
