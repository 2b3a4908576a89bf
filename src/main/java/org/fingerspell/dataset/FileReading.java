package org.fingerspell.dataset;

import org.fingerspell.video.FrameResult;

import java.nio.file.Path;

/**
 * What one image file gave: the reading and the image's size as shown (after the EXIF turn), or the reason it
 * could not be read ("truncated JPEG", "not an image").
 *
 * @param result null when the file failed
 * @param error  null when the file was read
 */
public record FileReading(Path file, FrameResult result, int width, int height, String error) {

    public static FileReading read(Path file, FrameResult result, int width, int height) {
        return new FileReading(file, result, width, height, null);
    }

    public static FileReading failed(Path file, String reason) {
        return new FileReading(file, null, 0, 0, reason);
    }

    public boolean failed() {
        return error != null;
    }
}
