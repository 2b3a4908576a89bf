package org.fingerspell.ui.files;

import java.util.Locale;

/** Running totals of the Files table for its summary line; FX thread only. */
final class FileCounts {

    private int files;
    private int errors;
    private int noHand;
    private int labelled;
    private int right;

    void add(FileRow row) {
        files++;
        if (row.failed()) {
            errors++;
            return;
        }
        if (!row.handFound()) {
            noHand++;
        }
        if (row.trueLabel() != null) {
            labelled++;
            if (row.right()) {
                right++;
            }
        }
    }

    void reset() {
        files = 0;
        errors = 0;
        noHand = 0;
        labelled = 0;
        right = 0;
    }

    String describe() {
        if (files == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d files · %,d errors · %,d without "
                + "a hand found", files, errors, noHand));
        if (labelled > 0) {
            text.append(String.format(Locale.ROOT, " · %,d of %,d right by folder name (%.1f%%)", right, labelled,
                    100.0 * right / labelled));
        }
        return text.toString();
    }
}
