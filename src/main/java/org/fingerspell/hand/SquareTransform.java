package org.fingerspell.hand;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The affine map from the pixels of an upright {@code size}×{@code size} image to the frame, for a (rotated) square
 * region: frame = centre + R(rotation) · ((u, v) − size/2) · side/size, R turning clockwise on screen (y down);
 * as a matrix {@code [[m00, m01, m02], [m10, m11, m12]]}, OpenCV's layout. Pixel centres sit at integer
 * coordinates in both, as in the Python reference the hand landmark model was checked against. {@link RegionCutter}
 * turns the same way but puts pixel centres at half-integers (a sub-pixel shift) and area-averages large regions:
 * the landmark model's input must not differ from the reference by either.
 */
public record SquareTransform(double m00, double m01, double m02, double m10, double m11, double m12) {

    /** The map for {@code region} seen as a {@code size}×{@code size} image. */
    public static SquareTransform of(CropRegion region, int size) {
        double k = region.side() / size;
        double r = Math.toRadians(region.rotationDegrees());
        double cos = Math.cos(r) * k;
        double sin = Math.sin(r) * k;
        double half = size / 2.0;
        return new SquareTransform(cos, -sin, region.centerX() - cos * half + sin * half,
                sin, cos, region.centerY() - sin * half - cos * half);
    }

    public double frameX(double u, double v) {
        return m00 * u + m01 * v + m02;
    }

    public double frameY(double u, double v) {
        return m10 * u + m11 * v + m12;
    }

    /** How many frame pixels one image pixel spans (side / size). */
    public double scale() {
        return Math.hypot(m00, m10);
    }

    /** The 2×3 matrix for {@code Imgproc.warpAffine} with {@code WARP_INVERSE_MAP}; the caller releases it. */
    public Mat toMat() {
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, m00, m01, m02, m10, m11, m12);
        return m;
    }
}
