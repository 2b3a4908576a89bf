package org.fingerspell.dataset;

import org.fingerspell.hand.CropRegion;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame to save: its encoded bytes and what the manifest says about it.
 *
 * @param extension     the encoding's file extension without the dot ({@code png}, {@code jpg})
 * @param box           the hand region in frame pixels, or null when no hand was found
 * @param nearDuplicate whether it is nearly the same picture as the last image saved
 */
public record Shot(String label, byte[] image, String extension, CaptureSession session, CropRegion box,
                   Instant time, String model, boolean nearDuplicate) {

    public Shot {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(time, "time");
        if (!extension.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("bad extension: " + extension);
        }
    }
}
