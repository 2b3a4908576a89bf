package org.fingerspell.dataset;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.fingerspell.dataset.DatasetAssertions.assertConsistent;
import static org.fingerspell.dataset.DatasetAssertions.manifestRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store on disks that really fail: a tmpfs that fills up, a folder that becomes read-only mid-capture. */
class CaptureStoreDiskTest {

    @TempDir
    Path temp;

    @Test
    void save_tinyDiskFillsUp_stopsWithTheMessageAndEveryEarlierImageAndRowIsIntact() throws Exception {
        Optional<TestDisks.Tmpfs> mounted = TestDisks.tmpfs(temp.resolve("disk"), 256);
        Assumptions.assumeTrue(mounted.isPresent(), "needs a tmpfs (root and mount): " + TestDisks.CANNOT);
        try (TestDisks.Tmpfs disk = mounted.get()) {
            Path root = disk.dir().resolve("set");
            CaptureStore store = CaptureStore.open(root);
            List<ManifestRow> saved = new ArrayList<>();
            CaptureStoppedException stop = null;
            for (int i = 0; i < 200 && stop == null; i++) {
                try {
                    saved.add(store.save(Shots.sized(i % 2 == 0 ? "A" : "B", i, 20_000)));
                } catch (CaptureStoppedException e) {
                    stop = e;
                }
            }

            assertTrue(stop != null, "256 KiB should fill up before 200 × 20 kB");
            assertTrue(stop.getMessage().contains("the disk is full"), stop.getMessage());
            assertTrue(saved.size() >= 3, "saved before it filled: " + saved.size());
            assertEquals(saved, manifestRows(root));
            for (int i = 0; i < saved.size(); i++) {
                assertArrayEquals(Shots.sized("A", i, 20_000).image(), Files.readAllBytes(root.resolve(saved.get(i).file())));
            }
            assertConsistent(root);
            CaptureStore reopened = CaptureStore.open(root);
            assertTrue(reopened.recovery().clean(), reopened.recovery().lines().toString());
            assertEquals(saved, reopened.rows());
        }
    }

    @Test
    void save_folderBecomesReadOnly_stopsWithTheMessageAndEveryEarlierImageAndRowIsIntact() throws Exception {
        Optional<TestDisks.Tmpfs> mounted = TestDisks.isRoot() ? TestDisks.tmpfs(temp.resolve("disk"), 1024)
                : Optional.empty();
        Assumptions.assumeTrue(mounted.isPresent() || !TestDisks.isRoot(), TestDisks.CANNOT);
        Path root = mounted.map(disk -> disk.dir().resolve("set")).orElse(temp.resolve("set"));
        try {
            CaptureStore store = CaptureStore.open(root);
            ManifestRow first = store.save(Shots.of("A", 1));
            ManifestRow second = store.save(Shots.of("B", 2));
            Optional<AutoCloseable> readOnly = TestDisks.makeReadOnly(root, mounted.orElse(null));
            Assumptions.assumeTrue(readOnly.isPresent(), TestDisks.CANNOT);
            try (AutoCloseable restore = readOnly.get()) {
                CaptureStoppedException stop = assertThrows(CaptureStoppedException.class,
                        () -> store.save(Shots.of("C", 3)));
                assertTrue(stop.getMessage().contains("cannot be written"), stop.getMessage());
                assertEquals(List.of(first, second), manifestRows(root));
            }
            assertConsistent(root);
            assertArrayEquals(Shots.of("B", 2).image(), Files.readAllBytes(root.resolve(second.file())));
        } finally {
            if (mounted.isPresent()) {
                mounted.get().close();
            }
        }
    }
}
