package org.fingerspell.ui.live;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.fingerspell.app.Startup;
import org.fingerspell.hand.HandLandmarks;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The video (or a still image), scaled to fit without cropping, with the hand's skeleton (its landmarks and the
 * bones between them), the hand box and its label drawn over it. The skeleton is cut to the picture. On the live
 * video the box is too; on a still it may reach over the pane's padding, where the Files page shows the whole square
 * the model read.
 */
public final class VideoPane extends Region {

    /** The joints' dots, in view pixels (a circle's radius is not a CSS property; their colours are). */
    private static final double JOINT_RADIUS = 3.5;

    private final ImageView view = new ImageView();
    private final Polygon box = new Polygon();
    private final Label boxLabel = new Label();
    private final ObjectProperty<HandBox> handBox = new SimpleObjectProperty<>();
    private final Group skeleton = new Group();
    private final Rectangle skeletonClip = new Rectangle();
    private final List<Line> bones = HandSkeleton.BONES.stream().map(bone -> new Line()).toList();
    private final List<Circle> joints = Stream.generate(() -> new Circle(JOINT_RADIUS))
            .limit(HandLandmarks.COUNT).toList();
    private final ObjectProperty<HandSkeleton> handSkeleton = new SimpleObjectProperty<>();
    private final boolean boxOnPicture;

    public VideoPane() {
        this(true);
    }

    /**
     * For still images (the Files page): the box is not cut to the picture, and no start-up milestone (which times
     * the live video's first frame) is set.
     */
    public static VideoPane forStills() {
        return new VideoPane(false);
    }

    private VideoPane(boolean live) {
        boxOnPicture = live;
        getStyleClass().add("video-pane");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId(live ? "video" : "previewImage");
        box.getStyleClass().add("hand-box");
        box.setManaged(false);
        box.setMouseTransparent(true);
        box.setId(live ? "handBox" : "previewBox");
        boxLabel.getStyleClass().add("hand-box-label");
        boxLabel.setManaged(false);
        boxLabel.setMouseTransparent(true);
        boxLabel.setId(live ? "handBoxLabel" : "previewBoxLabel");
        bones.forEach(bone -> bone.getStyleClass().add("hand-bone"));
        joints.forEach(joint -> joint.getStyleClass().add("hand-joint"));
        skeleton.getChildren().addAll(bones);
        skeleton.getChildren().addAll(joints);
        skeleton.getStyleClass().add("hand-skeleton");
        skeleton.setId(live ? "handSkeleton" : "previewSkeleton");
        skeleton.setManaged(false);
        skeleton.setMouseTransparent(true);
        skeleton.setClip(skeletonClip);
        skeleton.setVisible(false);
        getChildren().addAll(view, skeleton, box, boxLabel);
        view.imageProperty().addListener((obs, was, now) -> requestLayout());
        if (live) {
            view.imageProperty().addListener(firstFramePainted());
        }
        handBox.addListener((obs, was, now) -> requestLayout());
        handSkeleton.addListener((obs, was, now) -> requestLayout());
        boxLabel.textProperty().addListener((obs, was, now) -> requestLayout());
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

    public ObjectProperty<HandBox> handBoxProperty() {
        return handBox;
    }

    /** The hand's landmarks, drawn as a skeleton over the picture; none is drawn when null. */
    public ObjectProperty<HandSkeleton> handSkeletonProperty() {
        return handSkeleton;
    }

    /** The text on the hand box (the letter read); none is shown when it is empty. */
    public StringProperty boxLabelProperty() {
        return boxLabel.textProperty();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        Image image = view.getImage();
        if (image == null || w <= 0 || h <= 0) {
            skeleton.setVisible(false);
            hideBox();
            return;
        }
        double scale = Math.min(w / image.getWidth(), h / image.getHeight());
        BoxPlacement.Area picture = new BoxPlacement.Area(in.getLeft() + (w - image.getWidth() * scale) / 2,
                in.getTop() + (h - image.getHeight() * scale) / 2, image.getWidth() * scale, image.getHeight() * scale);
        view.setFitWidth(picture.width());
        view.setFitHeight(picture.height());
        view.relocate(picture.x(), picture.y());
        layoutSkeleton(picture);
        HandBox hand = handBox.get();
        // Cut half a stroke inside, so the whole line (not only its middle) stays on the picture.
        BoxPlacement.Area bounds = (boxOnPicture ? picture : new BoxPlacement.Area(0, 0, getWidth(), getHeight()))
                .inset(box.getStrokeWidth() / 2);
        Optional<BoxPlacement.Outline> outline = hand == null ? Optional.empty()
                : BoxPlacement.inView(hand, picture, bounds);
        if (outline.isEmpty()) {
            hideBox();
            return;
        }
        box.getPoints().setAll(outline.get().corners().stream()
                .flatMap(p -> Stream.of(p.x(), p.y())).toList());
        String kind = hand.guide() ? "guide" : "found";
        box.getStyleClass().setAll("hand-box", kind);
        box.setVisible(true);
        boxLabel.getStyleClass().setAll("hand-box-label", kind);
        boxLabel.setVisible(!boxLabel.getText().isEmpty());
        if (boxLabel.isVisible()) {
            double labelWidth = boxLabel.prefWidth(-1);
            double labelHeight = boxLabel.prefHeight(labelWidth);
            BoxPlacement.Point at = BoxPlacement.labelAt(outline.get(), labelWidth, labelHeight,
                    boxOnPicture ? picture : bounds);
            boxLabel.resizeRelocate(at.x(), at.y(), labelWidth, labelHeight);
        }
    }

    private void layoutSkeleton(BoxPlacement.Area picture) {
        HandSkeleton hand = handSkeleton.get();
        if (hand == null) {
            skeleton.setVisible(false);
            return;
        }
        List<BoxPlacement.Point> at = SkeletonPlacement.inView(hand, picture);
        for (int i = 0; i < joints.size(); i++) {
            joints.get(i).setCenterX(at.get(i).x());
            joints.get(i).setCenterY(at.get(i).y());
        }
        for (int i = 0; i < bones.size(); i++) {
            int[] ends = HandSkeleton.BONES.get(i);
            Line bone = bones.get(i);
            bone.setStartX(at.get(ends[0]).x());
            bone.setStartY(at.get(ends[0]).y());
            bone.setEndX(at.get(ends[1]).x());
            bone.setEndY(at.get(ends[1]).y());
        }
        skeletonClip.setX(picture.x());
        skeletonClip.setY(picture.y());
        skeletonClip.setWidth(picture.width());
        skeletonClip.setHeight(picture.height());
        skeleton.setVisible(true);
    }

    private void hideBox() {
        box.setVisible(false);
        boxLabel.setVisible(false);
    }
}
