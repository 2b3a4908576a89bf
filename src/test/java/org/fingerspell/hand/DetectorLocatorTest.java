package org.fingerspell.hand;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectorLocatorTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty("fingerspell.detector");
    }

    @Test
    void find_systemPropertyNamingAFile_winsOverEverythingElse() throws Exception {
        Path model = Files.writeString(dir.resolve("palm.tflite"), "x");
        System.setProperty("fingerspell.detector", model.toString());
        assertEquals(model, DetectorLocator.find().orElseThrow());
    }

    @Test
    void candidates_includeTheUserCache() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "fingerspell", DetectorLocator.FILE_NAME);
        assertTrue(DetectorLocator.candidates().contains(cache));
    }

    @Test
    void candidates_propertyComesFirst() {
        System.setProperty("fingerspell.detector", dir.resolve("missing.tflite").toString());
        List<Path> candidates = DetectorLocator.candidates();
        assertEquals(dir.resolve("missing.tflite"), candidates.get(0));
    }
}
