package org.fingerspell.ui.live;

/**
 * The hand box in display fractions: 0..1 of the shown image's width and height, mirroring applied. It may reach
 * past 0..1, as the region the model reads is the hand enlarged (and turned upright); {@link BoxPlacement} cuts it
 * to the area it is drawn on.
 *
 * @param rotation degrees, clockwise on screen
 * @param guide    true for the guide box (no hand detector), or the square the model read where no hand was found
 */
public record HandBox(double centerX, double centerY, double width, double height, double rotation, boolean guide) {
}
