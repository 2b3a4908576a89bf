package org.fingerspell.image;

import java.nio.file.Path;

/** An image file that cannot be used, with a reason a user understands ("truncated JPEG", "not an image"). */
public class ImageLoadException extends Exception {
    private final transient Path file;
    private final String reason;

    public ImageLoadException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
