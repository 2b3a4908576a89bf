package org.fingerspell.ui.files;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.BgraImage;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.DescriptorFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "What the model saw" is the crop after the model's exposure step, and the preview says when it was lifted. */
class PreviewLoaderTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @TempDir
    Path dir;

    @Test
    void backlitCrop_isShownLiftedOnceTheModelHasTheStep() throws Exception {
        FileRow row = rowFor(backlitImage());
        PreviewLoader loader = new PreviewLoader(new ImageLoader(), () -> SigningHand.RIGHT);

        PreviewLoader.Pixels asCut = loader.load(row);
        assertFalse(asCut.brightened(), "before the model is known the crop is shown as cut");

        loader.showAsSeenBy(DescriptorFixtures.input(dir, 64, "backlight_lift"));
        PreviewLoader.Pixels lifted = loader.load(row);
        assertTrue(lifted.brightened());
        assertEquals(64, lifted.crop().width(), "cut at the model's input size");
        assertTrue(centreBlue(lifted.crop()) > centreBlue(asCut.crop()) + 60,
                centreBlue(asCut.crop()) + " -> " + centreBlue(lifted.crop()));
    }

    @Test
    void modelWithoutTheStep_showsTheCropAsCut() throws Exception {
        PreviewLoader loader = new PreviewLoader(new ImageLoader(), () -> SigningHand.RIGHT);
        loader.showAsSeenBy(DescriptorFixtures.input(dir, 64, "none"));
        PreviewLoader.Pixels pixels = loader.load(rowFor(backlitImage()));
        assertFalse(pixels.brightened());
        assertEquals(PreviewLoader.CROP_SIDE, pixels.crop().width());
    }

    @Test
    void leftHand_cropIsShownMirroredAsTheModelSawIt() throws Exception {
        Mat frame = new Mat(300, 300, CvType.CV_8UC3, new Scalar(240, 245, 250));
        frame.submat(50, 250, 50, 150).setTo(new Scalar(15, 18, 22));
        Path file = dir.resolve("half.png");
        Imgcodecs.imwrite(file.toString(), frame);
        frame.release();
        FileRow row = rowFor(file);

        BgraImage right = new PreviewLoader(new ImageLoader(), () -> SigningHand.RIGHT).load(row).crop();
        BgraImage left = new PreviewLoader(new ImageLoader(), () -> SigningHand.LEFT).load(row).crop();
        int quarter = right.width() / 4;
        int middle = right.height() / 2;
        assertTrue(blue(right, quarter, middle) < 40 && blue(right, 3 * quarter, middle) > 200, "as cut");
        assertTrue(blue(left, quarter, middle) > 200 && blue(left, 3 * quarter, middle) < 40, "mirrored");
    }

    private Path backlitImage() {
        Mat frame = new Mat(300, 300, CvType.CV_8UC3, new Scalar(240, 245, 250));
        frame.submat(100, 200, 100, 200).setTo(new Scalar(15, 18, 22));
        Path file = dir.resolve("backlit.png");
        Imgcodecs.imwrite(file.toString(), frame);
        frame.release();
        return file;
    }

    private static FileRow rowFor(Path file) {
        return new FileRow(1, file, "A", 0.9, List.of(), true, Crop.Source.DETECTED,
                new CropRegion(150, 150, 200, 0), 300, 300, null, null);
    }

    /** The blue channel at the crop's centre (BGRA bytes). */
    private static int centreBlue(BgraImage image) {
        return blue(image, image.width() / 2, image.height() / 2);
    }

    private static int blue(BgraImage image, int x, int y) {
        return image.bgra()[4 * (y * image.width() + x)] & 0xFF;
    }
}
