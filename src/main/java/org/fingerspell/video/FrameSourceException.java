package org.fingerspell.video;

/** A frame source cannot deliver: the message says what happened, for the user. */
public class FrameSourceException extends Exception {

    public enum Kind {
        /** Nothing to open: no camera at that index, no such file or folder, no images in it. */
        NOT_FOUND,
        /** It was delivering and stopped: a camera unplugged or taken by another app. Worth retrying. */
        LOST,
        /** It exists but cannot be read (unsupported video, permission). */
        UNREADABLE
    }

    private final Kind kind;

    public FrameSourceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FrameSourceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
