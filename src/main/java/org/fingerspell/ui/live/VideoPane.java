package org.fingerspell.ui.live;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.fingerspell.app.Startup;

/** The video (or a still image), scaled to fit without cropping, with the hand box drawn over it. */
public final class VideoPane extends Region {

    private final ImageView view = new ImageView();
    private final Rectangle box = new Rectangle();
    private final javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane();
    private final Rectangle clip = new Rectangle();
    private final ObjectProperty<LiveViewModel.HandBox> handBox = new SimpleObjectProperty<>();

    public VideoPane() {
        this(true);
    }

    /** For still images (the Files page): no start-up milestone, which times the live video's first frame. */
    public static VideoPane forStills() {
        return new VideoPane(false);
    }

    private VideoPane(boolean startupMilestone) {
        getStyleClass().add("video-pane");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId(startupMilestone ? "video" : "previewImage");
        box.getStyleClass().add("hand-box");
        box.setManaged(false);
        box.setMouseTransparent(true);
        box.setId(startupMilestone ? "handBox" : "previewBox");
        // The hand region may reach past the frame's edges: draw it over the letterbox too, not past the pane.
        overlay.getChildren().add(box);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        overlay.setClip(clip);
        getChildren().addAll(view, overlay);
        view.imageProperty().addListener((obs, was, now) -> requestLayout());
        if (startupMilestone) {
            view.imageProperty().addListener(firstFramePainted());
        }
        handBox.addListener((obs, was, now) -> requestLayout());
        setMinSize(160, 120);
    }

    private ChangeListener<Image> firstFramePainted() {
        return new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Image> obs, Image was, Image now) {
                if (now != null && getScene() != null) {
                    // Start-up time is measured to here: the pulse that lays out (and then paints) the first frame.
                    view.imageProperty().removeListener(this);
                    Scene scene = getScene();
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        Startup.milestone("first frame painted");
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                }
            }
        };
    }

    public ObjectProperty<Image> imageProperty() {
        return view.imageProperty();
    }

    public ObjectProperty<LiveViewModel.HandBox> handBoxProperty() {
        return handBox;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        Image image = view.getImage();
        if (image == null || w <= 0 || h <= 0) {
            box.setVisible(false);
            return;
        }
        double scale = Math.min(w / image.getWidth(), h / image.getHeight());
        double iw = image.getWidth() * scale;
        double ih = image.getHeight() * scale;
        double x = in.getLeft() + (w - iw) / 2;
        double y = in.getTop() + (h - ih) / 2;
        view.setFitWidth(iw);
        view.setFitHeight(ih);
        view.relocate(x, y);
        overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        LiveViewModel.HandBox hand = handBox.get();
        box.setVisible(hand != null);
        if (hand != null) {
            double bw = hand.width() * iw;
            double bh = hand.height() * ih;
            box.setWidth(bw);
            box.setHeight(bh);
            box.relocate(x + hand.centerX() * iw - bw / 2, y + hand.centerY() * ih - bh / 2);
            box.setRotate(hand.rotation());
            box.getStyleClass().setAll("hand-box", hand.guide() ? "guide" : "found");
        }
    }
}
