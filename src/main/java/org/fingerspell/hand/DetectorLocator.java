package org.fingerspell.hand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds MediaPipe's palm detector, which is never in the repository: {@code -Dfingerspell.detector=FILE},
 * {@code $FINGERSPELL_DETECTOR}, {@code ~/.cache/fingerspell/palm_detection_full.tflite} (where
 * {@code scripts/fetch-detector.sh} puts it), then a copy beside the running jar. When none exists it says so once
 * per process and the app uses the centred guide box.
 */
public final class DetectorLocator {

    public static final String FILE_NAME = "palm_detection_full.tflite";
    /** sha256 of the model extracted from {@code @mediapipe/hands@0.4.1675469240} (see scripts/fetch-detector.sh). */
    public static final String EXPECTED_SHA256 = "2f25e740121983f68ffc05f99991d524dc0ea812134f6316a26125816941ee85";

    private static final Logger LOG = LoggerFactory.getLogger(DetectorLocator.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private DetectorLocator() {
    }

    /** The detector file, or empty (after one warning per process) when there is none. */
    public static Optional<Path> find() {
        Optional<Path> found = candidates().stream().filter(Files::isRegularFile).findFirst();
        if (found.isEmpty() && WARNED.compareAndSet(false, true)) {
            LOG.warn("Palm detector not found (looked for {}): hands are not located; place your hand in the "
                    + "centred guide box. Run scripts/fetch-detector.sh (needs npm and network) or set "
                    + "FINGERSPELL_DETECTOR.", FILE_NAME);
        }
        return found;
    }

    static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("fingerspell.detector");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv("FINGERSPELL_DETECTOR");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        String home = System.getProperty("user.home");
        if (home != null) {
            candidates.add(Path.of(home, ".cache", "fingerspell", FILE_NAME));
        }
        codeLocation().ifPresent(location -> {
            Path dir = Files.isDirectory(location) ? location : location.getParent();
            if (dir != null) {
                candidates.add(dir.resolve(FILE_NAME));
            }
        });
        return candidates;
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = DetectorLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
