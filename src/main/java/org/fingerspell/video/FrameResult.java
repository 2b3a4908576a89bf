package org.fingerspell.video;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.model.Classification;

/**
 * What the app read from one frame: the classification (or a certain {@code nothing} when no hand was found and
 * the model's policy says so, in which case {@code classifierRan} is false) and where the crop came from.
 */
public record FrameResult(Classification classification, CropRegion region, boolean handFound, double handScore,
                          Crop.Source source, boolean classifierRan) {
}
