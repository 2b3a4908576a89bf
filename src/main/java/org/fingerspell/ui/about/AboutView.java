package org.fingerspell.ui.about;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.fingerspell.AppInfo;
import org.fingerspell.ui.Page;

/** What Fingerspell is, its version, keyboard shortcuts, and where its data came from. */
public final class AboutView implements Page {

    private final VBox root = new VBox(12);

    public AboutView() {
        root.setPadding(new Insets(32));
        root.setMaxWidth(820);
        Label title = new Label("Fingerspell " + AppInfo.version());
        title.getStyleClass().add(Styles.TITLE_1);
        Label what = paragraph("Reads American Sign Language fingerspelling from a webcam: it finds the hand, "
                + "reads the letter, and types a letter when you hold the sign steady. Show no hand (or another "
                + "sign) between two equal letters; sign SPACE for a space and DEL to delete.");
        Label keys = new Label("Keyboard");
        keys.getStyleClass().add(Styles.TITLE_4);
        Label shortcuts = paragraph("Ctrl+C copy the text · Backspace delete the last character · "
                + "Ctrl+L clear · Ctrl+M mirror the video");
        Label data = new Label("Data");
        data.getStyleClass().add(Styles.TITLE_4);
        Label credits = paragraph("The classifier was trained on the Kaggle ASL Alphabet set (Akash Nagaraj, 2018, "
                + "doi:10.34740/KAGGLE/DSV/29550) and phone photos of several signers; it is tested on the Massey "
                + "University 2D static ASL gestures (Barczak et al., 2011).");
        root.getChildren().addAll(title, what, keys, shortcuts, data, credits);
        root.setId("aboutPage");
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT);
        label.setStyle("-fx-font-size: 15px;");
        return label;
    }

    @Override
    public String title() {
        return "About";
    }

    @Override
    public Node view() {
        return root;
    }
}
