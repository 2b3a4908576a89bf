package org.fingerspell.ui.files;

/** Which rows the table shows. */
public enum RowFilter {
    ALL("All files"),
    LOW_CONFIDENCE("Low confidence"),
    WRONG("Wrong (folder name differs)"),
    NO_HAND("No hand found"),
    ERRORS("Errors");

    private final String text;

    RowFilter(String text) {
        this.text = text;
    }

    /** @param threshold below it a prediction is low confidence: the spelling threshold the live view types at */
    public boolean shows(FileRow row, double threshold) {
        return switch (this) {
            case ALL -> true;
            case LOW_CONFIDENCE -> !row.failed() && row.confidence() < threshold;
            case WRONG -> row.wrong();
            case NO_HAND -> !row.failed() && !row.handFound();
            case ERRORS -> row.failed();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
