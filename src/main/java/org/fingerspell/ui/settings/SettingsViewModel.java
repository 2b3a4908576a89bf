package org.fingerspell.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.spelling.SpellingSettings;
import org.fingerspell.ui.AppModel;
import org.fingerspell.video.Cameras;

import java.util.List;

/** The settings form: a copy of the settings being edited, the cameras found, and the result. */
public final class SettingsViewModel {

    public static final List<String> RESOLUTIONS = List.of("640x480", "1280x720");

    // Properties
    private final ObservableList<Cameras.CameraInfo> cameras = FXCollections.observableArrayList();
    private final StringProperty cameraStatus = new SimpleStringProperty("Looking for cameras…");
    private final IntegerProperty cameraIndex = new SimpleIntegerProperty();
    private final StringProperty resolution = new SimpleStringProperty();
    private final BooleanProperty mirror = new SimpleBooleanProperty();
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final DoubleProperty holdMillis = new SimpleDoubleProperty();
    private final IntegerProperty smoothingFrames = new SimpleIntegerProperty();
    private final ObjectProperty<AppSettings.Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<SigningHand> signingHand = new SimpleObjectProperty<>();

    public SettingsViewModel(AppModel app) {
        AppSettings current = app.settings();
        cameraIndex.set(current.cameraIndex());
        resolution.set(current.resolution());
        mirror.set(current.mirror());
        threshold.set(current.threshold());
        holdMillis.set(current.holdMillis());
        smoothingFrames.set(current.smoothingFrames());
        theme.set(current.theme());
        signingHand.set(current.signingHand());
        app.background().run(() -> Cameras.list(8), found -> {
            cameras.setAll(found);
            cameraStatus.set(found.isEmpty() ? "No camera found" : found.size() + " camera(s) found");
        }, error -> cameraStatus.set("Cameras could not be listed: " + error.getMessage()));
    }

    // Commands

    /** The edited settings; the spelling values are clamped into their valid ranges. */
    public AppSettings result() {
        double t = Math.max(SpellingSettings.MIN_THRESHOLD, Math.min(SpellingSettings.MAX_THRESHOLD, threshold.get()));
        long hold = Math.max(SpellingSettings.MIN_HOLD_MILLIS, Math.min(SpellingSettings.MAX_HOLD_MILLIS,
                Math.round(holdMillis.get() / 50.0) * 50));
        int smoothing = Math.max(1, Math.min(SpellingSettings.MAX_SMOOTHING_FRAMES, smoothingFrames.get()));
        return new AppSettings(cameraIndex.get(), resolution.get(), mirror.get(), Math.round(t * 100) / 100.0, hold,
                smoothing, theme.get(), signingHand.get() == null ? SigningHand.RIGHT : signingHand.get());
    }

    public void resetSpelling() {
        threshold.set(SpellingSettings.DEFAULTS.threshold());
        holdMillis.set(SpellingSettings.DEFAULTS.holdMillis());
        smoothingFrames.set(SpellingSettings.DEFAULTS.smoothingFrames());
    }

    public ObservableList<Cameras.CameraInfo> cameras() {
        return cameras;
    }

    public StringProperty cameraStatusProperty() {
        return cameraStatus;
    }

    public IntegerProperty cameraIndexProperty() {
        return cameraIndex;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    public BooleanProperty mirrorProperty() {
        return mirror;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public DoubleProperty holdMillisProperty() {
        return holdMillis;
    }

    public IntegerProperty smoothingFramesProperty() {
        return smoothingFrames;
    }

    public ObjectProperty<AppSettings.Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<SigningHand> signingHandProperty() {
        return signingHand;
    }
}
