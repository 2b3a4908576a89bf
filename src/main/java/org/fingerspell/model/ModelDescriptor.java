package org.fingerspell.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to use an ONNX model, stored beside it as {@code <name>.json}: labels, input geometry,
 * normalisation, crop policy and training provenance. No preprocessing constant lives in code.
 */
public final class ModelDescriptor {

    public static final int FORMAT_VERSION = 1;

    @SerializedName("format_version")
    private int formatVersion;
    private String name;
    private String version;
    private String created;
    private String architecture;
    @SerializedName("input_name")
    private String inputName;
    private Map<String, String> outputs;
    private List<String> labels;
    private Input input;
    private CropPolicy crop;
    private Landmarks landmarks;
    private Map<String, Object> training;
    private Map<String, Map<String, Object>> metrics;

    /** Input geometry and normalisation: value = (pixel / scale - mean) / std, per channel in colour order. */
    public static final class Input {
        private int size;
        @SerializedName("color_order")
        private String colorOrder;
        private double scale;
        private double[] mean;
        private double[] std;
        private String resize;
        private String exposure;

        public int size() { return size; }
        public String colorOrder() { return colorOrder; }
        public double scale() { return scale; }
        public double[] mean() { return mean.clone(); }
        public double[] std() { return std.clone(); }
        public String resize() { return resize == null ? "area" : resize; }
        /** The exposure step after the resize ({@link ExposureLift}); older descriptors have none. */
        public String exposure() { return exposure == null ? ExposureLift.NONE : exposure; }
    }

    /** How the image the model sees is cut from a frame. */
    public static final class CropPolicy {
        private String mode;
        private double margin;
        @SerializedName("rotate_upright")
        private boolean rotateUpright;
        @SerializedName("no_hand")
        private String noHand;
        @SerializedName("no_hand_stills")
        private String noHandStills;

        public String mode() { return mode; }
        /** Extra border around the hand box, as a fraction of the box side. */
        public double margin() { return margin; }
        public boolean rotateUpright() { return rotateUpright; }
        /**
         * On live video: "nothing" reports {@code nothing} without classifying when no hand is found; "classify"
         * classifies the centred square anyway.
         */
        public String noHand() { return noHand == null ? "classify" : noHand; }
        /**
         * The same choice for image files and evaluation, where a frame is searched once and the user chose the
         * picture for its sign; {@link #noHand()} when the descriptor does not say.
         */
        public String noHandStills() { return noHandStills == null ? noHand() : noHandStills; }
        public boolean isHandCrop() { return "hand".equals(mode); }
        /** Whether a frame without a hand reads {@code nothing}: on still images or on live video. */
        public boolean reportsNothingWithoutHand(boolean stills) {
            return "nothing".equals(stills ? noHandStills() : noHand());
        }
    }

    /**
     * The optional hand landmark path: the landmark model run on the hand square, a classifier of its 21 points, and
     * the weight of that classifier when its log-probabilities are blended with the crop classifier's. Files are
     * named relative to the descriptor's folder.
     */
    public static final class Landmarks {
        private String detector;
        private String classifier;
        @SerializedName("input_name")
        private String inputName;
        @SerializedName("logits_output")
        private String logitsOutput;
        private Double weight;
        @SerializedName("min_presence")
        private Double minPresence;

        public String detector() { return detector; }
        public String classifier() { return classifier; }
        public String inputName() { return inputName; }
        public String logitsOutput() { return logitsOutput; }
        /** 0: the crop classifier alone; 1: the landmark classifier alone. */
        public double weight() { return weight; }
        /**
         * A palm detection whose hand square the landmark model finds a hand in with less presence than this is not
         * taken for a hand (0, or absent in older descriptors: every detection is).
         */
        public double minPresence() { return minPresence == null ? 0 : minPresence; }

        /** The landmark model's file, beside {@code modelFile} (the ONNX file this descriptor describes). */
        public Path detectorFile(Path modelFile) {
            return modelFile.resolveSibling(detector);
        }

        /** The landmark classifier's file, beside {@code modelFile}. */
        public Path classifierFile(Path modelFile) {
            return modelFile.resolveSibling(classifier);
        }

        private void addProblems(List<String> problems) {
            requireName(problems, "detector", detector);
            requireName(problems, "classifier", classifier);
            requireName(problems, "input_name", inputName);
            requireName(problems, "logits_output", logitsOutput);
            if (weight == null || !(weight >= 0 && weight <= 1)) {
                problems.add("landmarks.weight must be within 0..1, not " + weight);
            }
            if (minPresence != null && !(minPresence >= 0 && minPresence <= 1)) {
                problems.add("landmarks.min_presence must be within 0..1, not " + minPresence);
            }
        }

