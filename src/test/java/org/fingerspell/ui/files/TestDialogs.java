package org.fingerspell.ui.files;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File dialogs that answer what the test set, and count how often they were opened. */
final class TestDialogs implements FileDialogs {
    volatile List<Path> images = List.of();
    volatile Path folder;
    volatile Path csv;
    volatile int opened;

    @Override
    public List<Path> openImages(Window owner) {
        opened++;
        return images;
    }

    @Override
    public Optional<Path> openFolder(Window owner) {
        opened++;
        return Optional.ofNullable(folder);
    }

    @Override
    public Optional<Path> saveCsv(Window owner, String suggestedName) {
        opened++;
        return Optional.ofNullable(csv);
    }
}
