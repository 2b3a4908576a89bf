package org.fingerspell.ui.files;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.fingerspell.image.BgraImage;

/** Pixels made off the FX thread become an Image on it. */
final class FxImages {

    private FxImages() {
    }

    static Image of(BgraImage pixels) {
        WritableImage image = new WritableImage(pixels.width(), pixels.height());
        // Opaque pixels are the same premultiplied or not; the premultiplied format is the one JavaFX paints as is.
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(),
                PixelFormat.getByteBgraPreInstance(), pixels.bgra(), 0, pixels.width() * 4);
        return image;
    }

    /** An image's pixels as opaque BGRA (a pasted image); in memory, cheap enough for the FX thread. */
    static BgraImage pixels(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        byte[] bgra = new byte[width * height * 4];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getByteBgraInstance(), bgra, 0, width * 4);
        for (int i = 3; i < bgra.length; i += 4) {
            bgra[i] = (byte) 0xFF;
        }
        return new BgraImage(width, height, bgra);
    }
}
