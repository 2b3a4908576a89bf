package org.fingerspell.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the user that an unexpected error happened and where its crash report is (written by
 * {@link org.fingerspell.app.CrashReporter}), so it can be attached to a bug report. One dialog at a time: a
 * burst of errors does not stack windows.
 */
final class CrashDialog {

    private static final AtomicBoolean SHOWING = new AtomicBoolean();

    private CrashDialog() {
    }

    /** Safe from any thread. */
    static void show(Window owner, Path report) {
        Platform.runLater(() -> {
            if (!SHOWING.compareAndSet(false, true)) {
                return;
            }
            try {
                Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
                alert.initOwner(owner);
                alert.setTitle("Fingerspell");
                alert.setHeaderText("Something went wrong inside Fingerspell.");
                TextField path = new TextField(report.toString());
                path.setEditable(false);
                path.setId("crashReportPath");
                Label text = new Label("A crash report was written to the file below. Please attach it when you "
                        + "report this bug. Fingerspell may keep working; restart it if it does not.");
                text.setWrapText(true);
                alert.getDialogPane().setContent(new VBox(8, text, path));
                alert.showAndWait();
            } finally {
                SHOWING.set(false);
            }
        });
    }
}
