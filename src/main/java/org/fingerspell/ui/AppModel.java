package org.fingerspell.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;

import java.util.Objects;

/**
 * The state every page shares: the settings (saved in the background whenever they change) and the
 * background executor. Lives as long as the window.
 */
public final class AppModel implements AutoCloseable {

    // Properties
    private final ObjectProperty<AppSettings> settings = new SimpleObjectProperty<>();

    private final SettingsStore store;
    private final Background background;

    public AppModel(SettingsStore store, AppSettings initial, Background background) {
        this.store = Objects.requireNonNull(store, "store");
        this.background = Objects.requireNonNull(background, "background");
        settings.set(Objects.requireNonNull(initial, "initial"));
    }

    public ReadOnlyObjectProperty<AppSettings> settingsProperty() {
        return settings;
    }

    public AppSettings settings() {
        return settings.get();
    }

    public Background background() {
        return background;
    }

    public SettingsStore store() {
        return store;
    }

    // Commands

    /** Applies new settings at once and saves them off the FX thread. */
    public void update(AppSettings changed) {
        Objects.requireNonNull(changed, "changed");
        if (changed.equals(settings.get())) {
            return;
        }
        settings.set(changed);
        background.run("Saving settings to " + store.file(), () -> store.save(changed));
    }

    @Override
    public void close() {
        background.close();
    }
}
