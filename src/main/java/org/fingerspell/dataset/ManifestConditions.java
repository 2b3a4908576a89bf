package org.fingerspell.dataset;

import org.fingerspell.hand.SigningHand;
import org.fingerspell.video.ThreadLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The capture conditions of each image of a set, read from the {@code manifest.csv} in the set's root folder, so an
 * evaluation can be narrowed to, say, {@code lighting=dim}.
 *
 * <p>Format: UTF-8 CSV (RFC 4180: fields with commas, quotes or line breaks in double quotes, a quote doubled inside
 * them), a header row naming the columns, in any order and matched case-insensitively. {@code file} is required: the
 * image's path relative to the set's root, with {@code /} (or the platform's) separators, e.g. {@code A/0001.png}.
 * The condition columns read are {@link #CONDITIONS}, each optional; every other column ({@code label}, session, box,
 * time, versions, notes...) is ignored here: the true class always comes from the class folder, as in
 * {@code fingerspell eval}. A file listed twice takes its last row (a later row corrects an earlier one). A last row
 * cut short by an interrupted write (no line break after it and fewer fields than the header, or a quote never
 * closed) is left out and reported by {@link #tornLastRow()}, since its last value may be cut too.
 */
public final class ManifestConditions {

    public static final String FILE_NAME = "manifest.csv";
    public static final String FILE_COLUMN = "file";
    public static final List<String> CONDITIONS = List.of("signer", "handedness", "lighting", "background", "camera");

    private final Path root;
    private final List<String> conditions;
    private final Map<Path, Map<String, String>> byFile;

    private final boolean tornLastRow;

    private ManifestConditions(Path root, List<String> conditions, Map<Path, Map<String, String>> byFile,
                               boolean tornLastRow) {
        this.root = root;
        this.conditions = conditions;
        this.byFile = byFile;
        this.tornLastRow = tornLastRow;
    }

    /** The manifest of the set at {@code root}, or empty when it has none. */
    public static Optional<ManifestConditions> read(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(parse(root, Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    }

    /** Parses manifest text; {@code source} names it in error messages. */
    static ManifestConditions parse(Path root, String text, String source) throws IOException {
        CsvText csv = CsvText.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<List<String>> rows = csv.rows();
        if (rows.isEmpty()) {
            throw new IOException(source + ": the manifest is empty (expected a header row with a 'file' column)");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Integer fileColumn = columns.get(FILE_COLUMN);
        if (fileColumn == null) {
            throw new IOException(source + ": the manifest's header has no 'file' column (it has " + header + ")");
        }
        boolean torn = rows.size() > 1 && (csv.unclosedQuote()
                || (csv.lastRowUnterminated() && rows.get(rows.size() - 1).size() < header.size()));
        if (torn) {
            rows = rows.subList(0, rows.size() - 1);
        }
        List<String> present = CONDITIONS.stream().filter(columns::containsKey).toList();
        Path base = root.toAbsolutePath().normalize();
        Map<Path, Map<String, String>> byFile = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String name = cell(row, fileColumn);
            if (name.isEmpty()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String condition : present) {
                values.put(condition, cell(row, columns.get(condition)));
            }
            byFile.put(key(base, name), Collections.unmodifiableMap(values));
        }
        return new ManifestConditions(base, present, byFile, torn);
    }

    private static Path key(Path base, String relative) {
        return base.resolve(relative.replace('\\', '/')).normalize();
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column).trim() : "";
    }

    /** The condition columns this manifest has, in {@link #CONDITIONS} order. */
    public List<String> conditions() {
        return conditions;
    }

    /** The distinct non-empty values of {@code condition}, sorted. */
    public List<String> values(String condition) {
        TreeSet<String> values = new TreeSet<>();
        for (Map<String, String> row : byFile.values()) {
            String value = row.get(condition);
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** The conditions recorded for {@code image} (empty when the manifest does not list it). */
    public Map<String, String> of(Path image) {
        return byFile.getOrDefault(image.toAbsolutePath().normalize(), Map.of());
    }

    /**
     * The hand that signs in {@code image} as its {@code handedness} cell says ({@code right} or {@code left}, as
     * capture writes it), or {@code fallback} where the manifest does not list the image or names no hand it knows.
     */
    public SigningHand signingHand(Path image, SigningHand fallback) {
        String recorded = of(image).get("handedness");
        for (SigningHand hand : SigningHand.values()) {
            if (hand.toString().equalsIgnoreCase(recorded)) {
                return hand;
            }
        }
        return fallback;
    }

    /**
     * True when {@code image} has every chosen value; a condition left out of {@code chosen} matches anything.
     * An image the manifest does not list matches only the empty choice.
     */
    public boolean matches(Path image, Map<String, String> chosen) {
        Map<String, String> recorded = of(image);
        for (Map.Entry<String, String> choice : chosen.entrySet()) {
            if (!choice.getValue().equals(recorded.get(choice.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Images listed, for messages ("manifest lists 58 images"). */
    public int size() {
        return byFile.size();
    }

    public Path root() {
        return root;
    }

    /** The file ended inside a row (a write interrupted by a crash): that row was left out. */
    public boolean tornLastRow() {
        return tornLastRow;
    }

    /**
     * A small RFC 4180 reader (the manifest may hold free-text notes with commas and quotes), which also says how
     * the text ended, so a torn last row can be told from a complete one.
     */
    record CsvText(List<List<String>> rows, boolean unclosedQuote, boolean lastRowUnterminated) {

        static CsvText parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean started = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                    started = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    started = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    endRow(rows, row, field, started);
                    row = new ArrayList<>();
                    started = false;
                } else {
                    field.append(c);
                    started = true;
                }
            }
            boolean unterminated = started || field.length() > 0 || !row.isEmpty();
            if (quoted) {
                endRow(rows, row, field, true);
                return new CsvText(rows, true, true);
            }
            endRow(rows, row, field, started);
            return new CsvText(rows, false, unterminated);
        }

        private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean started) {
            if (started || field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            field.setLength(0);
        }
    }
}
