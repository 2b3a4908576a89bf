package org.fingerspell.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsStoreTest {

    @Test
    void load_missingFile_givesDefaults(@TempDir Path dir) {
        assertEquals(AppSettings.DEFAULTS, new SettingsStore(dir.resolve("settings.json")).load());
    }

    @Test
    void save_thenLoad_roundTrips(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sub/settings.json"));
        AppSettings changed = AppSettings.DEFAULTS.withCameraIndex(2).withResolution("1280x720").withMirror(false)
                .withTheme(AppSettings.Theme.DARK)
                .withSpelling(AppSettings.DEFAULTS.spelling().withThreshold(0.8).withHoldMillis(900));
        store.save(changed);
        assertEquals(changed, new SettingsStore(dir.resolve("sub/settings.json")).load());
    }

    @Test
    void load_corruptFile_givesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertEquals(AppSettings.DEFAULTS, new SettingsStore(file).load());
    }

    @Test
    void load_outOfRangeValues_areReplacedByDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"cameraIndex\": 1, \"threshold\": 7, \"resolution\": \"huge\", \"mirror\": false}");
        AppSettings loaded = new SettingsStore(file).load();
        assertEquals(1, loaded.cameraIndex());
        assertEquals(AppSettings.DEFAULTS.threshold(), loaded.threshold());
        assertEquals(AppSettings.DEFAULTS.resolution(), loaded.resolution());
        assertEquals(AppSettings.Theme.LIGHT, loaded.theme());
    }
}
