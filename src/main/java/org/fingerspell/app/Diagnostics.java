package org.fingerspell.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts about the running session that a crash report and the About dialog show (model, device, command):
 * whoever learns one records it here, e.g. {@code Diagnostics.put(Diagnostics.DEVICE, "CPU")}.
 */
public final class Diagnostics {

    public static final String COMMAND = "command";
    public static final String MODEL = "model";
    public static final String DEVICE = "device";
    public static final String DETECTOR = "detector";

    private static final Map<String, String> FACTS = new ConcurrentHashMap<>();

    private Diagnostics() {
    }

    public static void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            FACTS.remove(key);
        } else {
            FACTS.put(key, value);
        }
    }

    public static String get(String key, String fallback) {
        return FACTS.getOrDefault(key, fallback);
    }

    /** All facts, the well-known ones first. */
    public static Map<String, String> snapshot() {
        Map<String, String> copy = new LinkedHashMap<>();
        for (String key : new String[] {COMMAND, MODEL, DEVICE, DETECTOR}) {
            if (FACTS.containsKey(key)) {
                copy.put(key, FACTS.get(key));
            }
        }
        FACTS.forEach(copy::putIfAbsent);
        return copy;
    }

    static void clear() {
        FACTS.clear();
    }
}
