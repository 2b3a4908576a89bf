package org.fingerspell.settings;

import org.fingerspell.hand.SigningHand;
import org.fingerspell.spelling.SpellingSettings;
import org.fingerspell.video.CameraSource;

import java.util.Objects;

/**
 * What the user chose and the app remembers between runs: camera, resolution, mirror, spelling thresholds,
 * theme, and the hand that signs. Immutable; the {@code with} methods return changed copies.
 */
public record AppSettings(int cameraIndex, String resolution, boolean mirror, double threshold, long holdMillis,
                          int smoothingFrames, Theme theme, SigningHand signingHand) {

    public enum Theme { LIGHT, DARK }

    public static final AppSettings DEFAULTS = new AppSettings(0, CameraSource.Resolution.VGA.toString(), true,
            SpellingSettings.DEFAULTS.threshold(), SpellingSettings.DEFAULTS.holdMillis(),
            SpellingSettings.DEFAULTS.smoothingFrames(), Theme.LIGHT, SigningHand.RIGHT);

    /** Fills missing or invalid fields (an older or hand-edited file) from the defaults. */
    public AppSettings sanitized() {
        int camera = cameraIndex >= 0 && cameraIndex < 64 ? cameraIndex : DEFAULTS.cameraIndex;
        String res = resolution;
        try {
            CameraSource.Resolution.parse(Objects.requireNonNull(res));
        } catch (RuntimeException e) {
            res = DEFAULTS.resolution;
        }
        SpellingSettings spelling;
        try {
            spelling = new SpellingSettings(threshold, holdMillis, smoothingFrames);
        } catch (IllegalArgumentException e) {
            spelling = SpellingSettings.DEFAULTS;
        }
        return new AppSettings(camera, res, mirror, spelling.threshold(), spelling.holdMillis(),
                spelling.smoothingFrames(), theme == null ? Theme.LIGHT : theme,
                signingHand == null ? SigningHand.RIGHT : signingHand);
    }

    public SpellingSettings spelling() {
        return new SpellingSettings(threshold, holdMillis, smoothingFrames);
    }

    public CameraSource.Resolution cameraResolution() {
        return CameraSource.Resolution.parse(resolution);
    }

    public AppSettings withCameraIndex(int value) {
        return new AppSettings(value, resolution, mirror, threshold, holdMillis, smoothingFrames, theme, signingHand);
    }

    public AppSettings withResolution(String value) {
        return new AppSettings(cameraIndex, value, mirror, threshold, holdMillis, smoothingFrames, theme, signingHand);
    }

    public AppSettings withMirror(boolean value) {
        return new AppSettings(cameraIndex, resolution, value, threshold, holdMillis, smoothingFrames, theme, signingHand);
    }

    public AppSettings withSpelling(SpellingSettings value) {
        return new AppSettings(cameraIndex, resolution, mirror, value.threshold(), value.holdMillis(),
                value.smoothingFrames(), theme, signingHand);
    }

    public AppSettings withTheme(Theme value) {
        return new AppSettings(cameraIndex, resolution, mirror, threshold, holdMillis, smoothingFrames, value, signingHand);
    }

    public AppSettings withSigningHand(SigningHand value) {
        return new AppSettings(cameraIndex, resolution, mirror, threshold, holdMillis, smoothingFrames, theme, value);
    }
}
