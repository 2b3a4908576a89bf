package org.fingerspell.video;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What to read frames from, as the user writes it: {@code camera:0}, {@code video:FILE} or {@code folder:DIR}.
 */
public record SourceSpec(Kind kind, String target) {

    public enum Kind { CAMERA, VIDEO, FOLDER }

    public static SourceSpec camera(int index) {
        return new SourceSpec(Kind.CAMERA, Integer.toString(index));
    }

    public static SourceSpec video(Path file) {
        return new SourceSpec(Kind.VIDEO, file.toString());
    }

    public static SourceSpec folder(Path dir) {
        return new SourceSpec(Kind.FOLDER, dir.toString());
    }

    /** Parses {@code camera:N}, {@code video:FILE} or {@code folder:DIR}. */
    public static SourceSpec parse(String text) {
        int colon = text.indexOf(':');
        String usage = "source '" + text + "': use camera:N, video:FILE or folder:DIR";
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(usage);
        }
        String kind = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String target = text.substring(colon + 1).trim();
        return switch (kind) {
            case "camera" -> {
                try {
                    int index = Integer.parseInt(target);
                    if (index < 0) {
                        throw new IllegalArgumentException(usage);
                    }
                    yield camera(index);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("source '" + text + "': the camera index must be a number");
                }
            }
            case "video" -> new SourceSpec(Kind.VIDEO, target);
            case "folder" -> new SourceSpec(Kind.FOLDER, target);
            default -> throw new IllegalArgumentException(usage);
        };
    }

    public int cameraIndex() {
        return kind == Kind.CAMERA ? Integer.parseInt(target) : -1;
    }

    public Path path() {
        return Path.of(target);
    }

    /**
     * A new, unopened source.
     *
     * @param resolution what a camera is asked for
     * @param fps        the rate a folder is played at; for a video, 0 keeps the file's own rate
     * @param loop       whether a folder or video starts again at its end
     */
    public FrameSource create(CameraSource.Resolution resolution, double fps, boolean loop) {
        return switch (kind) {
            case CAMERA -> new CameraSource(cameraIndex(), resolution);
            case VIDEO -> new VideoFileSource(path(), fps, loop);
            case FOLDER -> new FolderSource(path(), fps > 0 ? fps : 30, loop);
        };
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + target;
    }
}
