package org.fingerspell.dataset;

import org.fingerspell.hand.CropRegion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Shots for store tests: the bytes only need to be distinct, the store never decodes them. */
final class Shots {

    static final CaptureSession SESSION = new CaptureSession("20261202-060000-sam", "sam", "left", "dim", "cluttered",
            "laptop webcam", "test, with \"quotes\"");

    private Shots() {
    }

    static Shot of(String label, int n) {
        return new Shot(label, ("image " + label + " " + n).getBytes(StandardCharsets.UTF_8), "png", SESSION,
                new CropRegion(320, 240, 200, 5), Instant.parse("2026-12-02T06:00:00Z").plusSeconds(n), "fingerspell 0.1.0",
                false);
    }

    static Shot sized(String label, int n, int bytes) {
        byte[] content = new byte[bytes];
        new java.util.Random(n).nextBytes(content);
        return new Shot(label, content, "png", SESSION, null, Instant.parse("2026-12-02T06:00:00Z"), "", false);
    }
}
