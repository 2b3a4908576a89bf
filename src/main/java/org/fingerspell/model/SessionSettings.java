package org.fingerspell.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Locale;

/**
 * How the classifier's ONNX Runtime session runs on the CPU. The benchmark builds its bare session from the same
 * settings, so the two are timed alike.
 *
 * @param intraOpThreads threads one operator may use; 0 lets ONNX Runtime use every physical core
 * @param spinning       whether idle pool threads spin-wait for the next operator; spinning keeps cores busy
 *                       between inferences, which the camera, the palm detector and the UI need on a small machine
 * @param optLevel       graph optimisation: NO_OPT, BASIC_OPT, EXTENDED_OPT or ALL_OPT
 */
public record SessionSettings(int intraOpThreads, boolean spinning, OrtSession.SessionOptions.OptLevel optLevel) {

    /** The session config key ONNX Runtime reads for spinning (onnxruntime_session_options_config_keys.h). */
    public static final String SPINNING_KEY = "session.intra_op.allow_spinning";

    public SessionSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("threads must not be negative, not " + intraOpThreads);
        }
    }

    /**
     * What the app uses. Spinning off: measured by {@code fingerspell benchmark} on 2 cores, with spinning on the
     * classifier's idle threads spin after each inference while the palm detector wants the same cores (see the
     * README's performance section for the ratio).
     */
    public static SessionSettings defaults(int intraOpThreads) {
        return new SessionSettings(intraOpThreads, false, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    public SessionSettings withSpinning(boolean on) {
        return new SessionSettings(intraOpThreads, on, optLevel);
    }

    public SessionSettings withOptLevel(OrtSession.SessionOptions.OptLevel level) {
        return new SessionSettings(intraOpThreads, spinning, level);
    }

    /** Parses NO_OPT, BASIC_OPT, EXTENDED_OPT, ALL_OPT or the short forms none, basic, extended, all. */
    public static OrtSession.SessionOptions.OptLevel parseOptLevel(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (!name.endsWith("_OPT")) {
            name = "NONE".equals(name) ? "NO_OPT" : name + "_OPT";
        }
        try {
            return OrtSession.SessionOptions.OptLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimisation level '" + text
                    + "'; use none, basic, extended or all");
        }
    }

    /** New session options with these settings; the caller closes them after the session. */
    public OrtSession.SessionOptions toSessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(optLevel);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            options.addConfigEntry(SPINNING_KEY, spinning ? "1" : "0");
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return (intraOpThreads == 0 ? "all cores" : intraOpThreads + " intra-op threads") + ", spinning "
                + (spinning ? "on" : "off") + ", " + optLevel;
    }
}
