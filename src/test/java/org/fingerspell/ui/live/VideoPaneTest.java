package org.fingerspell.ui.live;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand box as laid out on screen: cut to the picture on the live video, over the padding on a still. */
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

    @Test
    void liveVideo_noHand_hidesBoxAndLabel(FxRobot robot) {
        show(robot, live, null, "A  50%");
        assertFalse(robot.lookup("#handBox").query().isVisible());
        assertFalse(robot.lookup("#handBoxLabel").query().isVisible());
    }
}
