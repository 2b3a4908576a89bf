package org.fingerspell.hand;

import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionCutterTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    /** 100×80 frame: each pixel's blue = x, green = y, red = 0. */
    private static Mat gradient() {
        Mat frame = new Mat(80, 100, CvType.CV_8UC3);
        byte[] data = new byte[80 * 100 * 3];
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 100; x++) {
                data[(y * 100 + x) * 3] = (byte) x;
                data[(y * 100 + x) * 3 + 1] = (byte) y;
            }
        }
        frame.put(0, 0, data);
        return frame;
    }

    private static double[] pixel(Mat image, int x, int y) {
        return image.get(y, x);
    }

    @Test
    void cutNative_insideTheFrame_copiesThePixels() {
        Mat frame = gradient();
        Mat crop = RegionCutter.cutNative(frame, new CropRegion(50, 40, 20, 0));
        try {
            assertEquals(20, crop.cols());
            assertEquals(20, crop.rows());
            assertArrayEquals(new double[] {40, 30, 0}, pixel(crop, 0, 0), 1e-9);
            assertArrayEquals(new double[] {59, 49, 0}, pixel(crop, 19, 19), 1e-9);
        } finally {
            OpenCv.release(frame, crop);
        }
    }

    @Test
    void cutNative_withALimit_samplesTheWholeRegionOnASmallerGrid() {
        Mat frame = gradient();
        Mat crop = RegionCutter.cutNative(frame, new CropRegion(50, 40, 60, 0), 30);
        try {
            assertEquals(30, crop.cols());
            assertEquals(30, crop.rows());
            // the grid spans the same 60 px: its corners sample near frame pixels (20, 10) and (79, 69)
            assertEquals(20.5, pixel(crop, 0, 0)[0], 1.0);
            assertEquals(10.5, pixel(crop, 0, 0)[1], 1.0);
            assertEquals(78.5, pixel(crop, 29, 29)[0], 1.0);
            assertEquals(68.5, pixel(crop, 29, 29)[1], 1.0);
        } finally {
            OpenCv.release(frame, crop);
        }
    }

    @Test
    void cut_onALimitedGrid_staysCloseToTheFullResolutionCut() {
        // 400×400 smooth gradient (blue = 0.6 x, green = 0.6 y): a coarser grid must give the same averages
        Mat frame = new Mat(400, 400, CvType.CV_8UC3);
        byte[] data = new byte[400 * 400 * 3];
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                data[(y * 400 + x) * 3] = (byte) Math.round(0.6 * x);
                data[(y * 400 + x) * 3 + 1] = (byte) Math.round(0.6 * y);
            }
        }
        frame.put(0, 0, data);
        CropRegion region = new CropRegion(200, 200, 300, 17);
        Mat full = RegionCutter.cut(frame, region, 40);
        Mat limited = RegionCutter.cut(frame, region, 40, 120);
        Mat diff = new Mat();
        try {
            Core.absdiff(full, limited, diff);
            assertEquals(40, limited.cols());
            assertEquals(40, limited.rows());
            assertTrue(Core.mean(diff).val[0] < 1.0, "mean blue difference " + Core.mean(diff).val[0]);
            assertTrue(Core.mean(diff).val[1] < 1.0, "mean green difference " + Core.mean(diff).val[1]);
            // and it is the rotated region, not the frame: the corner pixel is not the frame's corner
            assertTrue(pixel(limited, 0, 0)[0] > 10);
        } finally {
            OpenCv.release(frame, full, limited, diff);
        }
    }

    @Test
    void cutNative_overTheTopLeftCorner_padsWithBlack() {
        Mat frame = gradient();
        Mat crop = RegionCutter.cutNative(frame, new CropRegion(0, 0, 20, 0));
        try {
            assertArrayEquals(new double[] {0, 0, 0}, pixel(crop, 5, 5), 1e-9);
            assertArrayEquals(new double[] {0, 0, 0}, pixel(crop, 15, 5), 1e-9); // above the frame
            assertArrayEquals(new double[] {5, 5, 0}, pixel(crop, 15, 15), 1e-9);
        } finally {
            OpenCv.release(frame, crop);
        }
    }

    @Test
    void cutNative_overTheBottomRightCorner_padsWithBlack() {
        Mat frame = new Mat(80, 100, CvType.CV_8UC3, new Scalar(200, 200, 200));
        Mat crop = RegionCutter.cutNative(frame, new CropRegion(100, 80, 40, 0));
        try {
            assertArrayEquals(new double[] {200, 200, 200}, pixel(crop, 10, 10), 1e-9);
            assertArrayEquals(new double[] {0, 0, 0}, pixel(crop, 30, 10), 1e-9);
            assertArrayEquals(new double[] {0, 0, 0}, pixel(crop, 10, 30), 1e-9);
        } finally {
            OpenCv.release(frame, crop);
        }
    }

    @Test
    void cutNative_regionEntirelyOutside_isBlack() {
        Mat frame = new Mat(80, 100, CvType.CV_8UC3, new Scalar(200, 200, 200));
        Mat crop = RegionCutter.cutNative(frame, new CropRegion(-100, -100, 30, 0));
        try {
            assertEquals(0, org.opencv.core.Core.countNonZero(crop.reshape(1)));
        } finally {
            OpenCv.release(frame, crop);
        }
    }

    @Test
    void cutNative_rotated90_turnsAHandPointingRightUpright() {
        // A white bar from the centre to the right edge of the region: a "hand" pointing right.
        Mat frame = new Mat(100, 100, CvType.CV_8UC3, new Scalar(0, 0, 0));
        Imgproc.rectangle(frame, new Point(50, 45), new Point(89, 54), new Scalar(255, 255, 255), -1);
        Mat crop = RegionCutter.cutNative(frame, new CropRegion(50, 50, 80, 90));
        try {
            assertEquals(255, pixel(crop, 40, 10)[0], 1e-9);  // the bar is now above the centre
            assertEquals(0, pixel(crop, 70, 40)[0], 1e-9);    // and no longer to its right
            assertEquals(0, pixel(crop, 40, 70)[0], 1e-9);
        } finally {
            OpenCv.release(frame, crop);
        }
    }

    @Test
    void cut_toASmallerSide_averagesArea() {
        Mat frame = new Mat(100, 100, CvType.CV_8UC3, new Scalar(0, 0, 0));
        Mat white = frame.submat(new Rect(0, 0, 50, 100));
        white.setTo(new Scalar(255, 255, 255));
        Mat crop = RegionCutter.cut(frame, new CropRegion(50, 50, 100, 0), 10);
        try {
            assertEquals(10, crop.cols());
            assertEquals(255, pixel(crop, 2, 5)[0], 1e-9);
            assertEquals(0, pixel(crop, 7, 5)[0], 1e-9);
        } finally {
            OpenCv.release(white, frame, crop);
        }
    }
}
