package org.fingerspell.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import org.fingerspell.settings.AppSettings;

/** AtlantaFX's Primer theme, light or dark, as the whole app's user-agent stylesheet. */
public final class Themes {

    private Themes() {
    }

    public static void apply(AppSettings.Theme theme) {
        Application.setUserAgentStylesheet(theme == AppSettings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
