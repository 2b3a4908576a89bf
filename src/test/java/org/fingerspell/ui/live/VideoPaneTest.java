package org.fingerspell.ui.live;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.Group;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.fingerspell.hand.HandLandmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand box as laid out on screen: cut to the picture on the live video, over the padding on a still; and the
 * hand's skeleton, on the picture where its landmarks are.
 */
@ExtendWith(ApplicationExtension.class)
class VideoPaneTest {

    /** The enlarged, turned region of a hand that fills a 640×480 frame: past every edge of it. */
    private static final HandBox FILLING_THE_FRAME = new HandBox(0.55, 0.5, 1.4, 1.8, 15, false);

    private VideoPane live;
    private VideoPane still;

    @Start
    void start(Stage stage) {
        live = new VideoPane();
        still = VideoPane.forStills();
        still.setPadding(new Insets(56));
        // Both wider than the frame's 4:3, so the picture is letterboxed between bars.
        live.setPrefSize(1000, 500);
        still.setPrefSize(1000, 500);
        StackPane root = new StackPane(live, still);
        Scene scene = new Scene(root, 1000, 500);
        scene.getStylesheets().add(VideoPane.class.getResource("LiveView.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, VideoPane pane, HandBox box, String label) {
        robot.interact(() -> {
            live.setVisible(pane == live);
            still.setVisible(pane == still);
            pane.imageProperty().set(new WritableImage(640, 480));
            pane.handBoxProperty().set(box);
            pane.boxLabelProperty().set(label);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertWithin(Bounds inner, Bounds outer, String what) {
        double slack = 0.5;
        assertTrue(inner.getMinX() >= outer.getMinX() - slack && inner.getMaxX() <= outer.getMaxX() + slack
                && inner.getMinY() >= outer.getMinY() - slack && inner.getMaxY() <= outer.getMaxY() + slack,
                what + " " + inner + " is not within " + outer);
    }

    private static Bounds bounds(FxRobot robot, String id) {
        return robot.lookup(id).query().getBoundsInParent();
    }

    @Test
    void liveVideo_handFillingTheFrame_boxAndLabelStayOnThePicture(FxRobot robot) {
        show(robot, live, FILLING_THE_FRAME, "F  94%");
        Bounds picture = bounds(robot, "#video");
        assertEquals(500 * 640 / 480.0, picture.getWidth(), 0.5, "the picture is letterboxed");
        Node box = robot.lookup("#handBox").query();
        assertTrue(box.isVisible());
        // Bounds in parent include the stroke: the whole line is on the picture, touching its edges.
        assertWithin(box.getBoundsInParent(), picture, "the hand box");
        assertEquals(picture.getMinX(), box.getBoundsInParent().getMinX(), 0.5);
        assertEquals(picture.getMaxX(), box.getBoundsInParent().getMaxX(), 0.5);
        Node label = robot.lookup("#handBoxLabel").query();
        assertTrue(label.isVisible());
        assertWithin(label.getBoundsInParent(), picture, "the label of a box touching the top");
        assertTrue(label.getBoundsInParent().getHeight() > 20, "the label is laid out at its readable size");
    }

    @Test
    void liveVideo_boxInside_labelSitsAboveIt(FxRobot robot) {
        show(robot, live, new HandBox(0.5, 0.6, 0.3, 0.4, 0, false), "B  80%");
        Bounds box = bounds(robot, "#handBox");
        Bounds label = bounds(robot, "#handBoxLabel");
        assertEquals(box.getMinY() + 2, label.getMaxY(), 0.5, "the label's bottom meets the line's middle");
        assertEquals(box.getMinX() + 2, label.getMinX(), 0.5);
    }

    @Test
    void still_handFillingTheFrame_boxReachesOverThePaddingNotPastThePane(FxRobot robot) {
        show(robot, still, FILLING_THE_FRAME, "");
        Bounds picture = bounds(robot, "#previewImage");
        Bounds box = bounds(robot, "#previewBox");
        assertTrue(box.getMinX() < picture.getMinX() - 40, "the square the model read is shown whole: " + box);
        assertWithin(box, new javafx.geometry.BoundingBox(0, 0, still.getWidth(), still.getHeight()), "the box");
        assertFalse(robot.lookup("#previewBoxLabel").query().isVisible(), "no label without text");
    }

    /** A hand in a 640×480 frame: landmark i at (200 + 10i, 400 − 15i) pixels, mirrored on screen. */
    private static HandSkeleton skeleton() {
        float[] points = new float[HandLandmarks.VALUES];
        for (int i = 0; i < HandLandmarks.COUNT; i++) {
            points[3 * i] = 200 + 10 * i;
            points[3 * i + 1] = 400 - 15 * i;
        }
        return SkeletonPlacement.inFrame(new HandLandmarks(points, 0.9f, 0.9f), 640, 480, true).orElseThrow();
    }

    private void showSkeleton(FxRobot robot, HandSkeleton skeleton) {
        robot.interact(() -> live.handSkeletonProperty().set(skeleton));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void liveVideo_landmarks_skeletonDrawnOnThemOverThePicture(FxRobot robot) {
        show(robot, live, null, "");
        HandSkeleton skeleton = skeleton();
        showSkeleton(robot, skeleton);
        Group drawn = robot.lookup("#handSkeleton").queryAs(Group.class);
        assertTrue(drawn.isVisible());
        Bounds picture = bounds(robot, "#video");
        List<BoxPlacement.Point> expected = SkeletonPlacement.inView(skeleton, new BoxPlacement.Area(
                picture.getMinX(), picture.getMinY(), picture.getWidth(), picture.getHeight()));
        List<Circle> joints = drawn.getChildren().stream().filter(Circle.class::isInstance).map(Circle.class::cast)
                .toList();
        assertEquals(HandLandmarks.COUNT, joints.size());
        for (int i = 0; i < joints.size(); i++) {
            assertEquals(expected.get(i).x(), joints.get(i).getCenterX(), 0.01, "joint " + i);
            assertEquals(expected.get(i).y(), joints.get(i).getCenterY(), 0.01, "joint " + i);
        }
        // Mirrored: the wrist (200 px from the frame's left) is drawn right of the middle finger's tip (320 px).
        assertTrue(joints.get(0).getCenterX() > joints.get(12).getCenterX());
        List<Line> bones = drawn.getChildren().stream().filter(Line.class::isInstance).map(Line.class::cast).toList();
        assertEquals(HandSkeleton.BONES.size(), bones.size());
        Line wristToIndex = bones.get(1);
        assertEquals(expected.get(0).x(), wristToIndex.getStartX(), 0.01);
        assertEquals(expected.get(5).y(), wristToIndex.getEndY(), 0.01);
        assertEquals(Color.web("#2ecc71"), joints.get(0).getFill(), "the joints take the stylesheet's colour");
    }

    @Test
    void liveVideo_landmarks_paintTheJointsOnScreen(FxRobot robot) {
        show(robot, live, null, "");
        showSkeleton(robot, skeleton());
        Circle wrist = (Circle) robot.lookup("#handSkeleton").queryAs(Group.class).getChildren().stream()
                .filter(Circle.class::isInstance).findFirst().orElseThrow();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = live.snapshot(null, null));
        Color pixel = shot[0].getPixelReader().getColor((int) Math.round(wrist.getCenterX()),
                (int) Math.round(wrist.getCenterY()));
        assertTrue(pixel.getGreen() > 0.6 && pixel.getRed() < 0.4, "the wrist's dot is painted green: "
                + pixel);
    }

    @Test
    void liveVideo_landmarksGone_hidesTheSkeleton(FxRobot robot) {
        show(robot, live, null, "");
        showSkeleton(robot, skeleton());
        showSkeleton(robot, null);
        assertFalse(robot.lookup("#handSkeleton").query().isVisible());
    }

    @Test
    void liveVideo_noHand_hidesBoxAndLabel(FxRobot robot) {
        show(robot, live, null, "A  50%");
        assertFalse(robot.lookup("#handBox").query().isVisible());
        assertFalse(robot.lookup("#handBoxLabel").query().isVisible());
    }
}
