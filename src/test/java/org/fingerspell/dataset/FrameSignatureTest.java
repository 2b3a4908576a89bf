package org.fingerspell.dataset;

import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSignatureTest {

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    private static Mat scene(int handX) {
        Mat frame = new Mat(240, 320, CvType.CV_8UC3, new Scalar(90, 110, 130));
        Imgproc.circle(frame, new Point(handX, 120), 50, new Scalar(200, 210, 230), -1);
        return frame;
    }

    @Test
    void nearDuplicateOf_sameSceneWithSensorNoise_isADuplicate() {
        Mat a = scene(100);
        Mat b = scene(100);
        Mat noise = new Mat(b.size(), b.type());
        try {
            Core.randn(noise, 0, 6);
            Core.add(b, noise, b);
            assertTrue(FrameSignature.of(a).nearDuplicateOf(FrameSignature.of(b)));
        } finally {
            OpenCv.release(a, b, noise);
        }
    }

    @Test
    void nearDuplicateOf_handMoved_isNotADuplicate() {
        Mat a = scene(100);
        Mat b = scene(190);
        try {
            assertFalse(FrameSignature.of(a).nearDuplicateOf(FrameSignature.of(b)));
        } finally {
            OpenCv.release(a, b);
        }
    }

    @Test
    void nearDuplicateOf_nothingSavedYet_isNotADuplicate() {
        Mat a = scene(100);
        try {
            assertFalse(FrameSignature.of(a).nearDuplicateOf(null));
        } finally {
            OpenCv.release(a);
        }
    }

    @Test
    void of_brightnessChange_isNotADuplicate() {
        Mat a = scene(100);
        Mat b = new Mat();
        try {
            a.convertTo(b, -1, 1, 30);
            assertFalse(FrameSignature.of(a).nearDuplicateOf(FrameSignature.of(b)));
        } finally {
            OpenCv.release(a, b);
        }
    }
}
