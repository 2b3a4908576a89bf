package org.fingerspell.image;

/** Image formats recognised by their first bytes, and whether this app can decode them. */
public enum ImageFormat {
    JPEG(true), PNG(true), BMP(true), TIFF(true), WEBP(true),
    GIF(false), HEIC(false), AVIF(false), UNKNOWN(false);

    private final boolean decodable;

    ImageFormat(boolean decodable) {
        this.decodable = decodable;
    }

    public boolean decodable() {
        return decodable;
    }

    /** Identifies a format from a file's leading bytes (its signature), never from its extension. */
    public static ImageFormat sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(head, 'I', 'I', 0x2A, 0x00) || startsWith(head, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return WEBP;
        }
        if (head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.startsWith("avi")) {
                return AVIF;
            }
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev")) {
                return HEIC;
            }
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
