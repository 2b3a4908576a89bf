package org.fingerspell.dataset;

import org.fingerspell.hand.CropRegion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code manifest.csv}: one header line, then one RFC 4180 line per image. Every field is on one line (notes
 * are folded when a session is made), so a torn last line is the only damage a crash can do.
 */
public final class ManifestFormat {

    public static final List<String> COLUMNS = List.of("file", "label", "session", "signer", "handedness",
            "lighting", "background", "camera", "notes", "box_x", "box_y", "box_side", "box_rotation", "time",
            "app_version", "model", "near_duplicate");
    public static final String HEADER = String.join(",", COLUMNS);

    private ManifestFormat() {
    }

    public static String format(ManifestRow row) {
        CaptureSession s = row.session();
        CropRegion box = row.box();
        List<String> fields = List.of(row.file(), row.label(), s.id(), s.signer(), s.handedness(), s.lighting(),
                s.background(), s.camera(), s.notes(),
                box == null ? "" : number(box.centerX()), box == null ? "" : number(box.centerY()),
                box == null ? "" : number(box.side()), box == null ? "" : number(box.rotationDegrees()),
                row.time().toString(), row.appVersion(), row.model(), Boolean.toString(row.nearDuplicate()));
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(quote(field));
        }
        return line.toString();
    }

    /**
     * Parses one data line.
     *
     * @throws IllegalArgumentException when the line is not a complete row (a torn write, a hand edit gone wrong)
     */
    public static ManifestRow parse(String line) {
        List<String> f = split(line);
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, found " + f.size());
        }
        try {
            CaptureSession session = new CaptureSession(f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                    f.get(8));
            CropRegion box = f.get(9).isEmpty() ? null : new CropRegion(Double.parseDouble(f.get(9)),
                    Double.parseDouble(f.get(10)), Double.parseDouble(f.get(11)), Double.parseDouble(f.get(12)));
            String nearDuplicate = f.get(16);
            if (!nearDuplicate.equals("true") && !nearDuplicate.equals("false")) {
                throw new IllegalArgumentException("near_duplicate must be true or false: " + nearDuplicate);
            }
            return new ManifestRow(f.get(0), f.get(1), session, box, Instant.parse(f.get(13)), f.get(14), f.get(15),
                    Boolean.parseBoolean(nearDuplicate));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
