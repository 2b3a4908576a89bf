package org.fingerspell.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Start-up milestones, each logged once per process with its time since the process started (the native
 * launcher included) and since the JVM started: e.g. {@code Startup.milestone("first frame painted")} from the
 * view that paints the first video frame. This is how the package's start-up time is measured.
 */
public final class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());
    private static final Map<String, Duration> REACHED = new ConcurrentHashMap<>();

    private Startup() {
    }

    /** Logs {@code name} the first time it is reached and returns the time since the process started. */
    public static Duration milestone(String name) {
        Instant now = Instant.now();
        Duration sinceProcess = Duration.between(processStart().orElse(jvmStart()), now);
        if (REACHED.putIfAbsent(name, sinceProcess) == null) {
            long sinceJvm = Duration.between(jvmStart(), now).toMillis();
            LOG.info(() -> "Start-up: " + name + " after " + sinceProcess.toMillis() + " ms (process start; "
                    + sinceJvm + " ms after the JVM started)");
        }
        return REACHED.get(name);
    }

    /** The time of a milestone already reached, if it was. */
    public static Optional<Duration> reached(String name) {
        return Optional.ofNullable(REACHED.get(name));
    }

    static Optional<Instant> processStart() {
        try {
            return ProcessHandle.current().info().startInstant();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Instant jvmStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
