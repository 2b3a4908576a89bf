package org.fingerspell.video;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which threads performed each kind of blocking work (opening a source, grabbing, inference, model
 * loading, file reads), so tests can assert that none of it ran on the UI thread instead of assuming it.
 */
public final class ThreadLog {

    public static final String OPEN = "open";
    public static final String GRAB = "grab";
    public static final String INFERENCE = "inference";
    public static final String MODEL_LOAD = "model-load";
    public static final String FILE_IO = "file-io";
    public static final String CAMERA_LIST = "camera-list";

    private static final ThreadLog SHARED = new ThreadLog();

    private final Map<String, Set<String>> threads = new ConcurrentHashMap<>();

    /** The process-wide log every component records into. */
    public static ThreadLog shared() {
        return SHARED;
    }

    public void record(String operation) {
        String name = Thread.currentThread().getName();
        Set<String> names = threads.get(operation);
        if (names == null) {
            names = threads.computeIfAbsent(operation, k -> ConcurrentHashMap.newKeySet());
        }
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    /** Operation → the names of the threads that performed it. */
    public Map<String, Set<String>> snapshot() {
        Map<String, Set<String>> copy = new TreeMap<>();
        threads.forEach((operation, names) -> copy.put(operation, Set.copyOf(names)));
        return copy;
    }

    public void clear() {
        threads.clear();
    }
}
