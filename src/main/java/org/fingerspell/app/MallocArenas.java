package org.fingerspell.app;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Caps glibc's malloc arenas for this process, as {@code MALLOC_ARENA_MAX} would, but from inside, so every launcher
 * (javafx:run, {@code java -jar}, the jpackage apps) gets it.
 *
 * <p>Why: glibc gives threads that allocate at the same time their own arena, up to 8 per core. ONNX Runtime's and
 * OpenCV's worker threads then spread the per-frame native buffers over many arenas, and each keeps the pages it
 * once used resident. In 30-minute soaks of the live pipeline on 2 cores, RSS grew 5.4-5.8% with glibc's default and
 * 0.3% with 2 arenas, at the same frame rate (README, Performance, Soak). {@code mallopt(M_ARENA_MAX)} at start
 * applies to every arena created afterwards: the pipeline's threads start later.
 *
 * <p>A {@code MALLOC_ARENA_MAX} set by the user wins; {@code -Dfingerspell.malloc.arenas=default} leaves glibc alone
 * (for comparisons); other C libraries (macOS, Windows, musl) are left alone too.
 */
public final class MallocArenas {

    public static final String PROPERTY = "fingerspell.malloc.arenas";
    public static final String ENVIRONMENT = "MALLOC_ARENA_MAX";
    public static final int DEFAULT_LIMIT = 2;

    /** glibc's malloc.h: {@code #define M_ARENA_MAX -8}. */
    static final int M_ARENA_MAX = -8;

    private static volatile String state = "glibc malloc arenas: not set up";

    private MallocArenas() {
    }

    /** What {@link #applyAtStart} decided, for logs, {@code soak} and diagnostics. */
    public static String describe() {
        return state;
    }

    /** Called once by {@code cli.Main} before any model or camera thread exists. */
    public static String applyAtStart() {
        state = apply(System.getProperty("os.name", ""), System.getenv(), System.getProperty(PROPERTY));
        Logger.getLogger(AppLogging.FILE_ONLY_LOGGER).info(state);
        return state;
    }

    static String apply(String osName, Map<String, String> environment, String property) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "glibc malloc arenas: not Linux, left alone";
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return "glibc malloc arenas: " + ENVIRONMENT + "=" + fromEnvironment + " from the environment";
        }
        if (property != null && property.strip().equalsIgnoreCase("default")) {
            return "glibc malloc arenas: glibc's default (-D" + PROPERTY + "=default)";
        }
        int limit = parseLimit(property);
        String note = limit > 0 ? "" : " (-D" + PROPERTY + "='" + property + "' is not a whole number >= 1)";
        limit = limit > 0 ? limit : DEFAULT_LIMIT;
        try {
            NativeLibrary libc = NativeLibrary.getInstance("c");
            // Only glibc has this symbol; musl's mallopt ignores its arguments.
            libc.getFunction("gnu_get_libc_version");
            Function mallopt = libc.getFunction("mallopt");
            int ok = mallopt.invokeInt(new Object[]{M_ARENA_MAX, limit});
            return ok == 1 ? "glibc malloc arenas: at most " + limit + " (mallopt)" + note
                    : "glibc malloc arenas: mallopt refused " + limit + ", glibc's default";
        } catch (UnsatisfiedLinkError e) {
            return "glibc malloc arenas: no glibc (" + e.getMessage() + "), left alone";
        }
    }

    /** The limit asked for: {@link #DEFAULT_LIMIT} when unset, -1 when the value is not a whole number >= 1. */
    static int parseLimit(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(property.strip());
            return value >= 1 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
