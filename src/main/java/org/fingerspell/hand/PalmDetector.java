package org.fingerspell.hand;

import org.fingerspell.image.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's palm detector ({@code palm_detection_full.tflite}) on OpenCV's DNN module. A frame is letterboxed
 * into the 192×192 input (RGB, values 0..1, NCHW as OpenCV's TFLite importer expects), the 2016 anchors decoded,
 * scores passed through a sigmoid and weighted NMS applied; palms come back in frame pixels, best first.
 * Not thread-safe (an OpenCV {@link Net} is not): one detector per thread. Close it to free its buffers.
 */
public final class PalmDetector implements PalmFinder {

    public static final int INPUT_SIZE = 192;

    static {
        OpenCv.load(); // before the buffer fields below are created
    }

    /**
     * OpenCV 4.9's model import is not thread-safe: two threads reading a network at once can corrupt a map the
     * importer shares (opencv/opencv#15757) and the JVM dies with SIGSEGV/SIGABRT. Measured on 4 threads loading at
     * a barrier: 2 of 40 fresh JVMs crashed without this lock, 0 of 60 with it. Inference on separate nets needs no
     * lock.
     */
    private static final Object MODEL_IMPORT_LOCK = new Object();

    private final Net net;
    private final List<String> outputNames;
    private final PalmDecoder decoder;
    private final double minScore;
    private final Path modelFile;
    // Per-frame buffers, reused.
    private final Mat colour = new Mat();
    private final Mat resized = new Mat();
    private final Mat boxed = new Mat();
    private final Mat floats = new Mat();
    private final Mat blob;
    private final Mat blobRows;
    private final Mat[] planes = new Mat[3];
    private final float[] regressors;
    private final float[] logits;
    private long networkNanos;

    public PalmDetector(Path modelFile) {
        this(modelFile, PalmDecoder.MIN_SCORE);
    }

    public PalmDetector(Path modelFile, double minScore) {
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException(modelFile + ": palm detector model not found");
        }
        this.modelFile = modelFile;
        this.minScore = minScore;
        synchronized (MODEL_IMPORT_LOCK) {
            this.net = Dnn.readNet(modelFile.toString());
        }
        if (net.empty()) {
            throw new IllegalArgumentException(modelFile + ": not a readable palm detector model");
        }
        this.outputNames = net.getUnconnectedOutLayersNames();
        SsdAnchors anchors = SsdAnchors.palmDetectionFull();
        this.decoder = new PalmDecoder(anchors, INPUT_SIZE);
        this.regressors = new float[anchors.count() * PalmDecoder.VALUES_PER_ANCHOR];
        this.logits = new float[anchors.count()];
        this.blob = new Mat(new int[] {1, 3, INPUT_SIZE, INPUT_SIZE}, CvType.CV_32F);
        this.blobRows = blob.reshape(1, 3 * INPUT_SIZE);
        for (int c = 0; c < 3; c++) {
            planes[c] = blobRows.rowRange(c * INPUT_SIZE, (c + 1) * INPUT_SIZE);
        }
    }

    public Path modelFile() {
        return modelFile;
    }

    /** Palms in the frame (frame pixels), best first; empty when none reaches the minimum score. */
    public List<PalmDetection> detect(Mat bgrFrame) {
        return detect(bgrFrame, 0);
    }

    /**
     * Palms in the frame letterboxed with an extra black border of {@code pad} × the long side on every edge
     * (see {@link Letterbox}); frame pixels, best first.
     */
    @Override
    public List<PalmDetection> detect(Mat bgrFrame, double pad) {
        if (bgrFrame.empty()) {
            return List.of();
        }
        Letterbox box = Letterbox.fit(bgrFrame.cols(), bgrFrame.rows(), INPUT_SIZE, pad);
        prepareInput(asBgr(bgrFrame), box);
        runNet();
        List<PalmDetection> raw = decoder.decode(regressors, logits, minScore);
        List<PalmDetection> palms = PalmDecoder.weightedNms(raw, PalmDecoder.NMS_IOU);
        List<PalmDetection> inFrame = new ArrayList<>(palms.size());
        for (PalmDetection palm : palms) {
            inFrame.add(box.toFrame(palm));
        }
        return inFrame;
    }

    /** Grey or BGRA frames (some cameras and PNGs) as BGR; BGR frames as they are. */
    private Mat asBgr(Mat frame) {
        return switch (frame.channels()) {
            case 3 -> frame;
            case 1 -> convert(frame, Imgproc.COLOR_GRAY2BGR);
            case 4 -> convert(frame, Imgproc.COLOR_BGRA2BGR);
            default -> throw new IllegalArgumentException("frame has " + frame.channels() + " channels");
        };
    }

    private Mat convert(Mat frame, int code) {
        Imgproc.cvtColor(frame, colour, code);
        return colour;
    }

    private void prepareInput(Mat bgrFrame, Letterbox box) {
        int interpolation = box.contentWidth() < bgrFrame.cols() ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Imgproc.resize(bgrFrame, resized, new Size(box.contentWidth(), box.contentHeight()), 0, 0, interpolation);
        Core.copyMakeBorder(resized, boxed, box.offsetY(), box.padBottom(), box.offsetX(), box.padRight(),
                Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
        boxed.convertTo(floats, CvType.CV_32FC3, 1.0 / 255);
        // NCHW, RGB: plane 0 is red, which is BGR channel 2.
        for (int c = 0; c < 3; c++) {
            Core.extractChannel(floats, planes[c], 2 - c);
        }
    }

    private void runNet() {
        List<Mat> outputs = new ArrayList<>(2);
        try {
            long start = System.nanoTime();
            net.setInput(blob);
            net.forward(outputs, outputNames);
            networkNanos += System.nanoTime() - start;
            boolean found = false;
            boolean foundScores = false;
            for (Mat output : outputs) {
                long total = output.total();
                Mat flat = output.reshape(1, 1);
                try {
                    if (total == regressors.length) {
                        flat.get(0, 0, regressors);
                        found = true;
                    } else if (total == logits.length) {
                        flat.get(0, 0, logits);
                        foundScores = true;
                    }
                } finally {
                    flat.release();
                }
            }
            if (!found || !foundScores) {
                throw new IllegalStateException(modelFile + ": unexpected detector outputs " + outputNames);
            }
        } finally {
            for (Mat output : outputs) {
                output.release();
            }
        }
    }

    @Override
    public long networkNanos() {
        return networkNanos;
    }

    @Override
    public String describe() {
        return "palm detector " + modelFile.getFileName();
    }

    @Override
    public void close() {
        OpenCv.release(colour, resized, boxed, floats);
        for (Mat plane : planes) {
            OpenCv.release(plane);
        }
        OpenCv.release(blobRows, blob);
    }
}
