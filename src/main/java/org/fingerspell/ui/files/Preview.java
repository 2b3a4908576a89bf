package org.fingerspell.ui.files;

import javafx.scene.image.Image;
import org.fingerspell.ui.live.HandBox;

/**
 * What the detail panel shows for the selected row: the image (downscaled for the screen) with the square the
 * model read, and that square as the model saw it.
 *
 * @param image   null when the file cannot be shown (failed, or gone since)
 * @param crop    null when there is no crop
 * @param box     the hand box in fractions of the image; a guide (dashed) box when no hand was found
 * @param problem why there is no image, else null
 * @param brightened whether the model's exposure step lifted the crop (a hand dark against a bright scene); the
 *                   crop is then shown lifted, as the model saw it
 */
public record Preview(FileRow row, Image image, Image crop, HandBox box, String problem, boolean brightened) {
}
