package org.fingerspell.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands files and folders into the candidate image files below them, in a stable order. */
public final class ImageFiles {

    /** Sidecar files a dataset folder holds next to its images; everything else is offered for decoding. */
    private static final Set<String> SIDECAR_EXTENSIONS = Set.of("csv", "json", "jsonl", "md", "html", "txt", "log");

    private ImageFiles() {
    }

    /**
     * Each argument that is a file is kept as given (so a bad file named by the user is reported, not skipped);
     * each folder is walked recursively, skipping hidden entries and sidecar files.
     */
    public static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                files.addAll(walk(argument));
            } else {
                files.add(argument);
            }
        }
        return files;
    }

    /** Candidate image files below {@code folder}, sorted by path. */
    public static List<Path> walk(Path folder) throws IOException {
        try (Stream<Path> stream = Files.walk(folder)) {
            return stream
                    .filter(Files::isRegularFile)
                    .filter(path -> !isHidden(folder, path))
                    .filter(path -> !isSidecar(path))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static boolean isSidecar(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && SIDECAR_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
