package org.fingerspell.eval;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.fingerspell.AppInfo;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Score;
import org.fingerspell.video.ThreadLog;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation report folder: {@code metrics.json}, {@code per_class.csv}, {@code confusion.csv},
 * {@code predictions.csv}, {@code confusion.png}, {@code report.html} and {@code thumbs/} (small JPEGs of the
 * misclassified images that the HTML links to).
 */
public final class ReportWriter {

    public static final int DEFAULT_MAX_THUMBNAILS = 400;
    static final int THUMBNAIL_SIDE = 112;
    static final String THUMBS = "thumbs";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private final ImageLoader loader;
    private final int maxThumbnails;
    private final ConfusionHeatmap heatmap = new ConfusionHeatmap();

    public ReportWriter(ImageLoader loader) {
        this(loader, DEFAULT_MAX_THUMBNAILS);
    }

    /** {@code loader} decodes the misclassified images for thumbnails; {@code maxThumbnails} caps how many. */
    public ReportWriter(ImageLoader loader, int maxThumbnails) {
        this.loader = loader;
        this.maxThumbnails = maxThumbnails;
    }

    /** Writes every report file into {@code dir} (created if needed) and returns the path of {@code report.html}. */
    public Path write(EvaluationResult result, Path dir) throws IOException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        Files.createDirectories(dir);
        Metrics metrics = result.metrics();
        writeJson(result, metrics, dir.resolve("metrics.json"));
        writeString(dir.resolve("per_class.csv"), perClassCsv(metrics));
        writeString(dir.resolve("confusion.csv"), confusionCsv(metrics.confusion()));
        writeString(dir.resolve("predictions.csv"), predictionsCsv(result));
        heatmap.write(metrics.confusion(), heatmapTitle(result, metrics), dir.resolve("confusion.png"));
        Map<ImageRecord, String> thumbnails = writeThumbnails(result.misclassified(), dir);
        Path html = dir.resolve("report.html");
        writeString(html, new HtmlReport(result, metrics, thumbnails).render());
        return html;
    }

    static String heatmapTitle(EvaluationResult result, Metrics metrics) {
        Path name = result.dataset().getFileName();
        return String.format(Locale.ROOT, "%s: accuracy %s, macro-F1 %s (n = %d)",
                name == null ? result.dataset() : name, Formats.fraction(metrics.accuracy()),
                Formats.fraction(metrics.macroF1()), metrics.n());
    }

    private static void writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // ---- metrics.json

    void writeJson(EvaluationResult result, Metrics metrics, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(jsonTree(result, metrics), writer);
        }
    }

    static Map<String, Object> jsonTree(EvaluationResult result, Metrics metrics) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("n", metrics.n());
        root.put("accuracy", number(metrics.accuracy()));
        root.put("macro_f1", number(metrics.macroF1()));
        root.put("macro_f1_scope", "mean F1 over the classes present in the set (classes_scored); "
                + "classes_absent are not scored");
        root.put("correct", metrics.correct());
        root.put("classes_scored", metrics.classesPresent());
        root.put("classes_absent", metrics.classesAbsent());
        root.put("classes_selected", result.scoredClasses());
        root.put("classes_never_predicted", metrics.classesNeverPredicted());
        root.put("other_predictions", metrics.otherPredictions());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImageRecord record : result.errors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", record.file().toString());
            error.put("true_label", record.trueLabel());
            error.put("error", record.error());
            errors.add(error);
        }
        root.put("errors", errors);
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (ClassMetrics c : metrics.perClass()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", c.label());
            entry.put("support", c.support());
            entry.put("predicted", c.predicted());
            entry.put("correct", c.truePositives());
            entry.put("precision", number(c.precision()));
            entry.put("recall", number(c.recall()));
            entry.put("f1", number(c.f1()));
            entry.put("present", c.present());
            entry.put("note", note(c));
            perClass.add(entry);
        }
        root.put("per_class", perClass);
        ConfusionMatrix confusion = metrics.confusion();
        Map<String, Object> matrix = new LinkedHashMap<>();
        matrix.put("rows", "true class");
        matrix.put("columns", "predicted class; the last, \"other\", holds predictions outside the scored classes");
        matrix.put("labels", confusion.labels());
        List<String> columns = new ArrayList<>(confusion.labels());
        columns.add(ConfusionMatrix.OTHER);
        matrix.put("column_labels", columns);
        List<long[]> counts = new ArrayList<>();
        for (int r = 0; r < confusion.size(); r++) {
            long[] row = new long[confusion.size() + 1];
            for (int c = 0; c <= confusion.size(); c++) {
                row[c] = confusion.count(r, c);
            }
            counts.add(row);
        }
        matrix.put("counts", counts);
        root.put("confusion", matrix);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (ConfusedPair pair : metrics.topConfusions(20)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("true_label", pair.trueLabel());
            entry.put("predicted", pair.predicted());
            entry.put("count", pair.count());
            entry.put("fraction_of_true", pair.fractionOfTrue());
            pairs.add(entry);
        }
        root.put("top_confusions", pairs);
        Map<String, Object> model = new LinkedHashMap<>();
        if (result.model() != null) {
            model.put("name", result.model().name());
            model.put("version", result.model().version());
            model.put("architecture", result.model().architecture());
            model.put("file", result.model().file());
            model.put("descriptor_sha256", result.model().descriptorSha256());
            model.put("data_fingerprint", result.model().dataFingerprint());
        }
        root.put("model", model);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("path", result.dataset().toAbsolutePath().normalize().toString());
        dataset.put("images_read", result.records().size());
        dataset.put("images_not_scored", result.excludedImages());
        dataset.put("classes_not_scored", result.excludedClasses());
        dataset.put("ignored_folders", result.ignoredFolders());
        root.put("dataset", dataset);
        root.put("cancelled", result.cancelled());
        root.put("date", DateTimeFormatter.ISO_INSTANT.format(result.date()));
        root.put("app_version", AppInfo.version());
        return root;
    }

    static String note(ClassMetrics c) {
        if (!c.present()) {
            return "absent from the set: not scored";
        }
        if (c.noPredictions()) {
            return "never predicted: precision 0 by convention";
        }
        return "";
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }

    // ---- CSV files

    static String perClassCsv(Metrics metrics) {
        StringBuilder csv = new StringBuilder("label,support,predicted,correct,precision,recall,f1,note\n");
        for (ClassMetrics c : metrics.perClass()) {
            csv.append(Formats.csv(c.label())).append(',').append(c.support()).append(',').append(c.predicted())
                    .append(',').append(c.truePositives()).append(',').append(Formats.csvNumber(c.precision()))
                    .append(',').append(Formats.csvNumber(c.recall())).append(',')
                    .append(Formats.csvNumber(c.f1())).append(',').append(Formats.csv(note(c))).append('\n');
        }
        return csv.toString();
    }

    static String confusionCsv(ConfusionMatrix confusion) {
        StringBuilder csv = new StringBuilder("true\\predicted");
        for (String label : confusion.labels()) {
            csv.append(',').append(Formats.csv(label));
        }
        csv.append(',').append(ConfusionMatrix.OTHER).append('\n');
        for (int r = 0; r < confusion.size(); r++) {
            csv.append(Formats.csv(confusion.labels().get(r)));
            for (int c = 0; c <= confusion.size(); c++) {
                csv.append(',').append(confusion.count(r, c));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String predictionsCsv(EvaluationResult result) {
        StringBuilder csv = new StringBuilder(
                "file,true_label,predicted,confidence,correct,top3,hand_found,hand_source,error\n");
        for (ImageRecord r : result.records()) {
            StringBuilder top = new StringBuilder();
            for (Score score : r.top()) {
                if (top.length() > 0) {
                    top.append(' ');
                }
                top.append(score.label()).append(String.format(Locale.ROOT, ":%.4f", score.probability()));
            }
            csv.append(Formats.csv(r.file().toString())).append(',').append(Formats.csv(r.trueLabel())).append(',')
                    .append(Formats.csv(r.predicted())).append(',').append(Formats.csvNumber(r.confidence()))
                    .append(',').append(r.isError() ? "" : Boolean.toString(!r.isMisclassified())).append(',')
                    .append(Formats.csv(top.toString())).append(',')
                    .append(r.isError() ? "" : Boolean.toString(r.handFound())).append(',')
                    .append(Formats.csv(r.handSource())).append(',').append(Formats.csv(r.error())).append('\n');
        }
        return csv.toString();
    }

    // ---- thumbnails

    /** Writes up to {@code maxThumbnails} JPEGs under {@code thumbs/}; returns each record's relative path. */
    private Map<ImageRecord, String> writeThumbnails(List<ImageRecord> misclassified, Path dir) throws IOException {
        Map<ImageRecord, String> written = new LinkedHashMap<>();
        if (loader == null || misclassified.isEmpty() || maxThumbnails <= 0) {
            return written;
        }
        Path thumbs = dir.resolve(THUMBS);
        Files.createDirectories(thumbs);
        int index = 0;
        for (ImageRecord record : HtmlReport.selectForThumbnails(misclassified, maxThumbnails)) {
            index++;
            String name = String.format(Locale.ROOT, "%04d_%s_as_%s.jpg", index, record.trueLabel(),
                    record.predicted());
            try {
                writeThumbnail(record.file(), thumbs.resolve(name));
                written.put(record, THUMBS + "/" + name);
            } catch (ImageLoadException e) {
                // The image was readable during evaluation; if it changed since, the report shows no picture.
                written.put(record, null);
            }
        }
        return written;
    }

    private void writeThumbnail(Path source, Path target) throws ImageLoadException, IOException {
        writeJpeg(Thumbnails.load(loader, source, THUMBNAIL_SIDE), target);
    }

    private static void writeJpeg(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
