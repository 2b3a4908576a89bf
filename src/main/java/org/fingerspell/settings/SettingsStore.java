package org.fingerspell.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.fingerspell.video.ThreadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Settings as a small JSON file in the user's config folder ({@code settings.json}); the location can be
 * injected (tests, {@code -Dfingerspell.config=DIR}). A missing or damaged file gives the defaults. File I/O:
 * call off the UI thread.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The file in the platform's config folder, or under {@code -Dfingerspell.config}. */
    public static SettingsStore atDefaultLocation() {
        return new SettingsStore(defaultFolder().resolve("settings.json"));
    }

    static Path defaultFolder() {
        String override = System.getProperty("fingerspell.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("Fingerspell");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Fingerspell");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("fingerspell");
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        if (!Files.isRegularFile(file)) {
            return AppSettings.DEFAULTS;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            AppSettings settings = GSON.fromJson(reader, AppSettings.class);
            return settings == null ? AppSettings.DEFAULTS : settings.sanitized();
        } catch (IOException | JsonParseException e) {
            LOG.warn("Ignoring unreadable settings {} ({}); using defaults", file, e.getMessage());
            return AppSettings.DEFAULTS;
        }
    }

    /** Writes atomically (a temp file moved into place), so a crash never leaves half a file. */
    public void save(AppSettings settings) throws IOException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp)) {
            GSON.toJson(settings, writer);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
