package org.fingerspell.video;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.HandLandmarks;
import org.fingerspell.model.Classification;

/**
 * What the app read from one frame: the classification (or a certain {@code nothing} when no hand was found and
 * the model's policy says so, in which case {@code classifierRan} is false), where the crop came from, and the
 * hand's landmarks in frame pixels (null unless the model has a landmark path and a hand was located).
 */
public record FrameResult(Classification classification, CropRegion region, boolean handFound, double handScore,
                          Crop.Source source, boolean classifierRan, HandLandmarks landmarks) {
}
