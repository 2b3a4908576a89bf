package org.fingerspell.hand;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

/** Pixel helpers shared by the detection studies. */
final class CropStudies {

    private CropStudies() {
    }

    /** CLAHE on lightness, as the cropper's equalised pass does; a new Mat the caller releases. */
    static Mat equalised(Mat bgr) {
        CLAHE clahe = Imgproc.createCLAHE(2.0, new Size(4, 4));
        Mat lab = new Mat();
        Mat light = new Mat();
        Mat out = new Mat();
        Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
        Core.extractChannel(lab, light, 0);
        clahe.apply(light, light);
        Core.insertChannel(light, lab, 0);
        Imgproc.cvtColor(lab, out, Imgproc.COLOR_Lab2BGR);
        lab.release();
        light.release();
        return out;
    }
}
