package org.fingerspell.model;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the committed model when the user names none: {@code -Dfingerspell.model}, {@code $FINGERSPELL_MODEL},
 * {@code models/fingerspell.onnx} under the working directory, then beside the running jar (the repo's
 * {@code target/} or an installed app's {@code lib/}).
 */
public final class ModelLocator {

    public static final String DEFAULT_RELATIVE = "models/fingerspell.onnx";

    private ModelLocator() {
    }

    public static Path defaultModel() {
        return candidates().stream().filter(Files::isRegularFile).findFirst()
                .orElse(Path.of(DEFAULT_RELATIVE));
    }

    static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("fingerspell.model")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("FINGERSPELL_MODEL")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(DEFAULT_RELATIVE));
        codeLocation().ifPresent(location -> {
            Path dir = Files.isDirectory(location) ? location : location.getParent();
            for (Path up = dir; up != null && candidates.size() < 8; up = up.getParent()) {
                candidates.add(up.resolve(DEFAULT_RELATIVE));
            }
        });
        return candidates;
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = ModelLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
