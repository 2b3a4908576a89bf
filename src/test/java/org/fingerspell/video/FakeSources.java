package org.fingerspell.video;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.model.Classification;
import org.fingerspell.model.Labels;
import org.fingerspell.image.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.util.concurrent.atomic.AtomicInteger;

/** Synthetic sources and readers for pipeline tests: a frame's grey level encodes its class. */
final class FakeSources {

    private FakeSources() {
    }

    /** A frame whose grey value is {@code 5 * classIndex}. */
    static Mat frameOf(String label) {
        OpenCv.load();
        int v = 5 * Labels.indexOf(label);
        return new Mat(48, 64, CvType.CV_8UC3, new Scalar(v, v, v));
    }

    /** Reads the class back from the grey level, with confidence 0.95. */
    static final class GreyReader implements FrameReader {
        final AtomicInteger closed = new AtomicInteger();
        private final long delayMillis;

        GreyReader(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public FrameResult classify(Mat bgr) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int index = (int) Math.round(bgr.get(0, 0)[0] / 5.0);
            double[] p = new double[Labels.count()];
            java.util.Arrays.fill(p, 0.05 / (Labels.count() - 1));
            p[index] = 0.95;
            CropRegion region = new CropRegion(bgr.cols() / 2.0, bgr.rows() / 2.0, 30, 0);
            boolean hand = !Labels.NOTHING.equals(Labels.ALL.get(index));
            return new FrameResult(new Classification(Labels.ALL, p, null), region, hand, 0.9,
                    hand ? Crop.Source.DETECTED : Crop.Source.NO_HAND, true, null);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    /** Delivers frames of one class; can fail after a number of frames, as an unplugged camera does. */
    static final class ScriptedSource implements FrameSource {
        private final String label;
        private final int failAfter;
        private final boolean live;
        private final int total;
        int delivered;
        final AtomicInteger opened;
        final AtomicInteger closed;

        ScriptedSource(String label, int total, int failAfter, boolean live, AtomicInteger opened, AtomicInteger closed) {
            this.label = label;
            this.total = total;
            this.failAfter = failAfter;
            this.live = live;
            this.opened = opened;
            this.closed = closed;
        }

        @Override
        public void open() {
            opened.incrementAndGet();
        }

        @Override
        public Mat grab() throws FrameSourceException {
            if (failAfter >= 0 && delivered >= failAfter) {
                throw new FrameSourceException(FrameSourceException.Kind.LOST, "Camera 0 stopped sending frames");
            }
            if (total >= 0 && delivered >= total) {
                return null;
            }
            if (live) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delivered++;
            return frameOf(label);
        }

        @Override
        public double fps() {
            return 200;
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public String describe() {
            return "scripted " + label;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }
}
