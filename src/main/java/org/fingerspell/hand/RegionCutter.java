package org.fingerspell.hand;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts a (possibly rotated) square region out of a frame into an upright square image; what lies outside the
 * frame is black. The region's rotation is clockwise: the cut turns it back, so the hand's "up" is the image's up.
 */
public final class RegionCutter {

    /** A region this large is cut at this size and no larger (a frame-sized region of a 48 MP photo is huge). */
    public static final int MAX_NATIVE_SIDE = 1024;

    private RegionCutter() {
    }

    /** The region at about its own resolution (side pixels, at most {@link #MAX_NATIVE_SIDE}). */
    public static Mat cutNative(Mat bgrFrame, CropRegion region) {
        return cutNative(bgrFrame, region, MAX_NATIVE_SIDE);
    }

    /** The region at about its own resolution, but at most {@code maxSide} pixels a side. */
    public static Mat cutNative(Mat bgrFrame, CropRegion region, int maxSide) {
        int side = (int) Math.max(1, Math.min(Math.min(MAX_NATIVE_SIDE, maxSide), Math.round(region.side())));
        return warp(bgrFrame, region, side);
    }

    /**
     * The region as an {@code outSide}×{@code outSide} image. Shrinking is done in two steps (cut at about native
     * resolution, then area-averaged) so fine detail does not alias.
     */
    public static Mat cut(Mat bgrFrame, CropRegion region, int outSide) {
        return cut(bgrFrame, region, outSide, MAX_NATIVE_SIDE);
    }

    /**
     * As {@link #cut(Mat, CropRegion, int)}, but the first step samples the region on a grid of at most
     * {@code maxGridSide} pixels a side: a large region costs what a {@code maxGridSide} one does, and the area
     * average of the second step still sees several samples per output pixel.
     */
    public static Mat cut(Mat bgrFrame, CropRegion region, int outSide, int maxGridSide) {
        if (outSide <= 0) {
            throw new IllegalArgumentException("output side must be positive, not " + outSide);
        }
        int gridSide = (int) Math.max(1, Math.min(Math.min(MAX_NATIVE_SIDE, maxGridSide), Math.round(region.side())));
        if (gridSide <= outSide) {
            return warp(bgrFrame, region, outSide);
        }
        Mat large = warp(bgrFrame, region, gridSide);
        try {
            Mat out = new Mat();
            Imgproc.resize(large, out, new Size(outSide, outSide), 0, 0, Imgproc.INTER_AREA);
            return out;
        } finally {
            large.release();
        }
    }

    private static Mat warp(Mat frame, CropRegion region, int outSide) {
        // Maps an output pixel (u, v) to the frame: centre + R(rotation) · ((u, v) − output centre) · scale, where
        // R turns clockwise on screen (y down). Pixel centres sit at integers; region coordinates are continuous.
        double scale = region.side() / outSide;
        double r = Math.toRadians(region.rotationDegrees());
        double cos = Math.cos(r) * scale;
        double sin = Math.sin(r) * scale;
        double half = (outSide - 1) / 2.0;
        double cx = region.centerX() - 0.5;
        double cy = region.centerY() - 0.5;
        Mat m = new Mat(2, 3, CvType.CV_64F);
        Mat out = new Mat();
        try {
            m.put(0, 0, cos, -sin, cx - cos * half + sin * half, sin, cos, cy - sin * half - cos * half);
            Imgproc.warpAffine(frame, out, m, new Size(outSide, outSide),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        } finally {
            m.release();
        }
    }
}
