package org.fingerspell.hand;

import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SquareTransformTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void of_imageCentre_isTheRegionCentre() {
        SquareTransform t = SquareTransform.of(new CropRegion(300, 200, 448, 37), 224);
        assertEquals(300, t.frameX(112, 112), 1e-9);
        assertEquals(200, t.frameY(112, 112), 1e-9);
        assertEquals(2.0, t.scale(), 1e-12);
    }

    /** A hand pointing right (rotation 90): the top of its upright image lies right of the centre in the frame. */
    @Test
    void of_rotationNinety_putsTheImageTopRightOfTheCentre() {
        SquareTransform t = SquareTransform.of(new CropRegion(300, 200, 224, 90), 224);
        assertEquals(412, t.frameX(112, 0), 1e-9);
        assertEquals(200, t.frameY(112, 0), 1e-9);
    }

    /**
     * The landmark model's cut turns the same way as {@link RegionCutter}'s (the crop policy's "rotated upright");
     * they differ only by RegionCutter's half-pixel convention, so on a smooth gradient they agree within a level.
     */
    @Test
    void warp_turnsLikeRegionCutter() {
        Mat frame = new Mat(200, 200, CvType.CV_8UC3);
        byte[] data = new byte[200 * 200 * 3];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                data[(y * 200 + x) * 3] = (byte) x;
                data[(y * 200 + x) * 3 + 1] = (byte) y;
            }
        }
        frame.put(0, 0, data);
        CropRegion region = new CropRegion(100, 100, 60, 30);
        Mat cutter = RegionCutter.cutNative(frame, region);
        Mat warped = new Mat();
        Mat m = SquareTransform.of(region, 60).toMat();
        try {
            Imgproc.warpAffine(frame, warped, m, new Size(60, 60), Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                    Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
            for (int v = 0; v < 60; v += 7) {
                for (int u = 0; u < 60; u += 7) {
                    double[] a = cutter.get(v, u);
                    double[] b = warped.get(v, u);
                    assertEquals(a[0], b[0], 1.0, "blue (x) at " + u + "," + v);
                    assertEquals(a[1], b[1], 1.0, "green (y) at " + u + "," + v);
                }
            }
            // and the turn is real: the image's top-left corner is not the frame's axis-aligned one
            assertEquals(100 + 30 * (-Math.cos(Math.toRadians(30)) + Math.sin(Math.toRadians(30))),
                    warped.get(0, 0)[0], 1.5);
        } finally {
            OpenCv.release(frame, cutter, warped, m);
        }
    }
}
