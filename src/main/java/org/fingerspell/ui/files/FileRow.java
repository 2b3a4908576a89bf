package org.fingerspell.ui.files;

import org.fingerspell.dataset.FileReading;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.model.Labels;
import org.fingerspell.model.Score;
import org.fingerspell.video.FrameResult;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of the Files table: a file and what the model read in it, or why it could not be read. Holds only
 * what the table, the detail panel and the CSV need (not the image), so 10,000 rows stay small.
 *
 * @param index      the order it was read in (1, 2, …)
 * @param label      the prediction; null for a failed file
 * @param top        the five best classes, best first; empty for a failed file
 * @param source     how the crop was found; null for a failed file
 * @param region     the square the model read, in the decoded image's pixels; null for a failed file
 * @param trueLabel  the parent folder's name where it is a class name ("A", "del"), else null
 * @param error      why the file could not be read, else null
 */
public record FileRow(int index, Path file, String label, double confidence, List<Score> top, boolean handFound,
                      Crop.Source source, CropRegion region, int width, int height, String trueLabel,
                      String error) {

    public static final int TOP = 5;

    public static FileRow of(int index, FileReading reading) {
        String truth = trueLabelOf(reading.file());
        if (reading.failed()) {
            return new FileRow(index, reading.file(), null, Double.NaN, List.of(), false, null, null, 0, 0, truth,
                    reading.error());
        }
        FrameResult result = reading.result();
        return new FileRow(index, reading.file(), result.classification().label(),
                result.classification().confidence(), List.copyOf(result.classification().top(TOP)),
                result.handFound(), result.source(), result.region(),
                reading.width(), reading.height(), truth, null);
    }

    /** The class a folder-per-class set gives the file: its parent folder's name, when that is a class. */
    static String trueLabelOf(Path file) {
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? null
                : Labels.parse(parent.getFileName().toString()).orElse(null);
    }

    /** How the square the model read was found, in a word for the table; null for a failed file. */
    public String handText() {
        if (failed()) {
            return null;
        }
        return switch (source) {
            case DETECTED, TRACKED -> "found";
            case NO_HAND -> "none";
            case FALLBACK -> "no detector";
            case WHOLE_FRAME -> "whole image";
        };
    }

    public boolean failed() {
        return error != null;
    }

    public String name() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** Read, labelled by its folder, and the prediction differs. */
    public boolean wrong() {
        return !failed() && trueLabel != null && !trueLabel.equals(label);
    }

    public boolean right() {
        return !failed() && trueLabel != null && trueLabel.equals(label);
    }
}
