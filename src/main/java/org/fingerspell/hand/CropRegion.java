package org.fingerspell.hand;

/**
 * A square region of a frame, in frame pixels: centre, side length, and rotation in degrees (clockwise, the
 * angle that turns the region upright). Parts of it may lie outside the frame.
 */
public record CropRegion(double centerX, double centerY, double side, double rotationDegrees) {

    /** The largest square centred in a {@code width}×{@code height} frame. */
    public static CropRegion centredSquare(int width, int height) {
        return new CropRegion(width / 2.0, height / 2.0, Math.min(width, height), 0);
    }
}
