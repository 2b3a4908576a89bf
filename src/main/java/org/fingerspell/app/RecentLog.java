package org.fingerspell.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** The last few formatted log lines, kept in memory so a crash report can show what led up to it. */
public final class RecentLog extends Handler {

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    public RecentLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        setFormatter(new LogFormats.FileFormatter());
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String text = getFormatter().format(record).stripTrailing();
        synchronized (lines) {
            for (String line : text.split("\\R")) {
                if (lines.size() == capacity) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        }
    }

    /** The retained lines, oldest first. */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
