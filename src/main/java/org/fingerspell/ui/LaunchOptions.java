package org.fingerspell.ui;

import org.fingerspell.settings.SettingsStore;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the window starts: which source (null: the camera in the settings), which model, how folders and videos
 * play, where settings live.
 *
 * @param fps  folder rate, or a video's override (0: a video's own rate; folders then play at 30)
 * @param loop whether folders and videos start again at their end
 * @param statsLog where to append pipeline health every 10 s (soak runs), or null
 */
public record LaunchOptions(SourceSpec source, ModelLoader model, String modelDescription, double fps, boolean loop,
                            SettingsStore settings, Path statsLog) {

    public LaunchOptions(SourceSpec source, ModelLoader model, String modelDescription, double fps, boolean loop,
                         SettingsStore settings) {
        this(source, model, modelDescription, fps, loop, settings, null);
    }


    public LaunchOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
    }
}
