package org.fingerspell.bench;

import org.fingerspell.dataset.ImageFiles;
import org.fingerspell.video.NaturalOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark's default source: runs of consecutive frames from the Kaggle ASL Alphabet training pack (video
 * frames of one signer, so the hand moves a little from frame to frame and tracking behaves as on a webcam), one
 * run per letter, letterboxed to 640×480.
 */
public final class KaggleSequence {

    public static final String PACK = "kaggle-train";
    public static final int RUN_LENGTH = 30;
    /**
     * Runs start this far into each letter's frames (in frame-number order): past the first frames, where the
     * signer is still settling, and well before the last ~500 original frames, which are backlit silhouettes
     * (docs/hand-detection.md).
     */
    public static final int RUN_START = 60;

    private KaggleSequence() {
    }

    /** The sequence of {@code frames} frames from {@code dataRoot}/kaggle-train, or empty when the pack is absent. */
    public static Optional<EncodedSequence> load(Path dataRoot, int frames) throws IOException {
        Path pack = dataRoot.resolve(PACK);
        if (!Files.isDirectory(pack)) {
            return Optional.empty();
        }
        List<Path> classes;
        try (Stream<Path> list = Files.list(pack)) {
            classes = list.filter(Files::isDirectory).sorted(NaturalOrder.PATHS).toList();
        }
        List<Path> chosen = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        for (int round = 0; chosen.size() < frames && round < 100; round++) {
            int before = chosen.size();
            for (Path classDir : classes) {
                List<Path> files = new ArrayList<>(ImageFiles.walk(classDir));
                files.sort(NaturalOrder.PATHS);
                int from = RUN_START + round * RUN_LENGTH;
                int to = Math.min(files.size(), from + Math.min(RUN_LENGTH, frames - chosen.size()));
                if (from < to) {
                    chosen.addAll(files.subList(from, to));
                    if (round == 0) {
                        letters.add(classDir.getFileName().toString());
                    }
                }
                if (chosen.size() >= frames) {
                    break;
                }
            }
            if (chosen.size() == before) {
                break;
            }
        }
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String description = String.format(java.util.Locale.ROOT,
                "%d real %s frames (%s, runs of %d consecutive frames per letter after its first %d: %s), "
                        + "letterboxed to %dx%d, JPEG-decoded per frame", chosen.size(), PACK, pack, RUN_LENGTH,
                RUN_START, String.join(" ", letters),
                EncodedSequence.WIDTH, EncodedSequence.HEIGHT);
        return Optional.of(EncodedSequence.of(chosen, description, 30));
    }
}
