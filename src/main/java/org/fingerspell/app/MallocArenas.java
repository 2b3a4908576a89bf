package org.fingerspell.app;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Caps glibc's malloc arenas for the long-running commands ({@code live}, {@code soak}), as {@code
 * MALLOC_ARENA_MAX=2} would, for every launcher (javafx:run, {@code java -jar}, the jpackage apps).
 *
 * <p>Why: glibc gives threads that allocate at the same time their own arena, up to 8 per core. The JVM's, ONNX
 * Runtime's and OpenCV's threads then spread the per-frame native buffers over many arenas, and each keeps the
 * pages it once used resident. In 30-minute soaks of the live pipeline on 2 cores, RSS grew 6.5% with glibc's
 * default and 0.6% with {@code MALLOC_ARENA_MAX=2}, at the same frame rate (README, Performance, Soak).
 *
 * <p>How: glibc reads the variable once, when the process starts, and by the time {@code main} runs the JVM's own
 * threads have made their arenas: {@code mallopt(M_ARENA_MAX)} from inside changed nothing (10-minute soaks, +5.1%
 * with it, +4.8% without). So the process replaces itself once, before anything else happens, with {@code execve}
 * of its own executable, command line and environment plus the variable: same process id, so a parent (Maven, a
 * desktop launcher, a shell) sees one process. It costs one more JVM start (about half a second).
 *
 * <p>A {@code MALLOC_ARENA_MAX} set by the user wins; {@code -Dfingerspell.malloc.arenas=default} leaves glibc alone
 * (for comparisons); other systems and C libraries are left alone; if the re-exec fails, the app goes on as it is.
 */
public final class MallocArenas {

    public static final String PROPERTY = "fingerspell.malloc.arenas";
    public static final String ENVIRONMENT = "MALLOC_ARENA_MAX";
    public static final String DEFAULT_LIMIT = "2";

    /** Set by jpackage's launchers: the launcher's own path. */
    static final String JPACKAGE_APP_PATH = "jpackage.app-path";

    /** Set by jpackage's Linux launcher in the environment of the JVM it starts. */
    static final String JPACKAGE_LAUNCHER_MARK = "_JPACKAGE_LAUNCHER";

    /** Linux's {@code SIG_SETMASK} for {@code sigprocmask}. */
    private static final int SIG_SETMASK = 2;
    /** glibc's {@code sigset_t} is 1024 bits. */
    private static final int SIGSET_BYTES = 128;

    private MallocArenas() {
    }

    /** The arena setting this process runs with, for logs and {@code soak}. */
    public static String describe() {
        String value = System.getenv(ENVIRONMENT);
        if (value != null) {
            return "glibc malloc arenas: " + ENVIRONMENT + "=" + value;
        }
        return isLinux(System.getProperty("os.name", "")) ? "glibc malloc arenas: glibc's default"
                : "malloc arenas: not glibc, left alone";
    }

    /**
     * Re-executes this process with {@code MALLOC_ARENA_MAX} set when it is needed; returns when it is not or when
     * the re-exec failed (then the reason is on stderr). Call first thing in {@code main}, before any output.
     */
    public static void applyBeforeStart(String[] args) {
        String limit = limitToSet(System.getProperty("os.name", ""), System.getenv(), System.getProperty(PROPERTY));
        if (limit == null) {
            return;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance("c");
            libc.getFunction("gnu_get_libc_version"); // only glibc has it: musl has no arenas to cap
            List<String> command = command(System.getProperty(JPACKAGE_APP_PATH), args);
            Map<String, String> environment = new TreeMap<>(System.getenv());
            environment.put(ENVIRONMENT, limit);
            // jpackage's launcher marks the environment of the JVM it starts; seeing the mark, a launcher passes
            // its argv straight to the JVM instead of reading its .cfg ("could not find main class live").
            environment.remove(JPACKAGE_LAUNCHER_MARK);
            String[] envp = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            System.out.flush();
            System.err.flush();
            // The JVM blocks some signals in its threads and execve keeps the mask: the new JVM must start clean.
            Memory empty = new Memory(SIGSET_BYTES);
            empty.clear();
            libc.getFunction("sigprocmask").invokeInt(new Object[]{SIG_SETMASK, empty, Pointer.NULL});
            Function execve = libc.getFunction("execve");
            execve.invokeInt(new Object[]{"/proc/self/exe", command.toArray(String[]::new), envp});
            System.err.println("Fingerspell: could not restart with " + ENVIRONMENT + "=" + limit
                    + " (execve failed); going on with glibc's default malloc arenas");
        } catch (UnsatisfiedLinkError | IOException | RuntimeException e) {
            // Not glibc, no /proc, or JNA's native part missing: the app works the same, with more resident memory.
            System.err.println("Fingerspell: glibc malloc arenas left at the default (" + e.getMessage() + ")");
        }
    }

    /** The value to set, or null when nothing is to be done. */
    static String limitToSet(String osName, Map<String, String> environment, String property) {
        if (!isLinux(osName)) {
            return null;
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null) {
            return null;
        }
        if (property == null || property.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String value = property.strip();
        if (value.equalsIgnoreCase("default")) {
            return null;
        }
        try {
            if (Integer.parseInt(value) >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        System.err.println("Fingerspell: -D" + PROPERTY + "='" + property + "' is not a whole number >= 1 or 'default';"
                + " using " + DEFAULT_LIMIT);
        return DEFAULT_LIMIT;
    }

    private static boolean isLinux(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /**
     * What to execute again. A jpackage launcher passes its own argv on to the JVM it starts in-process, reworked
     * (its .cfg's options, class path, main class), so {@code /proc/self/cmdline} is no longer something the launcher
     * understands: run the launcher again with the app's arguments, and it reads its .cfg again. Any other launcher
     * ({@code java}, Maven's javafx:run) gets its exact argv back.
     */
    static List<String> command(String jpackageAppPath, String[] args) throws IOException {
        if (jpackageAppPath != null && !jpackageAppPath.isBlank()) {
            List<String> command = new ArrayList<>();
            command.add(jpackageAppPath);
            command.addAll(List.of(args));
            return command;
        }
        return commandLine();
    }

    /** This process's exact argv: the JVM options, class path and arguments of whatever launcher started it. */
    private static List<String> commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                argv.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (argv.isEmpty()) {
            throw new IOException("/proc/self/cmdline is empty");
        }
        return argv;
    }
}
