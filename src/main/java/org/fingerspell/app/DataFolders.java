package org.fingerspell.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Fingerspell keeps the user's files (logs, crash reports): {@code -Dfingerspell.data=DIR},
 * {@code $FINGERSPELL_DATA}, else the platform's per-user data folder: Linux {@code $XDG_DATA_HOME/fingerspell}
 * or {@code ~/.local/share/fingerspell}, macOS {@code ~/Library/Application Support/Fingerspell}, Windows
 * {@code %LOCALAPPDATA%\Fingerspell}.
 */
public final class DataFolders {

    private DataFolders() {
    }

    /** The data folder for this user and platform (not created). */
    public static Path dataHome() {
        return dataHome(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."),
                System.getProperty("fingerspell.data"));
    }

    /** The folder for log files and crash reports (not created). */
    public static Path logs() {
        return dataHome().resolve("logs");
    }

    static Path dataHome(String osName, Map<String, String> env, String userHome, String override) {
        if (notBlank(override)) {
            return Path.of(override);
        }
        if (notBlank(env.get("FINGERSPELL_DATA"))) {
            return Path.of(env.get("FINGERSPELL_DATA"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (notBlank(local) ? Path.of(local) : Path.of(userHome, "AppData", "Local")).resolve("Fingerspell");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Fingerspell");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
        if (notBlank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "fingerspell");
        }
        return Path.of(userHome, ".local", "share", "fingerspell");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
