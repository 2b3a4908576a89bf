package org.fingerspell.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.fingerspell.dataset.DatasetAssertions.assertConsistent;
import static org.fingerspell.dataset.DatasetAssertions.manifestRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureStoreTest {

    @TempDir
    Path root;

    @Test
    void save_writesImageUnderItsClassAndOneRowWithTheConditions() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        Shot shot = Shots.of("b", 1);
        ManifestRow row = store.save(shot);

        assertEquals("B", row.label());
        assertTrue(row.file().startsWith("B/20261202-060000-sam-"), row.file());
        assertArrayEquals(shot.image(), Files.readAllBytes(root.resolve(row.file())));
        List<ManifestRow> rows = manifestRows(root);
        assertEquals(List.of(row), rows);
        assertEquals("dim", rows.get(0).session().lighting());
        assertEquals("left", rows.get(0).session().handedness());
        assertEquals("test, with \"quotes\"", rows.get(0).session().notes());
        assertEquals(200, rows.get(0).box().side(), 1e-9);
        assertEquals("fingerspell 0.1.0", rows.get(0).model());
        assertFalse(rows.get(0).appVersion().isEmpty());
        assertConsistent(root);
    }

    @Test
    void save_readsBackAsTheClassFolderSetEvalSees() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        store.save(Shots.of("A", 1));
        store.save(Shots.of("del", 2));
        store.save(Shots.of("A", 3));

        ClassFolderSet set = ClassFolderSet.scan(root);
        assertEquals(List.of("A", "A", "del"), set.images().stream().map(LabeledImage::label).toList());
        assertEquals(List.of(), set.ignoredFolders());
    }

    @Test
    void save_nameTaken_neverOverwritesIt() throws IOException {
        Files.createDirectories(root.resolve("A"));
        Path existing = root.resolve("A/20261202-060000-sam-0001.png");
        Files.writeString(existing, "someone else's picture");
        CaptureStore store = CaptureStore.open(root);

        ManifestRow row = store.save(Shots.of("A", 1));

        assertEquals("A/20261202-060000-sam-0002.png", row.file());
        assertEquals("someone else's picture", Files.readString(existing));
    }

    @Test
    void save_diskFullOnAnImage_stopsWithMessageAndKeepsEverythingBefore() throws IOException {
        CaptureStore store = CaptureStore.open(root, new FaultyFileSystem().failImagesAfter(2));
        ManifestRow first = store.save(Shots.of("A", 1));
        ManifestRow second = store.save(Shots.of("B", 2));

        CaptureStoppedException stop = assertThrows(CaptureStoppedException.class, () -> store.save(Shots.of("C", 3)));

        assertTrue(stop.getMessage().startsWith("Capture stopped: the disk is full"), stop.getMessage());
        assertTrue(stop.getMessage().contains("Every image saved before is kept"), stop.getMessage());
        assertEquals(stop.getMessage(), store.stoppedReason().orElseThrow());
        assertThrows(CaptureStoppedException.class, () -> store.save(Shots.of("D", 4)));
        assertEquals(List.of(first, second), manifestRows(root));
        assertArrayEquals(Shots.of("A", 1).image(), Files.readAllBytes(root.resolve(first.file())));
        assertConsistent(root);
    }

    @Test
    void save_manifestAppendFails_takesTheImageBackSoNoOrphanIsLeft() throws IOException {
        FaultyFileSystem disk = new FaultyFileSystem();
        CaptureStore store = CaptureStore.open(root, disk);
        ManifestRow first = store.save(Shots.of("A", 1));
        disk.fail(FaultyFileSystem.Operation.APPEND);

        assertThrows(CaptureStoppedException.class, () -> store.save(Shots.of("A", 2)));

        assertEquals(List.of(first), manifestRows(root));
        assertConsistent(root);
    }

    @Test
    void open_imageWithoutRow_isAdoptedUnderItsFolderAndReported() throws IOException {
        CaptureStore.open(root).save(Shots.of("A", 1));
        Files.createDirectories(root.resolve("M"));
        Files.write(root.resolve("M/orphan.png"), new byte[] {1, 2, 3}, StandardOpenOption.CREATE_NEW);

        CaptureStore reopened = CaptureStore.open(root);

        assertEquals(List.of("M/orphan.png"), reopened.recovery().adopted());
        assertTrue(reopened.recovery().lines().get(0).contains("no manifest row"), reopened.recovery().lines().get(0));
        assertEquals(2, reopened.rows().size());
        assertEquals("M", reopened.rows().get(1).label());
        assertConsistent(root);
        assertTrue(CaptureStore.open(root).recovery().clean(), "adopted once, clean after");
    }

    @Test
    void open_rowWhoseImageIsGone_isReportedAndKept() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        ManifestRow gone = store.save(Shots.of("A", 1));
        ManifestRow kept = store.save(Shots.of("B", 2));
        Files.delete(root.resolve(gone.file()));

        CaptureStore reopened = CaptureStore.open(root);

        assertEquals(List.of(gone.file()), reopened.recovery().missingFiles());
        assertEquals(List.of(kept), reopened.rows());
        assertEquals(2, manifestRows(root).size(), "the row is reported, not dropped");
    }

    @Test
    void open_tornLastLine_isSetAsideAndItsImageAdopted() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        ManifestRow whole = store.save(Shots.of("A", 1));
        Files.createDirectories(root.resolve("B"));
        Files.writeString(root.resolve("B/torn.png"), "bytes");
        Files.writeString(root.resolve(CaptureStore.MANIFEST), "B/torn.png,B,20261202", StandardOpenOption.APPEND);

        CaptureStore reopened = CaptureStore.open(root);

        assertEquals(List.of("B/torn.png"), reopened.recovery().adopted());
        assertEquals(1, reopened.recovery().quarantined().size());
        assertEquals(whole, reopened.rows().get(0));
        assertConsistent(root);
        try (var aside = Files.list(root.resolve(CaptureStore.QUARANTINE))) {
            Path damaged = aside.findFirst().orElseThrow();
            assertEquals("B/torn.png,B,20261202\n", Files.readString(damaged));
        }
    }

    @Test
    void open_leftoverTempFile_isMovedToQuarantineNotLost() throws IOException {
        CaptureStore.open(root).save(Shots.of("A", 1));
        Files.writeString(root.resolve("A/" + StoreFileSystem.TEMP_PREFIX + "x.png"), "half a frame");

        CaptureStore reopened = CaptureStore.open(root);

        assertEquals(List.of("A/" + StoreFileSystem.TEMP_PREFIX + "x.png"), reopened.recovery().quarantined());
        assertEquals("half a frame", Files.readString(root.resolve(CaptureStore.QUARANTINE + "/A_.tmp-x.png")));
        assertConsistent(root);
    }

    @Test
    void delete_movesImageToDeletedAndRestoreBringsItBack() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        ManifestRow keep = store.save(Shots.of("A", 1));
        ManifestRow drop = store.save(Shots.of("A", 2));

        ManifestRow trashed = store.delete(drop);

        assertEquals(List.of(keep), manifestRows(root));
        assertFalse(Files.exists(root.resolve(drop.file())));
        assertArrayEquals(Shots.of("A", 2).image(), Files.readAllBytes(root.resolve(trashed.file())));
        assertEquals(List.of(trashed), store.deleted());
        assertConsistent(root);

        ManifestRow restored = store.restore(trashed);

        assertEquals(drop.file(), restored.file());
        assertEquals(List.of(keep, restored), manifestRows(root));
        assertEquals(List.of(), store.deleted());
        assertConsistent(root);
    }

    @Test
    void relabel_movesTheFileAndRewritesItsRow() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        ManifestRow wrong = store.save(Shots.of("M", 1));
        ManifestRow other = store.save(Shots.of("A", 2));

        ManifestRow right = store.relabel(wrong, "n");

        assertEquals("N", right.label());
        assertEquals("N/" + Path.of(wrong.file()).getFileName(), right.file());
        assertEquals(List.of(right, other), manifestRows(root));
        assertEquals(wrong.session(), right.session());
        assertConsistent(root);
        assertEquals(List.of(right, other), CaptureStore.open(root).rows());
    }

    @Test
    void relabel_manifestRewriteFails_putsTheFileBack() throws IOException {
        FaultyFileSystem disk = new FaultyFileSystem();
        CaptureStore store = CaptureStore.open(root, disk);
        ManifestRow row = store.save(Shots.of("M", 1));
        disk.fail(FaultyFileSystem.Operation.REPLACE);

        assertThrows(IOException.class, () -> store.relabel(row, "N"));

        assertEquals(List.of(row), manifestRows(root));
        assertEquals(List.of(row), store.rows());
        assertConsistent(root);
    }

    @Test
    void manifest_isAppendedPerImage_soEachRowIsOnDiskWhenSaveReturns() throws IOException {
        CaptureStore store = CaptureStore.open(root);
        for (int i = 1; i <= 3; i++) {
            store.save(Shots.of("A", i));
            assertEquals(i, manifestRows(root).size());
        }
        List<String> lines = Files.readAllLines(root.resolve(CaptureStore.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(ManifestFormat.HEADER, lines.get(0));
    }
}
