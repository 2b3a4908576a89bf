package org.fingerspell;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the real image packs ({@code ../shared/data} beside the project) and the committed model.
 * Tests that need them skip with a message that says why, so a fresh clone still passes.
 */
public final class TestData {

    private TestData() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("fingerspell.repo", ".")).toAbsolutePath().normalize();
    }

    public static Path dataRoot() {
        return repoRoot().resolveSibling("shared").resolve("data");
    }

    /** The pack folder, or the test is skipped when the shared data is absent. */
    public static Path pack(String name) {
        Path pack = dataRoot().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(pack),
                "skipped: needs the image pack " + pack + " (../shared/data is absent in a fresh clone)");
        return pack;
    }

    public static Path committedModel() {
        Path model = repoRoot().resolve("models/fingerspell.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(model), "skipped: no committed model at " + model);
        return model;
    }
}
