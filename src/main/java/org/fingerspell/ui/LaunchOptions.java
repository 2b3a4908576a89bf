package org.fingerspell.ui;

import org.fingerspell.settings.SettingsStore;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;

import java.util.Objects;

/**
 * How the window starts: which source (null: the camera in the settings), which model, how folders and videos
 * play, where settings live.
 *
 * @param fps  folder rate, or a video's override (0: a video's own rate; folders then play at 30)
 * @param loop whether folders and videos start again at their end
 */
public record LaunchOptions(SourceSpec source, ModelLoader model, String modelDescription, double fps, boolean loop,
                            SettingsStore settings) {

    public LaunchOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
    }
}
