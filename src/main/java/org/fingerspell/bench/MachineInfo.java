package org.fingerspell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the numbers were measured on: the CPU, how many cores Java sees, and how busy the machine was (the load
 * average), so a number from a shared machine is never mistaken for one from a quiet one.
 */
public record MachineInfo(String cpu, int cores, String os, String java, double[] load) {

    public static MachineInfo now() {
        return new MachineInfo(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), currentLoad());
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or empty where there is none. */
    public static double[] currentLoad() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2])};
        } catch (IOException | RuntimeException e) {
            return new double[0];
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores seen by Java, %s, %s, load average %s", cpu, cores, os, java,
                formatLoad(load));
    }

    public static String formatLoad(double[] load) {
        if (load.length == 0) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    }
}
