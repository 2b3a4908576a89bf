package org.fingerspell.dataset;

import org.fingerspell.hand.CropRegion;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved image as the manifest records it.
 *
 * @param file          the image's path relative to the dataset root, with '/' separators ({@code A/x.png})
 * @param label         its class; always the name of the folder the file sits in
 * @param session       the capture session's conditions
 * @param box           the hand region in frame pixels, or null when no hand was found
 * @param time          when it was taken
 * @param appVersion    the Fingerspell version that took it
 * @param model         the model that found the hand (name and version), or "" when unknown
 * @param nearDuplicate whether it was nearly the same picture as the image saved just before it
 */
public record ManifestRow(String file, String label, CaptureSession session, CropRegion box, Instant time,
                          String appVersion, String model, boolean nearDuplicate) {

    public ManifestRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(time, "time");
        appVersion = appVersion == null ? "" : appVersion;
        model = model == null ? "" : model;
    }

    /** The same image filed under another class at {@code newFile}. */
    public ManifestRow relabelled(String newFile, String newLabel) {
        return new ManifestRow(newFile, newLabel, session, box, time, appVersion, model, nearDuplicate);
    }
}
