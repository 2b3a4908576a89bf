package org.fingerspell.settings;

import org.fingerspell.hand.SigningHand;
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
                .withTheme(AppSettings.Theme.DARK).withSigningHand(SigningHand.LEFT)
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
        AppSettings loaded = load(dir, "{\"cameraIndex\": 1, \"threshold\": 7, \"resolution\": \"huge\", \"mirror\": false}");
        assertEquals(1, loaded.cameraIndex());
        assertEquals(AppSettings.DEFAULTS.threshold(), loaded.threshold());
        assertEquals(AppSettings.DEFAULTS.resolution(), loaded.resolution());
        assertEquals(AppSettings.Theme.LIGHT, loaded.theme());
        assertEquals(SigningHand.RIGHT, loaded.signingHand(), "a file from before the setting reads as right-handed");
    }

    @Test
    void load_unknownSigningHand_givesTheDefault(@TempDir Path dir) throws Exception {
        AppSettings loaded = load(dir, "{\"cameraIndex\": 1, \"signingHand\": \"BOTH\"}");
        assertEquals(1, loaded.cameraIndex());
        assertEquals(SigningHand.RIGHT, loaded.signingHand());
    }

    private static AppSettings load(Path dir, String json) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, json);
        return new SettingsStore(file).load();
    }
}
