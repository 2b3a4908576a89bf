package org.fingerspell.ui.files;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.RegionCutter;
import org.fingerspell.image.BgraImage;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.ui.live.BoxPlacement;
import org.fingerspell.ui.live.HandBox;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.Mat;

/**
 * Makes a row's preview off the FX thread: the file decoded again by the same loader (so the region's
 * coordinates fit), shrunk for the screen, and the region cut out with the cutter the croppers use.
 */
final class PreviewLoader {

    /** Longest side of the shown image: sharp on a large screen, small in memory whatever the photo's size. */
    static final int DISPLAY_SIDE = 1280;
    /** Side of the shown crop. */
    static final int CROP_SIDE = 224;

    record Pixels(BgraImage image, BgraImage crop, HandBox box, String problem) {
    }

    private final ImageLoader loader;

    PreviewLoader(ImageLoader loader) {
        this.loader = loader;
    }

    Pixels load(FileRow row) {
        if (row.failed()) {
            return new Pixels(null, null, null, row.error());
        }
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        try (ImageLoader.LoadedImage image = loader.load(row.file())) {
            Mat bgr = image.bgr();
            CropRegion region = row.region();
            BgraImage crop = null;
            if (region != null) {
                Mat cut = RegionCutter.cut(bgr, region, CROP_SIDE);
                try {
                    crop = BgraImage.fit(cut, CROP_SIDE);
                } finally {
                    cut.release();
                }
            }
            return new Pixels(BgraImage.fit(bgr, DISPLAY_SIDE), crop, box(row, bgr.cols(), bgr.rows()), null);
        } catch (ImageLoadException e) {
            return new Pixels(null, null, null, e.reason());
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
