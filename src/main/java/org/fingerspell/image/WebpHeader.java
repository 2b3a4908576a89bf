package org.fingerspell.image;

import java.nio.file.Path;

/** Reads a WebP canvas size from its RIFF header (ImageIO has no WebP reader). */
final class WebpHeader {

    private WebpHeader() {
    }

    static int[] size(Path source, byte[] b) throws ImageLoadException {
        if (b.length < 30) {
            throw new ImageLoadException(source, "truncated WebP header");
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8X":
                return new int[] {1 + u24(b, 24), 1 + u24(b, 27)};
            case "VP8L": {
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                return new int[] {1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF)};
            }
            case "VP8 ":
                return new int[] {u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF};
            default:
                throw new ImageLoadException(source, "corrupt WebP header (chunk " + chunk.strip() + ")");
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int i) {
        return u16(b, i) | (b[i + 2] & 0xFF) << 16;
    }
}
