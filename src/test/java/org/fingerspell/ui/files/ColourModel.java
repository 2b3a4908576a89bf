package org.fingerspell.ui.files;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.Classification;
import org.fingerspell.model.Labels;
import org.fingerspell.video.FrameReader;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.LoadedModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A stand-in classifier for the Files tests that must run without the trained model: an image's blue level gives
 * its class, its green level the confidence, and a red level above 128 means "no hand". The rest of the
 * probability is spread over the other classes.
 */
final class ColourModel {

    private ColourModel() {
    }

    static ModelLoader loader() {
        return () -> {
            ThreadLog.shared().record(ThreadLog.MODEL_LOAD);
            return new LoadedModel("colour", "CPU", "colour", Reader::new, () -> { });
        };
    }

    /** Writes a PNG the reader reads as {@code label} with {@code confidence}. */
    static Path write(Path file, String label, double confidence, boolean hand) throws Exception {
        OpenCv.load();
        Files.createDirectories(file.getParent());
        Mat image = new Mat(40, 60, CvType.CV_8UC3,
                new Scalar(5 * Labels.indexOf(label), Math.round(confidence * 250), hand ? 0 : 255));
        try {
            Imgcodecs.imwrite(file.toString(), image);
        } finally {
            image.release();
        }
        return file;
    }

    /** What the reader gives for an image written by {@link #write}: the tests' expected values. */
    static Classification expected(String label, double confidence) {
        double[] p = new double[Labels.count()];
        double level = Math.round(confidence * 250) / 250.0;
        Arrays.fill(p, (1 - level) / (Labels.count() - 1));
        p[Labels.indexOf(label)] = level;
        return new Classification(Labels.ALL, p, null);
    }

    static final class Reader implements FrameReader {
        @Override
        public FrameResult classify(Mat bgr) {
            double[] pixel = bgr.get(0, 0);
            String label = Labels.ALL.get((int) Math.round(pixel[0] / 5.0));
            boolean hand = pixel[2] < 128;
            return new FrameResult(expected(label, pixel[1] / 250.0),
                    new CropRegion(bgr.cols() / 2.0, bgr.rows() / 2.0, bgr.rows() * 0.8, 0), hand, hand ? 0.9 : 0,
                    hand ? Crop.Source.DETECTED : Crop.Source.NO_HAND, true, null);
        }

        @Override
        public void close() {
        }
    }
}
