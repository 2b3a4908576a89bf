package org.fingerspell.ui.files;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.RegionCutter;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.BgraImage;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.ExposureLift;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.ui.live.BoxPlacement;
import org.fingerspell.ui.live.HandBox;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.util.function.Supplier;

/**
 * Makes a row's preview off the FX thread: the file decoded again by the same loader (so the region's
 * coordinates fit), shrunk for the screen, and the region cut out with the cutter the croppers use. Once the
 * model is known, the crop is cut at the model's input size and goes through its exposure step, so "what the model
 * saw" is what it saw.
 */
final class PreviewLoader {

    /** Longest side of the shown image: sharp on a large screen, small in memory whatever the photo's size. */
    static final int DISPLAY_SIDE = 1280;
    /** Side of the shown crop. */
    static final int CROP_SIDE = 224;

    record Pixels(BgraImage image, BgraImage crop, HandBox box, String problem, boolean brightened) {

        static Pixels problem(String problem) {
            return new Pixels(null, null, null, problem, false);
        }
    }

    private final ImageLoader loader;
    /** Set by the batch thread once the model is loaded; null before (the crop is then shown as cut). */
    private volatile ModelDescriptor.Input modelInput;

    /** The hand files are read for: a left hand's crop is shown mirrored, as the model saw it. */
    private final Supplier<SigningHand> hand;

    PreviewLoader(ImageLoader loader, Supplier<SigningHand> hand) {
        this.loader = loader;
        this.hand = hand;
    }

    /** Shows crops from now on as a model with this input sees them. */
    void showAsSeenBy(ModelDescriptor.Input input) {
        this.modelInput = input;
    }

    Pixels load(FileRow row) {
        if (row.failed()) {
            return Pixels.problem(row.error());
        }
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        try (ImageLoader.LoadedImage image = loader.load(row.file())) {
            Mat bgr = image.bgr();
            CropRegion region = row.region();
            BgraImage crop = null;
            boolean brightened = false;
            if (region != null) {
                ModelDescriptor.Input input = modelInput;
                boolean lifts = input != null && ExposureLift.BACKLIGHT_LIFT.equals(input.exposure());
                Mat cut = RegionCutter.cut(bgr, region, lifts ? input.size() : CROP_SIDE);
                try {
                    if (hand.get().mirrors()) {
                        Core.flip(cut, cut, 1);
                    }
                    brightened = lifts && new ExposureLift().apply(cut) != 1.0;
                    crop = BgraImage.fit(cut, CROP_SIDE);
                } finally {
                    cut.release();
                }
            }
            return new Pixels(BgraImage.fit(bgr, DISPLAY_SIDE), crop, box(row, bgr.cols(), bgr.rows()), null,
                    brightened);
        } catch (ImageLoadException e) {
            return Pixels.problem(e.reason());
        }
    }

    /** A found hand gets a solid box; otherwise the square the model read instead is drawn as a dashed guide. */
    private static HandBox box(FileRow row, int width, int height) {
        CropRegion region = row.region();
        if (region == null) {
            return null;
        }
        boolean found = row.source() == Crop.Source.DETECTED || row.source() == Crop.Source.TRACKED;
        return BoxPlacement.inFrame(region, width, height, false, !found);
    }
}
