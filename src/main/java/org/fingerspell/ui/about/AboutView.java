package org.fingerspell.ui.about;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.fingerspell.AppInfo;
import org.fingerspell.app.AboutInfo;
import org.fingerspell.ui.Page;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What Fingerspell is, its version, keyboard shortcuts, where its data came from, and (from {@link AboutInfo},
 * rebuilt each time the page is shown) the model with its card's numbers, the device, where the logs are and the
 * bundled components' licences.
 */
public final class AboutView implements Page {

    private final VBox root = new VBox(12);
    private final VBox details = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(root);
    private final Supplier<AboutInfo> about;
    private final Consumer<String> clipboard;

    /** The static text only (tests and callers without a model). */
    public AboutView() {
        this(null, text -> { });
    }

    /** @param about builds the current facts (called on the FX thread when the page is shown; it reads small files) */
    public AboutView(Supplier<AboutInfo> about, Consumer<String> clipboard) {
        this.about = about;
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        root.setPadding(new Insets(32));
        root.setMaxWidth(820);
        Label title = new Label("Fingerspell " + AppInfo.version());
        title.getStyleClass().add(Styles.TITLE_1);
        Label what = paragraph("Reads American Sign Language fingerspelling from a webcam: it finds the hand, "
                + "reads the letter, and types a letter when you hold the sign steady. Show no hand (or another "
                + "sign) between two equal letters; sign SPACE for a space and DEL to delete.");
        Label keys = heading("Keyboard");
        Label shortcuts = paragraph("Ctrl+C copy the text · Backspace delete the last character · "
                + "Ctrl+L clear · Ctrl+M mirror the video");
        Label data = heading("Data");
        Label credits = paragraph("The classifier was trained on the Kaggle ASL Alphabet set (Akash Nagaraj, 2018, "
                + "doi:10.34740/KAGGLE/DSV/29550) and phone photos of several signers; it is tested on the Massey "
                + "University 2D static ASL gestures (Barczak et al., 2011).");
        details.setId("aboutDetails");
        root.getChildren().addAll(title, what, keys, shortcuts, data, credits, details);
        root.setId("aboutPage");
        scroll.setFitToWidth(true);
        refresh();
    }

    /** Rebuilds the model, device and licence sections from a fresh {@link AboutInfo}. */
    private void refresh() {
        details.getChildren().clear();
        if (about == null) {
            return;
        }
        AboutInfo info = about.get();
        AboutInfo.Model model = info.model();
        details.getChildren().add(heading("Model"));
        details.getChildren().add(paragraph(model.title()));
        if (!model.summary().isEmpty()) {
            details.getChildren().add(paragraph(model.summary()));
        }
        model.metrics().forEach(metric -> details.getChildren().add(paragraph("• " + metric)));
        details.getChildren().add(muted(model.file().toString()));
        details.getChildren().add(heading("This installation"));
        details.getChildren().add(paragraph("Device: " + info.device()));
        details.getChildren().add(paragraph(info.runtime()));
        details.getChildren().add(paragraph("Logs and crash reports: " + info.logFolder()));
        Button copy = new Button("Copy details");
        copy.setId("copyAboutDetails");
        copy.setOnAction(e -> clipboard.accept(info.toText()));
        details.getChildren().add(copy);
        details.getChildren().add(heading("Licences"));
        info.components().forEach(component -> details.getChildren().add(paragraph(component.describe())));
        details.getChildren().add(muted("Full notices: THIRD-PARTY-NOTICES.md beside the application."));
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT);
        label.setStyle("-fx-font-size: 15px;");
        return label;
    }

    private static Label muted(String text) {
        Label label = paragraph(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    @Override
    public String title() {
        return "About";
    }

    @Override
    public Node view() {
        return scroll;
    }

    @Override
    public void shown(Scene scene) {
        refresh();
    }
}
