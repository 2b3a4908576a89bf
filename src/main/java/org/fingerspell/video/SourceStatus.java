package org.fingerspell.video;

/** What the frame source is doing, for the user: a state and a sentence. */
public record SourceStatus(State state, String message, String description) {

    public enum State {
        /** Opening the camera or file. */
        OPENING,
        /** Frames are flowing. */
        RUNNING,
        /** The camera was lost; the pipeline retries by itself. */
        RECONNECTING,
        /** There was nothing to open: no camera, no file. */
        NOT_FOUND,
        /** It exists but cannot be read. */
        FAILED,
        /** A file or folder played to its end. */
        ENDED,
        /** Stopped by the app. */
        STOPPED
    }
}
