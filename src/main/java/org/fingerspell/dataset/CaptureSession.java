package org.fingerspell.dataset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Who took a capture session and where: the conditions every image of the session is filed under.
 *
 * @param id         unique per session and safe in file names, e.g. {@code 20261202-0625-sam}
 * @param signer     the signer's alias (never a real name the person did not choose to give)
 * @param handedness which hand signs: {@code right} or {@code left}
 * @param lighting   one of {@link Conditions#LIGHTING} or the person's own word
 * @param background one of {@link Conditions#BACKGROUND} or the person's own word
 * @param camera     which camera or phone
 * @param notes      free text
 */
public record CaptureSession(String id, String signer, String handedness, String lighting, String background,
                             String camera, String notes) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public CaptureSession {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("session id must be letters, digits, '.', '_' or '-': " + id);
        }
        signer = clean(signer);
        handedness = clean(handedness);
        lighting = clean(lighting);
        background = clean(background);
        camera = clean(camera);
        notes = clean(notes);
    }

    /** A new session started {@code now}, its id made from the time and the signer's alias. */
    public static CaptureSession start(Instant now, String signer, String handedness, String lighting,
                                       String background, String camera, String notes) {
        String alias = clean(signer).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String id = ID_TIME.format(now) + (alias.isEmpty() ? "" : "-" + alias);
        return new CaptureSession(id, signer, handedness, lighting, background, camera, notes);
    }

    /** The value this session has for {@code condition}. */
    public String value(Conditions.Dimension condition) {
        return switch (condition) {
            case LIGHTING -> lighting;
            case BACKGROUND -> background;
            case HANDEDNESS -> handedness;
            case SIGNER -> signer;
        };
    }

    private static String clean(String value) {
        // One line per manifest row: line breaks in a note would only be escaped, so fold them at the source.
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").trim();
    }
}
