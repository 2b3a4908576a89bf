package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks a capture folder as `fingerspell eval` and a person would see it, from the files alone. */
public final class DatasetAssertions {

    private DatasetAssertions() {
    }

    /** The manifest's rows, read fresh from disk (damaged lines fail the test). */
    public static List<ManifestRow> manifestRows(Path root) throws IOException {
        Manifest.Read read = new Manifest(root.resolve(CaptureStore.MANIFEST), StoreFileSystem.DISK).read();
        assertEquals(List.of(), read.damaged(), "damaged manifest lines");
        return read.rows();
    }

    /**
     * Every image under a class folder has exactly one manifest row with its folder's label, every row names an
     * image that exists, and no temp file is left.
     */
    public static void assertConsistent(Path root) throws IOException {
        List<ManifestRow> rows = manifestRows(root);
        Set<String> fromRows = new TreeSet<>();
        for (ManifestRow row : rows) {
            assertEquals(true, fromRows.add(row.file()), "one row per file: " + row.file());
            assertEquals(Path.of(row.file()).getParent().toString(), row.label(), "label is the folder: " + row.file());
        }
        Set<String> onDisk = ClassFolderSet.scan(root).images().stream()
                .map(image -> root.relativize(image.file()).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, fromRows, "images on disk and manifest rows");
        try (var walk = java.nio.file.Files.walk(root)) {
            List<Path> temps = walk.filter(p -> p.getFileName().toString().startsWith(StoreFileSystem.TEMP_PREFIX))
                    .filter(p -> !p.startsWith(root.resolve(CaptureStore.QUARANTINE))).toList();
            assertEquals(List.of(), temps, "temp files left behind");
        }
    }
}
