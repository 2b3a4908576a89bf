package org.fingerspell.hand;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** The "whole" crop policy: the largest centred square of the frame, as the whole-frame models were trained. */
public final class CentredSquareCropper implements Cropper {

    @Override
    public Crop crop(Mat bgrFrame) {
        CropRegion region = CropRegion.centredSquare(bgrFrame.cols(), bgrFrame.rows());
        int side = (int) region.side();
        Rect rect = new Rect((bgrFrame.cols() - side) / 2, (bgrFrame.rows() - side) / 2, side, side);
        Mat view = bgrFrame.submat(rect);
        try {
            return new Crop(view.clone(), region, true, 1.0, Crop.Source.WHOLE_FRAME, null);
        } finally {
            view.release();
        }
    }

    @Override
    public String describe() {
        return "whole frame (largest centred square)";
    }
}