        private static void requireName(List<String> problems, String key, String value) {
            if (value == null || value.isBlank()) {
                problems.add("landmarks." + key + " is missing");
            }
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelDescriptor() {
    }

    /** The descriptor path for an ONNX file: same folder, same base name, {@code .json}. */
    public static Path pathFor(Path onnxFile) {
        String file = onnxFile.getFileName().toString();
        String base = file.toLowerCase().endsWith(".onnx") ? file.substring(0, file.length() - 5) : file;
        return onnxFile.resolveSibling(base + ".json");
    }

    /** Reads and validates the descriptor beside {@code onnxFile}. */
    public static ModelDescriptor forModel(Path onnxFile) throws ModelException {
        return read(pathFor(onnxFile));
    }

    public static ModelDescriptor read(Path json) throws ModelException {
        ModelDescriptor descriptor;
        try (Reader reader = Files.newBufferedReader(json)) {
            descriptor = GSON.fromJson(reader, ModelDescriptor.class);
        } catch (NoSuchFileException e) {
            throw new ModelException(json + ": model descriptor not found (every .onnx needs its .json beside it)");
        } catch (IOException e) {
            throw new ModelException(json + ": cannot read model descriptor: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new ModelException(json + ": model descriptor is not valid JSON: " + rootMessage(e));
        }
        if (descriptor == null) {
            throw new ModelException(json + ": model descriptor is empty");
        }
        List<String> problems = descriptor.problems();
        if (!problems.isEmpty()) {
            throw new ModelException(json + ": invalid model descriptor: " + String.join("; ", problems));
        }
        return descriptor;
    }

    /** Every reason this descriptor cannot be used; empty when valid. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (formatVersion != FORMAT_VERSION) {
            problems.add("format_version is " + formatVersion + ", this app reads " + FORMAT_VERSION);
        }
        if (name == null || name.isBlank()) {
            problems.add("name is missing");
        }
        if (inputName == null || inputName.isBlank()) {
            problems.add("input_name is missing");
        }
        if (outputs == null || outputs.get("logits") == null) {
            problems.add("outputs.logits is missing");
        }
        if (labels == null) {
            problems.add("labels are missing");
        } else if (!labels.equals(Labels.ALL)) {
            problems.add("labels " + labels + " do not match the app's " + Labels.count() + " classes " + Labels.ALL);
        }
        if (input == null) {
            problems.add("input is missing");
        } else {
            if (input.size < 16 || input.size > 1024) {
                problems.add("input.size " + input.size + " is outside 16..1024");
            }
            if (!"RGB".equals(input.colorOrder) && !"BGR".equals(input.colorOrder)) {
                problems.add("input.color_order must be RGB or BGR, not " + input.colorOrder);
            }
            if (!(input.scale > 0)) {
                problems.add("input.scale must be positive");
            }
            if (input.mean == null || input.mean.length != 3) {
                problems.add("input.mean needs 3 values");
            }
            if (input.std == null || input.std.length != 3) {
                problems.add("input.std needs 3 values");
            } else {
                for (double s : input.std) {
                    if (!(s > 0)) {
                        problems.add("input.std values must be positive");
                        break;
                    }
                }
            }
            if (!List.of("area", "linear").contains(input.resize())) {
                problems.add("input.resize must be area or linear, not " + input.resize);
            }
            if (!List.of(ExposureLift.NONE, ExposureLift.BACKLIGHT_LIFT).contains(input.exposure())) {
                problems.add("input.exposure must be none or backlight_lift, not " + input.exposure
                        + " (a model from a newer Fingerspell?)");
            }
        }
        if (crop == null) {
            problems.add("crop is missing");
        } else {
            if (!"whole".equals(crop.mode) && !"hand".equals(crop.mode)) {
                problems.add("crop.mode must be whole or hand, not " + crop.mode);
            }
            if (crop.margin < 0 || crop.margin > 2) {
                problems.add("crop.margin " + crop.margin + " is outside 0..2");
            }
            if (!List.of("classify", "nothing").contains(crop.noHand())) {
                problems.add("crop.no_hand must be classify or nothing, not " + crop.noHand);
            }
            if (!List.of("classify", "nothing").contains(crop.noHandStills())) {
                problems.add("crop.no_hand_stills must be classify or nothing, not " + crop.noHandStills);
            }
        }
        if (landmarks != null) {
            landmarks.addProblems(problems);
        }
        return problems;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public int formatVersion() { return formatVersion; }
    public String name() { return name; }
    public String version() { return version == null ? "" : version; }
    public String created() { return created == null ? "" : created; }
    public String architecture() { return architecture == null ? "" : architecture; }
    public String inputName() { return inputName; }
    public String logitsOutput() { return outputs.get("logits"); }
    public String embeddingOutput() { return outputs.get("embedding"); }
    public List<String> labels() { return List.copyOf(labels); }
    public Input input() { return input; }
    public CropPolicy crop() { return crop; }
    /** The landmark path, or null when the model has none (the crop classifier alone). */
    public Landmarks landmarks() { return landmarks; }
    public Map<String, Object> training() { return training == null ? Map.of() : Map.copyOf(training); }
    public Map<String, Map<String, Object>> metrics() { return metrics == null ? Map.of() : Map.copyOf(metrics); }

    /** The fingerprint of the data the model was trained on, or "" when the descriptor has none. */
    public String dataFingerprint() {
        Object fingerprint = training().get("data_fingerprint");
        return fingerprint == null ? "" : fingerprint.toString();
    }
}
