package org.fingerspell.ui.files;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The file dialogs the Files page opens; tests put their own answers in instead of native dialogs. */
public interface FileDialogs {

    /** Images to read; empty when the user cancels. */
    List<Path> openImages(Window owner);

    Optional<Path> openFolder(Window owner);

    /** Where to save the CSV export. */
    Optional<Path> saveCsv(Window owner, String suggestedName);

    /** The system's dialogs. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public List<Path> openImages(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open images");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.bmp", "*.tif",
                                "*.tiff", "*.webp", "*.JPG", "*.JPEG", "*.PNG"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                List<File> files = chooser.showOpenMultipleDialog(owner);
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }

            @Override
            public Optional<Path> openFolder(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Open a folder of images");
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> saveCsv(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export the table as CSV");
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }
        };
    }
}
