package org.fingerspell.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr for long batches. On a terminal it redraws one line with {@code \r}; when stderr is a
 * file or pipe it prints a line every 10% instead, so logs stay readable. Silent for small batches.
 */
final class TerminalProgress {

    /** Batches of at most this many images get no progress bar. */
    static final int MIN_IMAGES = 40;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean interactive;
    private final String what;
    private final long startNanos = System.nanoTime();
    private int total;
    private boolean enabled;
    private int lastDecile = -1;
    private boolean lineOpen;

    TerminalProgress(PrintWriter err, boolean interactive, String what) {
        this.err = err;
        this.interactive = interactive;
        this.what = what;
    }

    /** True when stderr is an interactive terminal. */
    static boolean stderrIsTerminal() {
        return System.console() != null;
    }

    void start(int total) {
        this.total = total;
        this.enabled = total > MIN_IMAGES;
    }

    void update(int done) {
        if (!enabled) {
            return;
        }
        if (interactive) {
            err.print("\r" + bar(done));
            err.flush();
            lineOpen = true;
        } else {
            int decile = done * 10 / total;
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(bar(done));
                err.flush();
            }
        }
    }

    /** Prints a message on its own line without garbling the bar. */
    void message(String line) {
        clearLine();
        err.println(line);
        err.flush();
    }

    void finish() {
        if (enabled && interactive && lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    private void clearLine() {
        if (lineOpen) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            lineOpen = false;
        }
    }

    String bar(int done) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %3d%%  %.0f img/s", what, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, total == 0 ? 100 : done * 100 / total, rate);
    }
}
