package org.fingerspell.ui.settings;

import org.fingerspell.hand.SigningHand;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.AppModel;
import org.fingerspell.ui.Background;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The settings form starts from the current settings and gives back what was chosen, the signing hand included. */
class SettingsViewModelTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void signingHand_startsFromTheSettingsAndEndsInTheResult() throws Exception {
        AppSettings current = AppSettings.DEFAULTS.withSigningHand(SigningHand.LEFT).withMirror(false);
        try (Background background = new Background()) {
            AppModel app = new AppModel(new SettingsStore(temp.resolve("settings.json")), current, background);
            SettingsViewModel form = WaitForAsyncUtils.asyncFx(() -> new SettingsViewModel(app))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(SigningHand.LEFT, form.signingHandProperty().get());
            assertEquals(current, form.result(), "nothing changed, nothing different");

            form.signingHandProperty().set(SigningHand.RIGHT);
            assertEquals(current.withSigningHand(SigningHand.RIGHT), form.result());
        }
    }
}
