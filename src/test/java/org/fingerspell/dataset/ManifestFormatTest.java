package org.fingerspell.dataset;

import org.fingerspell.hand.CropRegion;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManifestFormatTest {

    private static final CaptureSession SESSION = new CaptureSession("s1", "a, \"b\"", "right", "dim", "plain",
            "cam", "line one\nline two");

    @Test
    void formatThenParse_returnsTheSameRow() {
        ManifestRow row = new ManifestRow("A/x.png", "A", SESSION, new CropRegion(10.5, 20, 30.25, -12),
                Instant.parse("2026-12-02T06:30:00.123Z"), "0.1.0", "fingerspell 0.1.0", true);

        ManifestRow parsed = ManifestFormat.parse(ManifestFormat.format(row));

        assertEquals("line one line two", SESSION.notes(), "notes are folded onto one line");
        assertEquals(row.file(), parsed.file());
        assertEquals(row.session(), parsed.session());
        assertEquals(row.time(), parsed.time());
        assertEquals(10.5, parsed.box().centerX(), 1e-9);
        assertEquals(30.3, parsed.box().side(), 1e-9, "one decimal is kept");
        assertEquals(true, parsed.nearDuplicate());
    }

    @Test
    void parse_rowWithoutBox_hasNullBox() {
        ManifestRow row = new ManifestRow("nothing/x.png", "nothing", SESSION, null, Instant.EPOCH, "", "", false);

        assertNull(ManifestFormat.parse(ManifestFormat.format(row)).box());
    }

    @Test
    void parse_tornLine_isRejected() {
        String whole = ManifestFormat.format(new ManifestRow("A/x.png", "A", SESSION, null, Instant.EPOCH, "", "",
                false));

        assertThrows(IllegalArgumentException.class, () -> ManifestFormat.parse(whole.substring(0, whole.length() / 2)));
        assertThrows(IllegalArgumentException.class, () -> ManifestFormat.parse(whole.substring(0, whole.length() - 2)));
    }

    @Test
    void header_namesEveryColumnOnce() {
        assertEquals(17, ManifestFormat.COLUMNS.stream().distinct().count());
        assertEquals(ManifestFormat.COLUMNS, ManifestFormat.split(ManifestFormat.HEADER));
    }
}
