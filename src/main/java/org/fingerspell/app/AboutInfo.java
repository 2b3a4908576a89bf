package org.fingerspell.app;

import org.fingerspell.AppInfo;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.ModelException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the About dialog shows, built without JavaFX so it is tested here and the UI only lays it out:
 * the app version and runtime, the model (from its descriptor and {@code MODEL_CARD.md} beside it), the device,
 * where the logs are, and the bundled components with their licences (from THIRD-PARTY-NOTICES.md).
 */
public record AboutInfo(String appVersion, String runtime, Model model, String device, Path logFolder,
                        List<ThirdPartyNotices.Component> components) {

    public AboutInfo {
        components = List.copyOf(components);
    }

    /**
     * The model's identity and quality: {@code problem} is non-empty when the descriptor could not be read, and then
     * only {@code file} is meaningful. {@code metrics} come from the card's table, else from the descriptor.
     */
    public record Model(Path file, String name, String version, String created, String architecture,
                        String summary, List<String> metrics, String problem) {
        public Model {
            metrics = List.copyOf(metrics);
        }

        public boolean loaded() {
            return problem.isEmpty();
        }

        /** {@code fingerspell 0.1.0 (resnet18, created 2026-11-25T14:02:11Z)}. */
        public String title() {
            return loaded() ? name + " " + version + " (" + architecture + ", created " + created + ")"
                    : "no model (" + problem + ")";
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The whole About text, for "copy to clipboard" and for bug reports. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append("Fingerspell ").append(appVersion).append(nl);
        out.append("Runtime: ").append(runtime).append(nl);
        out.append("Model: ").append(model.title()).append(nl);
        out.append("Model file: ").append(model.file()).append(nl);
        if (!model.summary().isEmpty()) {
            out.append("About the model: ").append(model.summary()).append(nl);
        }
        model.metrics().forEach(metric -> out.append("  ").append(metric).append(nl));
        out.append("Device: ").append(device).append(nl);
        out.append("Logs and crash reports: ").append(logFolder).append(nl);
        out.append("Third-party components:").append(nl);
        components.forEach(component -> out.append("  ").append(component.describe()).append(nl));
        return out.toString();
    }

    /** Collects the sources; {@link #build()} never throws, it describes what is missing instead. */
    public static final class Builder {
        private String appVersion = AppInfo.version();
        private String runtime = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        private Path modelFile;
        private String device = Diagnostics.get(Diagnostics.DEVICE, "not chosen yet (the model loads on first use)");
        private Path logFolder = AppRuntime.logFolder();
        private String notices;

        private Builder() {
        }

        public Builder appVersion(String value) {
            appVersion = Objects.requireNonNull(value, "appVersion");
            return this;
        }

        public Builder runtime(String value) {
            runtime = Objects.requireNonNull(value, "runtime");
            return this;
        }

        /** The ONNX file; its descriptor ({@code .json}) and {@code MODEL_CARD.md} are read from beside it. */
        public Builder model(Path onnxFile) {
            modelFile = Objects.requireNonNull(onnxFile, "onnxFile");
            return this;
        }

        /** The device the classifier runs on, as the classifier reports it (e.g. {@code cpu()}). */
        public Builder device(String value) {
            device = Objects.requireNonNull(value, "device");
            return this;
        }

        public Builder logFolder(Path value) {
            logFolder = Objects.requireNonNull(value, "logFolder");
            return this;
        }

        /** The notices markdown; the copy bundled in the jar when not set. */
        public Builder notices(String markdown) {
            notices = Objects.requireNonNull(markdown, "markdown");
            return this;
        }

        public AboutInfo build() {
            String text = notices != null ? notices : ThirdPartyNotices.bundledText();
            Path file = modelFile != null ? modelFile : org.fingerspell.model.ModelLocator.defaultModel();
            return new AboutInfo(appVersion, runtime, readModel(file), device, logFolder,
                    ThirdPartyNotices.components(text));
        }

        private static Model readModel(Path file) {
            Path absolute = file.toAbsolutePath().normalize();
            ModelDescriptor descriptor;
            try {
                descriptor = ModelDescriptor.forModel(absolute);
            } catch (ModelException e) {
                return new Model(absolute, "", "", "", "", "", List.of(), e.getMessage());
            }
            ModelCard card = readCard(absolute.resolveSibling("MODEL_CARD.md"));
            List<String> metrics = new ArrayList<>();
            if (card != null) {
                card.metrics().forEach(metric -> metrics.add(metric.describe()));
            }
            if (metrics.isEmpty()) {
                metrics.addAll(descriptorMetrics(descriptor.metrics()));
            }
            return new Model(absolute, descriptor.name(), descriptor.version(), descriptor.created(),
                    descriptor.architecture(), card == null ? "" : card.summary(), metrics, "");
        }

        private static ModelCard readCard(Path card) {
            try {
                return Files.isRegularFile(card) ? ModelCard.parse(Files.readString(card, StandardCharsets.UTF_8))
                        : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** {@code massey: accuracy 0.4123, macro_f1 0.3810, n 1815} from the descriptor's metrics map. */
        static List<String> descriptorMetrics(Map<String, Map<String, Object>> metrics) {
            List<String> lines = new ArrayList<>();
            metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(set -> {
                List<String> values = new ArrayList<>();
                set.getValue().forEach((key, value) -> {
                    if (value instanceof Number number) {
                        double d = number.doubleValue();
                        values.add(key + " " + (d == Math.rint(d) && Math.abs(d) > 1 ? String.valueOf((long) d)
                                : String.format(Locale.ROOT, "%.4f", d)));
                    } else if (value instanceof String || value instanceof Boolean) {
                        values.add(key + " " + value);
                    }
                });
                lines.add(set.getKey() + ": " + String.join(", ", values));
            });
            return lines;
        }
    }
}
