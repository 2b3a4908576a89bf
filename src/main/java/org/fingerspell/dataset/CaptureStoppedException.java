package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/** A write failed, so capture stopped; the message says why in words a person can act on. */
public final class CaptureStoppedException extends IOException {

    public CaptureStoppedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message for a failed write of {@code what}. */
    static CaptureStoppedException of(String what, IOException cause) {
        return new CaptureStoppedException("Capture stopped: " + reason(cause) + " while saving " + what
                + ". Every image saved before is kept. " + advice(cause), cause);
    }

    static String reason(IOException e) {
        String detail = detail(e);
        if (isFull(e)) {
            return "the disk is full (" + detail + ")";
        }
        if (isReadOnly(e)) {
            return "the dataset folder cannot be written (" + detail + ")";
        }
        return "a write failed (" + detail + ")";
    }

    private static String advice(IOException e) {
        if (isFull(e)) {
            return "Free some space or choose another folder, then start again.";
        }
        if (isReadOnly(e)) {
            return "Choose a folder you can write to, then start again.";
        }
        return "Check the folder, then start again.";
    }

    private static boolean isFull(IOException e) {
        return detail(e).toLowerCase(Locale.ROOT).contains("no space left")
                || detail(e).toLowerCase(Locale.ROOT).contains("disk full")
                || detail(e).toLowerCase(Locale.ROOT).contains("quota");
    }

    private static boolean isReadOnly(IOException e) {
        return e instanceof AccessDeniedException || detail(e).toLowerCase(Locale.ROOT).contains("read-only")
                || detail(e).toLowerCase(Locale.ROOT).contains("permission denied");
    }

    private static String detail(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
