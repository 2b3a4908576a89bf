package org.fingerspell.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The process's memory now: the Java heap (in use, and what the last collection left) and the resident set the
 * kernel reports, which also holds the native memory of OpenCV and ONNX Runtime.
 *
 * @param heapUsedMb    heap in use now, garbage included
 * @param heapAfterGcMb heap live after the last collection of each pool
 * @param rssMb         VmRSS from /proc/self/status, or -1 where there is none (not Linux)
 */
public record ProcessMemory(double heapUsedMb, double heapAfterGcMb, double rssMb) {

    private static final double MB = 1024.0 * 1024.0;

    public static ProcessMemory now() {
        Runtime runtime = Runtime.getRuntime();
        double used = (runtime.totalMemory() - runtime.freeMemory()) / MB;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                afterGc += pool.getCollectionUsage().getUsed();
            }
        }
        return new ProcessMemory(used, afterGc / MB, rssMb(Path.of("/proc/self/status")));
    }

    /**
     * The heap the JVM was started with (initial, maximum, committed now) and its collectors. The resident set
     * follows the committed heap: a collector cycling through a large committed heap touches new pages for
     * minutes, so a soak's RSS only means something together with these settings.
     */
    public static String jvmHeapSettings() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "heap initial %.0f MB, max %.0f MB, committed %.0f MB; collectors %s",
                heap.getInit() / MB, heap.getMax() / MB, heap.getCommitted() / MB, collectors);
    }

    /** The VmRSS line of a /proc status file in MB, or -1 when there is none. */
    static double rssMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: reported as -1
        }
        return -1;
    }
}
