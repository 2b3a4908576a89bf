package org.fingerspell.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.spelling.SpellingSettings;
import org.fingerspell.ui.AppModel;
import org.fingerspell.video.Cameras;

import java.util.Locale;

/** Camera, resolution, mirror, spelling thresholds and theme; OK applies and saves them. */
public final class SettingsDialog extends Dialog<AppSettings> {

    public SettingsDialog(AppModel app, Window owner) {
        SettingsViewModel viewModel = new SettingsViewModel(app);
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Settings are saved for the next start.");

        ComboBox<Integer> camera = new ComboBox<>();
        camera.setId("cameraChoice");
        camera.getItems().add(viewModel.cameraIndexProperty().get());
        camera.setValue(viewModel.cameraIndexProperty().get());
        viewModel.cameras().addListener((javafx.collections.ListChangeListener<Cameras.CameraInfo>) change -> {
            Integer chosen = camera.getValue();
            camera.getItems().setAll(viewModel.cameras().stream().map(Cameras.CameraInfo::index).toList());
            if (chosen != null && !camera.getItems().contains(chosen)) {
                camera.getItems().add(0, chosen);
            }
            camera.setValue(chosen);
        });
        camera.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer index) {
                if (index == null) {
                    return "";
                }
                return viewModel.cameras().stream().filter(c -> c.index() == index).findFirst()
                        .map(Cameras.CameraInfo::toString).orElse("Camera " + index);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        camera.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.cameraIndexProperty().set(now);
            }
        });
        Label cameraStatus = new Label();
        cameraStatus.getStyleClass().add(Styles.TEXT_MUTED);
        cameraStatus.textProperty().bind(viewModel.cameraStatusProperty());

        ChoiceBox<String> resolution = new ChoiceBox<>();
        resolution.getItems().setAll(SettingsViewModel.RESOLUTIONS);
        resolution.valueProperty().bindBidirectional(viewModel.resolutionProperty());

        ChoiceBox<SigningHand> hand = new ChoiceBox<>();
        hand.setId("signingHand");
        hand.getItems().setAll(SigningHand.values());
        hand.setConverter(new StringConverter<>() {
            @Override
            public String toString(SigningHand value) {
                return value == null ? "" : value.description();
            }

            @Override
            public SigningHand fromString(String text) {
                return java.util.Arrays.stream(SigningHand.values())
                        .filter(value -> value.description().equals(text)).findFirst().orElse(null);
            }
        });
        hand.valueProperty().bindBidirectional(viewModel.signingHandProperty());
        hand.setTooltip(new Tooltip("The model learned right hands: a left hand's frames are mirrored before the "
                + "hand is looked for"));

        ToggleSwitch mirror = new ToggleSwitch("Show the video as a mirror");
        mirror.selectedProperty().bindBidirectional(viewModel.mirrorProperty());

        Slider threshold = new Slider(SpellingSettings.MIN_THRESHOLD, SpellingSettings.MAX_THRESHOLD,
                viewModel.thresholdProperty().get());
        threshold.setId("threshold");
        threshold.valueProperty().bindBidirectional(viewModel.thresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.0f%%",
                viewModel.thresholdProperty().get() * 100), viewModel.thresholdProperty()));

        Slider hold = new Slider(100, 3000, viewModel.holdMillisProperty().get());
        hold.setId("holdTime");
        hold.setBlockIncrement(50);
        hold.valueProperty().bindBidirectional(viewModel.holdMillisProperty());
        Label holdValue = new Label();
        holdValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.0f ms",
                Math.round(viewModel.holdMillisProperty().get() / 50.0) * 50.0), viewModel.holdMillisProperty()));

        Spinner<Integer> smoothing = new Spinner<>(1, 30, viewModel.smoothingFramesProperty().get());
        smoothing.valueProperty().addListener((obs, was, now) -> viewModel.smoothingFramesProperty().set(now));
        viewModel.smoothingFramesProperty().addListener((obs, was, now) ->
                smoothing.getValueFactory().setValue(now.intValue()));

        ChoiceBox<AppSettings.Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(AppSettings.Theme.values());
        theme.valueProperty().bindBidirectional(viewModel.themeProperty());

        Button reset = new Button("Reset spelling defaults");
        reset.setOnAction(e -> viewModel.resetSpelling());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label("Camera"), camera, cameraStatus);
        grid.addRow(row++, new Label("Resolution"), resolution);
        grid.addRow(row++, new Label("Mirror"), mirror);
        grid.addRow(row++, new Label("Signing hand"), hand);
        grid.addRow(row++, new Label("Confidence threshold"), threshold, thresholdValue);
        grid.addRow(row++, new Label("Hold time"), hold, holdValue);
        grid.addRow(row++, new Label("Smoothing (frames)"), smoothing);
        grid.add(reset, 1, row++);
        grid.addRow(row, new Label("Theme"), theme);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefWidth(620);
        setResultConverter(button -> button != null && button.getButtonData() == ButtonBar.ButtonData.OK_DONE
                ? viewModel.result() : null);
    }
}
