package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code manifest.csv}: read whole, appended row by row (forced each time), rewritten whole atomically. */
final class Manifest {

    /** The rows that parsed, and the lines that did not (a torn last write, a bad hand edit). */
    record Read(List<ManifestRow> rows, List<String> damaged) {
    }

    private final Path file;
    private final StoreFileSystem files;

    Manifest(Path file, StoreFileSystem files) {
        this.file = file;
        this.files = files;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    void create() throws IOException {
        files.writeNew(file, (ManifestFormat.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Read read() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<ManifestRow> rows = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || i == 0 && line.equals(ManifestFormat.HEADER)) {
                continue;
            }
            try {
                rows.add(ManifestFormat.parse(line));
            } catch (IllegalArgumentException e) {
                damaged.add(line);
            }
        }
        return new Read(rows, damaged);
    }

    void append(ManifestRow row) throws IOException {
        ensureExists();
        files.appendLine(file, ManifestFormat.format(row));
    }

    void appendAll(List<ManifestRow> rows) throws IOException {
        ensureExists();
        files.appendLine(file, String.join("\n", rows.stream().map(ManifestFormat::format).toList()));
    }

    void rewrite(List<ManifestRow> rows) throws IOException {
        StringBuilder text = new StringBuilder(ManifestFormat.HEADER).append('\n');
        for (ManifestRow row : rows) {
            text.append(ManifestFormat.format(row)).append('\n');
        }
        files.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void ensureExists() throws IOException {
        if (!exists()) {
            create();
        }
    }
}
