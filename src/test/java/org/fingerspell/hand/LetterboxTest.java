package org.fingerspell.hand;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LetterboxTest {

    private static final double EPS = 1e-9;

    @Test
    void fit_landscape_barsAboveAndBelow() {
        Letterbox box = Letterbox.fit(400, 200, 192, 0);
        assertEquals(192, box.contentWidth());
        assertEquals(96, box.contentHeight());
        assertEquals(0, box.offsetX());
        assertEquals(48, box.offsetY());
        assertEquals(48, box.padBottom());
    }

    @Test
    void toFrame_mapsInputCoordinatesBackThroughTheBars() {
        Letterbox box = Letterbox.fit(400, 200, 192, 0);
        assertEquals(200, box.toFrameX(0.5), EPS);
        assertEquals(100, box.toFrameY(0.5), EPS);
        assertEquals(0, box.toFrameY(48 / 192.0), EPS);
        assertEquals(200, box.toFrameY(144 / 192.0), EPS);
        assertEquals(-100, box.toFrameY(0), EPS); // the bar above the frame lies outside it
    }

    @Test
    void fit_portrait_barsLeftAndRight() {
        Letterbox box = Letterbox.fit(100, 300, 192, 0);
        assertEquals(64, box.contentWidth());
        assertEquals(192, box.contentHeight());
        assertEquals(64, box.offsetX());
        assertEquals(0, box.toFrameX(64 / 192.0), EPS);
        assertEquals(100, box.toFrameX(128 / 192.0), EPS);
        assertEquals(150, box.toFrameY(0.5), EPS);
    }

    @Test
    void fit_withPad_shrinksTheFrameIntoTheMiddle() {
        Letterbox box = Letterbox.fit(400, 200, 192, 0.5);
        assertEquals(96, box.contentWidth());
        assertEquals(48, box.contentHeight());
        assertEquals(48, box.offsetX());
        assertEquals(72, box.offsetY());
        assertEquals(0, box.toFrameX(48 / 192.0), EPS);
        assertEquals(400, box.toFrameX(144 / 192.0), EPS);
        assertEquals(100, box.toFrameY(0.5), EPS);
    }

    @Test
    void toFrame_mapsADetectionsBoxAndKeypoints() {
        Letterbox box = Letterbox.fit(400, 200, 192, 0);
        double[] keypoints = new double[14];
        keypoints[0] = 0.25;
        keypoints[1] = 0.5;
        PalmDetection palm = box.toFrame(new PalmDetection(0.9, 0.25, 0.25, 0.75, 0.75, keypoints));
        assertEquals(100, palm.xMin(), EPS);
        assertEquals(0, palm.yMin(), EPS);
        assertEquals(300, palm.xMax(), EPS);
        assertEquals(200, palm.yMax(), EPS);
        assertEquals(100, palm.keypointX(0), EPS);
        assertEquals(100, palm.keypointY(0), EPS);
        assertEquals(0.9, palm.score(), EPS);
    }

    @Test
    void fit_emptyFrame_throws() {
        assertThrows(IllegalArgumentException.class, () -> Letterbox.fit(0, 10, 192, 0));
    }
}
