package org.fingerspell.ui;

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A stand-in classifier for UI tests that must run without the trained model: a frame's grey level encodes its
 * class, and the reader reads it back with 95% confidence.
 */
public final class SyntheticModel {

    private SyntheticModel() {
    }

    public static ModelLoader loader() {
        return loader(Crop.Source.DETECTED);
    }

    /** A loader whose hands are found by {@code source} (FALLBACK: the guide box of a build with no detector). */
    public static ModelLoader loader(Crop.Source source) {
        return () -> {
            ThreadLog.shared().record(ThreadLog.MODEL_LOAD);
            return new LoadedModel("synthetic", "CPU", source == Crop.Source.FALLBACK ? "guide box" : "synthetic",
                    () -> new GreyReader(source), () -> { });
        };
    }

    /** Writes {@code script} ("H*24,nothing*8,I*24") as numbered PNG frames into {@code folder}. */
    public static Path writeFrames(Path folder, String script) throws IOException {
        OpenCv.load();
        Files.createDirectories(folder);
        int n = 0;
        for (String part : script.split(",")) {
            String[] labelAndCount = part.trim().split("\\*");
            String label = Labels.parse(labelAndCount[0]).orElseThrow();
            int count = Integer.parseInt(labelAndCount[1]);
            for (int i = 0; i < count; i++) {
                int v = 5 * Labels.indexOf(label);
                Mat frame = new Mat(48, 64, CvType.CV_8UC3, new Scalar(v, v, v));
                try {
                    Imgcodecs.imwrite(folder.resolve(String.format(Locale.ROOT, "%05d.png", n++)).toString(), frame);
                } finally {
                    frame.release();
                }
            }
        }
        return folder;
    }

    static final class GreyReader implements FrameReader {
        private final Crop.Source source;

        GreyReader(Crop.Source source) {
            this.source = source;
        }

        @Override
        public FrameResult classify(Mat bgr) {
            int index = (int) Math.round(bgr.get(0, 0)[0] / 5.0);
            double[] p = new double[Labels.count()];
            Arrays.fill(p, 0.05 / (Labels.count() - 1));
            p[index] = 0.95;
            boolean hand = !Labels.NOTHING.equals(Labels.ALL.get(index));
            return new FrameResult(new Classification(Labels.ALL, p, null),
                    new CropRegion(bgr.cols() / 2.0, bgr.rows() / 2.0, bgr.rows() * 0.6, 0), hand, 0.9,
                    source == Crop.Source.FALLBACK ? source : hand ? source : Crop.Source.NO_HAND, true,
                    null);
        }

        @Override
        public void close() {
        }
    }
}
