package org.fingerspell.bench;

import org.fingerspell.TestData;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodedSequenceTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void squareImage_isLetterboxedTo640x480WithBlackBars(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("white.png");
        Mat white = new Mat(160, 160, CvType.CV_8UC3, new Scalar(255, 255, 255));
        Imgcodecs.imwrite(image.toString(), white);
        white.release();
        EncodedSequence sequence = EncodedSequence.of(List.of(image), "one white square", 30);
        sequence.open();
        Mat frame = sequence.grab();
        try {
            assertEquals(640, frame.cols());
            assertEquals(480, frame.rows());
            assertTrue(Core.mean(frame.submat(0, 480, 0, 70)).val[0] < 5, "left bar is black");
            assertTrue(Core.mean(frame.submat(0, 480, 100, 540)).val[0] > 245, "the image fills the middle 480 px");
        } finally {
            frame.release();
        }
        assertEquals("one white square", sequence.describe());
        assertFalse(sequence.live());
    }

    @Test
    void grab_loopsForever(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 2; i++) {
            Mat image = new Mat(40, 60, CvType.CV_8UC3, new Scalar(100 * i, 0, 0));
            Imgcodecs.imwrite(dir.resolve(i + ".png").toString(), image);
            image.release();
        }
        Files.writeString(dir.resolve("broken.png"), "not an image");
        EncodedSequence sequence = EncodedSequence.of(List.of(dir.resolve("0.png"), dir.resolve("broken.png"),
                dir.resolve("1.png")), "two", 30);
        assertEquals(2, sequence.size(), "the broken file is left out");
        sequence.open();
        for (int i = 0; i < 5; i++) {
            Mat frame = sequence.grab();
            assertFalse(frame.empty());
            frame.release();
        }
        assertEquals(12.5, sequence.atRate(12.5).fps());
    }

    @Test
    void noReadableImage_isRefused(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "x");
        assertThrows(IllegalArgumentException.class, () -> EncodedSequence.of(List.of(broken), "none", 30));
    }

    @Test
    void kaggleSequence_takesRunsOfConsecutiveFramesPerLetterAndSaysSo() throws Exception {
        TestData.pack(KaggleSequence.PACK);
        EncodedSequence sequence = KaggleSequence.load(TestData.dataRoot(), 45).orElseThrow();
        assertEquals(45, sequence.size());
        assertTrue(sequence.describe().contains("45 real kaggle-train frames"), sequence.describe());
        assertTrue(sequence.describe().contains(": A B)"), sequence.describe());
    }

    @Test
    void kaggleSequence_withoutThePack_isEmpty(@TempDir Path dir) throws Exception {
        assertTrue(KaggleSequence.load(dir, 10).isEmpty());
    }
}
