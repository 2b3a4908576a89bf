package org.fingerspell.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * What opening a dataset found and repaired: nothing is dropped without being named here.
 *
 * @param adopted      images that had no manifest row (a crash between writing the image and its row, or images
 *                     put there by hand): each got a row, labelled by its folder
 * @param missingFiles manifest rows whose image is gone; the rows are kept
 * @param quarantined  unfinished temp files and torn manifest lines, moved to {@code .quarantine/}
 */
public record RecoveryReport(List<String> adopted, List<String> missingFiles, List<String> quarantined) {

    public RecoveryReport {
        adopted = List.copyOf(adopted);
        missingFiles = List.copyOf(missingFiles);
        quarantined = List.copyOf(quarantined);
    }

    public boolean clean() {
        return adopted.isEmpty() && missingFiles.isEmpty() && quarantined.isEmpty();
    }

    /** One line per kind of finding, for the view and the log; empty when clean. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!adopted.isEmpty()) {
            lines.add(adopted.size() + " image(s) had no manifest row and were added, labelled by their folder: "
                    + sample(adopted));
        }
        if (!missingFiles.isEmpty()) {
            lines.add(missingFiles.size() + " manifest row(s) name an image that is missing: " + sample(missingFiles));
        }
        if (!quarantined.isEmpty()) {
            lines.add(quarantined.size() + " unfinished write(s) moved to " + CaptureStore.QUARANTINE + "/: "
                    + sample(quarantined));
        }
        return lines;
    }

    private static String sample(List<String> items) {
        return items.size() <= 3 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 3)) + " and " + (items.size() - 3) + " more";
    }
}
