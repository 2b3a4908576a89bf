package org.fingerspell.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.fingerspell.hand.Crop;
import org.fingerspell.model.SessionSettings;

import java.util.Locale;
import java.util.Map;

/**
 * A benchmark run as one JSON object (top level: {@code e2e_fps}, {@code ort_overhead_ratio},
 * {@code speedup_vs_pytorch} and its reason, then the detail) or as a table for people.
 *
 * @param model       the model file's path, name, architecture and input size
 * @param device      where the classifier ran ("CPU", "CUDA:0")
 * @param settings    the classifier session's settings
 * @param opencvThreads OpenCV's thread count (the palm detector's)
 * @param before      the machine when the run started
 * @param loadAfter   the load average when it ended
 */
public record BenchmarkReport(BenchmarkResult result, ModelFacts model, String device, SessionSettings settings,
                              int opencvThreads, MachineInfo before, double[] loadAfter, PytorchReference pytorch) {

    /** What the report says about the model. */
    public record ModelFacts(String file, String name, String architecture, int inputSize) {
    }

    /** PyTorch median over the classifier stage's median, or NaN without a reference. */
    public double speedupVsPytorch() {
        LatencyStats classifier = result.stages().get(Stage.CLASSIFIER);
        if (pytorch.result() == null || classifier.count() == 0) {
            return Double.NaN;
        }
        return pytorch.medianMillis() / classifier.medianMillis();
    }

    /**
     * PyTorch's fastest frame over the classifier's fastest: on a machine shared with other work the least disturbed
     * frames of each, so the ratio the load distorts least (PyTorch's OpenMP threads suffer more from a busy machine).
     */
    public double speedupVsPytorchFastest() {
        LatencyStats classifier = result.stages().get(Stage.CLASSIFIER);
        if (pytorch.result() == null || classifier.count() == 0) {
            return Double.NaN;
        }
        return pytorch.result().getAsJsonObject("latency_ms").get("min").getAsDouble() / classifier.minMillis();
    }

    public String speedupReason() {
        if (pytorch.reason() != null) {
            return pytorch.reason();
        }
        return result.stages().get(Stage.CLASSIFIER).count() == 0 ? "the classifier never ran" : null;
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.add("e2e_fps", number(result.endToEndFps()));
        json.add("ort_overhead_ratio", number(result.overheadRatio()));
        json.add("speedup_vs_pytorch", number(speedupVsPytorch()));
        String reason = speedupReason();
        json.add("speedup_vs_pytorch_reason", reason == null ? JsonNull.INSTANCE : new JsonPrimitive(reason));
        json.add("speedup_vs_pytorch_fastest_frames", number(speedupVsPytorchFastest()));
        json.add("compute_fps", number(result.computeFps()));
        json.add("classifier_overhead_ratio", number(result.classifierOverheadRatio()));
        json.add("definitions", definitions());
        json.addProperty("source", result.source());
        json.addProperty("frames", result.options().frames());
        json.addProperty("warmup_frames", result.options().warmup());
        json.addProperty("device", device);
        json.add("threads", threads());
        JsonObject session = new JsonObject();
        session.addProperty("intra_op_threads", settings.intraOpThreads());
        session.addProperty("spinning", settings.spinning());
        session.addProperty("opt_level", settings.optLevel().name());
        json.add("session", session);
        JsonObject modelJson = new JsonObject();
        modelJson.addProperty("file", model.file());
        modelJson.addProperty("name", model.name());
        modelJson.addProperty("architecture", model.architecture());
        modelJson.addProperty("input_size", model.inputSize());
        json.add("model", modelJson);
        json.add("machine", machine());
        JsonObject stages = new JsonObject();
        for (Map.Entry<Stage, LatencyStats> stage : result.stages().entrySet()) {
            stages.add(stage.getKey().key(), stats(stage.getValue()));
        }
        stages.add("end_to_end", stats(result.endToEnd()));
        stages.add("compute", stats(result.compute()));
        json.add("stages", stages);
        json.add("bare_ort_classifier", stats(result.bareOrt()));
        json.add("detector", detector());
        json.add("pytorch", pytorch.result() == null ? JsonNull.INSTANCE : pytorch.result());
        return json;
    }

    private static JsonObject definitions() {
        JsonObject d = new JsonObject();
        d.addProperty("e2e_fps", "measured frames / summed per-frame time from decode to post-processing, "
                + "one thread, one frame after another");
        d.addProperty("compute_fps", "the same without decoding: the live view's inference thread (decoding runs "
                + "on the capture thread)");
        d.addProperty("ort_overhead_ratio", "summed compute time without the hand landmark stage / (bare ONNX "
                + "Runtime session on the same tensors + the palm detector's native forward passes in OpenCV DNN)");
        d.addProperty("classifier_overhead_ratio", "classifier stage through DJL / bare OrtSession.run, medians");
        d.addProperty("speedup_vs_pytorch", "PyTorch eager median / classifier stage median, same tensors, input "
                + "size and thread count");
        d.addProperty("speedup_vs_pytorch_fastest_frames", "PyTorch eager minimum / classifier stage minimum: the "
                + "frames a busy machine disturbed least");
        d.addProperty("percentiles", "linear interpolation between nearest ranks; warm-up frames excluded");
        return d;
    }

    private JsonObject threads() {
        JsonObject t = new JsonObject();
        t.addProperty("onnxruntime_intra_op", settings.intraOpThreads() == 0 ? "all physical cores (ONNX Runtime "
                + "default)" : Integer.toString(settings.intraOpThreads()));
        t.addProperty("opencv", opencvThreads);
        t.addProperty("cores", before.cores());
        t.addProperty("pipeline", "one measuring thread");
        return t;
    }

    private JsonObject machine() {
        JsonObject m = new JsonObject();
        m.addProperty("cpu", before.cpu());
        m.addProperty("cores", before.cores());
        m.addProperty("os", before.os());
        m.addProperty("java", before.java());
        m.add("load_average_start", array(before.load()));
        m.add("load_average_end", array(loadAfter));
        return m;
    }

    private JsonObject detector() {
        JsonObject d = new JsonObject();
        d.addProperty("runs", result.detectorRuns());
        d.add("network_ms_total", number(result.detectorNetworkNanos() / 1e6));
        JsonObject sources = new JsonObject();
        for (Map.Entry<Crop.Source, Integer> source : result.cropSources().entrySet()) {
            sources.addProperty(source.getKey().name().toLowerCase(Locale.ROOT), source.getValue());
        }
        d.add("frames_by_crop_source", sources);
        return d;
    }

    private static JsonObject stats(LatencyStats s) {
        JsonObject o = new JsonObject();
        o.addProperty("count", s.count());
        o.add("median_ms", number(s.medianMillis()));
        o.add("p95_ms", number(s.p95Millis()));
        o.add("p99_ms", number(s.p99Millis()));
        o.add("mean_ms", number(s.meanMillis()));
        o.add("min_ms", number(s.minMillis()));
        o.add("max_ms", number(s.maxMillis()));
        o.add("fps", number(s.throughputFps()));
        return o;
    }

    private static JsonArray array(double[] values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }

    /** A number rounded to 4 decimals, or null for NaN (JSON has no NaN). */
    private static JsonElement number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return JsonNull.INSTANCE;
        }
        return new JsonPrimitive(Math.round(value * 10000) / 10000.0);
    }

    public String toJsonText() {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(toJson());
    }

    /** The human-readable report: what ran where, the stage table, the three headline ratios. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Source:   ").append(result.source()).append('\n');
        out.append(String.format(Locale.ROOT, "Frames:   %d measured after %d warm-up%n", result.options().frames(),
                result.options().warmup()));
        out.append(String.format(Locale.ROOT, "Model:    %s (%s, %s, %d px input)%n", model.file(), model.name(),
                model.architecture(), model.inputSize()));
        out.append("Device:   ").append(device).append("; ONNX Runtime ").append(settings).append("; OpenCV ")
                .append(opencvThreads).append(" threads\n");
        out.append("Machine:  ").append(before.describe()).append("; at the end ")
                .append(MachineInfo.formatLoad(loadAfter)).append('\n');
        out.append(String.format(Locale.ROOT, "%n%-20s %6s %9s %9s %9s %9s %9s%n", "stage", "frames", "median ms",
                "p95 ms", "p99 ms", "mean ms", "fps"));
        for (Map.Entry<Stage, LatencyStats> stage : result.stages().entrySet()) {
            row(out, stage.getKey().title(), stage.getValue());
        }
        row(out, "end to end", result.endToEnd());
        row(out, "  without decode", result.compute());
        row(out, "bare ORT classifier", result.bareOrt());
        out.append(String.format(Locale.ROOT, "%nDetector: %d runs for %d frames; crops %s%n", result.detectorRuns(),
                result.options().frames(), result.cropSources()));
        out.append(String.format(Locale.ROOT, "End to end %.1f fps (%.1f fps without decoding)%n",
                result.endToEndFps(), result.computeFps()));
        out.append(String.format(Locale.ROOT, "Overhead over the bare networks: %.3f (classifier alone, DJL vs bare "
                + "OrtSession: %.3f)%n", result.overheadRatio(), result.classifierOverheadRatio()));
        double speedup = speedupVsPytorch();
        out.append(Double.isNaN(speedup) ? "Speed-up vs PyTorch eager: n/a (" + speedupReason() + ")\n"
                : String.format(Locale.ROOT, "Speed-up vs PyTorch eager: %.2fx on medians (PyTorch median %.2f ms), "
                        + "%.2fx on the fastest frames%n", speedup, pytorch.medianMillis(), speedupVsPytorchFastest()));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, LatencyStats s) {
        out.append(String.format(Locale.ROOT, "%-20s %6d %9.2f %9.2f %9.2f %9.2f %9.1f%n", name, s.count(),
                s.medianMillis(), s.p95Millis(), s.p99Millis(), s.meanMillis(), s.throughputFps()));
    }
}
