package org.fingerspell.dataset;

import org.fingerspell.hand.SigningHand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestConditionsTest {

    @TempDir
    Path root;

    private ManifestConditions write(String text) throws IOException {
        Files.writeString(root.resolve(ManifestConditions.FILE_NAME), text);
        return ManifestConditions.read(root).orElseThrow();
    }

    @Test
    void read_emptyOptional_noManifest() throws IOException {
        assertEquals(Optional.empty(), ManifestConditions.read(root));
    }

    @Test
    void read_conditionColumnsInKnownOrder_anyColumnOrderAndCase() throws IOException {
        ManifestConditions manifest = write("Camera,file,Label,lighting,session,signer\n"
                + "webcam,A/1.png,A,dim,s1,ana\n");
        assertEquals(List.of("signer", "lighting", "camera"), manifest.conditions());
        assertEquals(Map.of("signer", "ana", "lighting", "dim", "camera", "webcam"),
                manifest.of(root.resolve("A/1.png")));
    }

    @Test
    void values_distinctSortedNonEmpty_severalRows() throws IOException {
        ManifestConditions manifest = write("file,label,lighting\nA/1.png,A,dim\nA/2.png,A,bright\n"
                + "B/1.png,B,dim\nB/2.png,B,\n");
        assertEquals(List.of("bright", "dim"), manifest.values("lighting"));
        assertEquals(List.of(), manifest.values("signer"));
    }

    @Test
    void signingHand_asRecorded_elseTheFallback() throws IOException {
        ManifestConditions manifest = write("file,label,handedness\nA/1.png,A,left\nA/2.png,A,right\n"
                + "A/3.png,A,\nA/4.png,A,both\n");
        assertEquals(SigningHand.LEFT, manifest.signingHand(root.resolve("A/1.png"), SigningHand.RIGHT));
        assertEquals(SigningHand.RIGHT, manifest.signingHand(root.resolve("A/2.png"), SigningHand.LEFT));
        assertEquals(SigningHand.LEFT, manifest.signingHand(root.resolve("A/3.png"), SigningHand.LEFT), "empty cell");
        assertEquals(SigningHand.RIGHT, manifest.signingHand(root.resolve("A/4.png"), SigningHand.RIGHT), "unknown");
        assertEquals(SigningHand.LEFT, manifest.signingHand(root.resolve("B/9.png"), SigningHand.LEFT), "not listed");
    }

    @Test
    void matches_onlyImagesWithEveryChosenValue_twoConditions() throws IOException {
        ManifestConditions manifest = write("file,label,lighting,background\nA/1.png,A,dim,plain\n"
                + "A/2.png,A,dim,busy\nB/1.png,B,bright,plain\n");
        Map<String, String> dimPlain = Map.of("lighting", "dim", "background", "plain");
        assertTrue(manifest.matches(root.resolve("A/1.png"), dimPlain));
        assertFalse(manifest.matches(root.resolve("A/2.png"), dimPlain));
        assertFalse(manifest.matches(root.resolve("B/1.png"), dimPlain));
        assertTrue(manifest.matches(root.resolve("B/1.png"), Map.of()));
    }

    @Test
    void matches_falseForChosenValue_imageNotInManifest() throws IOException {
        ManifestConditions manifest = write("file,lighting\nA/1.png,dim\n");
        assertFalse(manifest.matches(root.resolve("A/9.png"), Map.of("lighting", "dim")));
        assertTrue(manifest.matches(root.resolve("A/9.png"), Map.of()));
    }

    @Test
    void of_sameFile_relativeAndDottedPaths() throws IOException {
        ManifestConditions manifest = write("file,lighting\n./A/sub/../1.png,dim\n");
        assertEquals("dim", manifest.of(root.resolve("A").resolve("1.png")).get("lighting"));
    }

    @Test
    void read_quotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        ManifestConditions manifest = write("file,notes,lighting\r\n\"A/a,b.png\",\"said \"\"hi\"\"\nthen left\",dim\r\n"
                + "B/1.png,plain,bright\r\n");
        assertEquals("dim", manifest.of(root.resolve("A/a,b.png")).get("lighting"));
        assertEquals("bright", manifest.of(root.resolve("B/1.png")).get("lighting"));
        assertEquals(2, manifest.size());
    }

    @Test
    void read_lastRowWins_fileListedTwice() throws IOException {
        ManifestConditions manifest = write("file,lighting\nA/1.png,dim\nA/1.png,bright\n");
        assertEquals("bright", manifest.of(root.resolve("A/1.png")).get("lighting"));
    }

    @Test
    void read_byteOrderMarkIgnored() throws IOException {
        ManifestConditions manifest = write("\uFEFFfile,lighting\nA/1.png,dim\n");
        assertEquals(List.of("lighting"), manifest.conditions());
    }

    @Test
    void read_throwsNamingFile_noFileColumn() throws IOException {
        Files.writeString(root.resolve(ManifestConditions.FILE_NAME), "path,lighting\nA/1.png,dim\n");
        IOException e = assertThrows(IOException.class, () -> ManifestConditions.read(root));
        assertTrue(e.getMessage().contains("no 'file' column"), e.getMessage());
        assertTrue(e.getMessage().contains(ManifestConditions.FILE_NAME), e.getMessage());
    }

    @Test
    void read_dropsTornLastRow_unclosedQuote() throws IOException {
        ManifestConditions manifest = write("file,notes,lighting\nA/1.png,x,dim\nA/2.png,\"half a no");
        assertTrue(manifest.tornLastRow());
        assertEquals(1, manifest.size());
        assertEquals("dim", manifest.of(root.resolve("A/1.png")).get("lighting"));
    }

    @Test
    void read_dropsTornLastRow_fewerFieldsAndNoLineBreak() throws IOException {
        ManifestConditions manifest = write("file,lighting,camera\nA/1.png,dim,webcam\nA/2.png,di");
        assertTrue(manifest.tornLastRow());
        assertEquals(Map.of(), manifest.of(root.resolve("A/2.png")));
        assertEquals(List.of("dim"), manifest.values("lighting"));
    }

    @Test
    void read_keepsCompleteLastRow_noFinalLineBreak() throws IOException {
        ManifestConditions manifest = write("file,lighting\nA/1.png,dim\nA/2.png,bright");
        assertFalse(manifest.tornLastRow());
        assertEquals("bright", manifest.of(root.resolve("A/2.png")).get("lighting"));
    }

    @Test
    void read_keepsShortRowWithEmptyValues_lineBreakAfterIt() throws IOException {
        ManifestConditions manifest = write("file,lighting,camera\nA/1.png,dim\n");
        assertFalse(manifest.tornLastRow());
        assertEquals(Map.of("lighting", "dim", "camera", ""), manifest.of(root.resolve("A/1.png")));
    }

    @Test
    void read_throws_emptyFile() throws IOException {
        Files.writeString(root.resolve(ManifestConditions.FILE_NAME), "");
        assertThrows(IOException.class, () -> ManifestConditions.read(root));
    }

    @Test
    void read_allFiveConditions_captureModeColumns() throws IOException {
        ManifestConditions manifest = write("file,label,session,signer,handedness,lighting,background,camera,notes,"
                + "box_x,box_y,box_side,box_rotation,time,app_version,model,near_duplicate\n"
                + "B/0001.png,B,s-1,ana,left,dim,\"plain, white\",webcam-0,\"first \"\"try\"\"\",320.0,240.0,"
                + "200.0,0.0,2026-12-02T06:00:00Z,0.1.0,fingerspell 0.1.0,false\n");
        assertEquals(ManifestConditions.CONDITIONS, manifest.conditions());
        assertEquals(Map.of("signer", "ana", "handedness", "left", "lighting", "dim", "background", "plain, white",
                "camera", "webcam-0"), manifest.of(root.resolve("B/0001.png")));
    }

    @Test
    void read_conditionsOfEachRow_manifestWrittenByCaptureFormat() throws IOException {
        CaptureSession dim = new CaptureSession("s1", "Ana, 2nd try", "left", "dim", "plain \"white\" wall",
                "webcam 0", "notes, with a comma");
        CaptureSession bright = new CaptureSession("s2", "ben", "right", "bright", "busy", "phone", "");
        String text = ManifestFormat.HEADER + "\n"
                + ManifestFormat.format(new ManifestRow("A/0001.png", "A", dim, null,
                java.time.Instant.parse("2026-12-02T06:00:00Z"), "0.1.0", "fingerspell 0.1.0", false)) + "\n"
                + ManifestFormat.format(new ManifestRow("B/0001.png", "B", bright,
                new org.fingerspell.hand.CropRegion(320, 240, 200, 0), java.time.Instant.parse("2026-12-02T06:01:00Z"),
                "0.1.0", "fingerspell 0.1.0", true)) + "\n";
        ManifestConditions manifest = write(text);
        assertEquals(ManifestConditions.CONDITIONS, manifest.conditions());
        assertEquals(Map.of("signer", "Ana, 2nd try", "handedness", "left", "lighting", "dim",
                "background", "plain \"white\" wall", "camera", "webcam 0"), manifest.of(root.resolve("A/0001.png")));
        assertTrue(manifest.matches(root.resolve("B/0001.png"), Map.of("lighting", "bright", "signer", "ben")));
        assertFalse(manifest.tornLastRow());
    }
}
